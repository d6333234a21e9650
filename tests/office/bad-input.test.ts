/**
 * Bad answer workbooks: each gets a clear message in zh and en naming the sheet, row and column,
 * and nothing of a bad row (or of a bad workbook) is applied.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnswerWorkbook } from '../../src/lib/domain/answer-sheet';
import { readAnswerSheet, type SheetImport } from '../../src/lib/domain/answer-sheet-import';
import { formatSheetProblem } from '../../src/lib/domain/answer-sheet-read';
import { findPunctuationProblems } from '../../src/lib/domain/punctuation';
import { SHEET_MESSAGES } from '../../src/lib/domain/answer-sheet-messages';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { readWorkbook, writeAnswerWorkbook } from '../../src/lib/office/xlsx';
import { WorkbookFileError } from '../../src/lib/office/zip-guard';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadFixtureRubric } from '../support/rubrics';
import { editAnswerSheet, python } from '../support/openpyxl';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-bad-'));
const file = (name: string) => path.join(dir, name);
const rubric = loadFixtureRubric();
const assessment = createSampleAssessment(rubric, {
	id: 'a1',
	subject: { id: 's1', name: '测试市', kind: 'city' },
	profile: { level: 'prefecture' },
	date: '2026-01-01'
});
const catalog = { nodes: guidelineNodes, cases: typicalCases };
/** Spreadsheet rows of the mini rubric's indicators in the exported 答卷 sheet. */
const ROW = { 'd1.a': 3, 'd1.b': 4, 'd2.a': 5, 'd2.b': 6, 'd3.a': 7, 'd3.b': 8 } as const;

async function importFile(name: string): Promise<SheetImport> {
	return readAnswerSheet(await readWorkbook(readFileSync(file(name))), rubric, assessment);
}
const texts = (r: SheetImport, lang: 'zh' | 'en') =>
	[...r.fatal, ...r.problems].map((p) => formatSheetProblem(p, lang));

async function fileError(bytes: Uint8Array) {
	try {
		await readWorkbook(bytes);
	} catch (e) {
		if (e instanceof WorkbookFileError) return e.text;
		throw e;
	}
	throw new Error('the workbook was read');
}

beforeAll(async () => {
	const book = buildAnswerWorkbook(rubric, assessment, catalog, 'zh');
	writeFileSync(file('a.xlsx'), await writeAnswerWorkbook(book));
	const meta = (key: string, value: string) => ({
		...book,
		meta: book.meta.map(([k, v]): [string, string] => [k, k === key ? value : v])
	});
	writeFileSync(
		file('other-rubric.xlsx'),
		await writeAnswerWorkbook(meta('rubricId', 'gd-enterprise-maturity'))
	);
	writeFileSync(
		file('other-version.xlsx'),
		await writeAnswerWorkbook(meta('rubricVersion', '0.9.0'))
	);
}, 60_000);

describe('a workbook that is not this assessment’s answer sheet', () => {
	it('from another rubric or another version of it: refused as a whole', async () => {
		const other = await importFile('other-rubric.xlsx');
		expect(other.changes).toEqual([]);
		expect(texts(other, 'zh')).toEqual([
			'该答卷属于量表“gd-enterprise-maturity”，而本评估使用量表“mini”，不能导入。请从本评估的结果页导出答卷。'
		]);
		expect(texts(other, 'en')[0]).toContain('is for rubric “gd-enterprise-maturity”');
		const version = await importFile('other-version.xlsx');
		expect(version.changes).toEqual([]);
		expect(texts(version, 'zh')[0]).toContain('按量表 mini 的 0.9.0 版导出，而本评估使用 1.0.0 版');
		expect(texts(version, 'en')[0]).toContain('version 0.9.0 of rubric mini');
	});

	it('without the hidden sheet, or with the answers sheet and its keys gone: says what to do', async () => {
		python(
			`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); del wb['_meta']; wb.save(sys.argv[2])
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['答卷']; ws.title = 'Sheet9'; ws.delete_rows(1); wb.save(sys.argv[3])
`,
			file('a.xlsx'),
			file('no-meta.xlsx'),
			file('no-answers.xlsx')
		);
		expect(texts(await importFile('no-meta.xlsx'), 'zh')[0]).toContain('不是本应用导出的答卷');
		const noAnswers = await importFile('no-answers.xlsx');
		expect(texts(noAnswers, 'zh')[0]).toBe(
			'找不到答卷工作表（“答卷”或“Answers”）。工作簿中的工作表：“Sheet9”、“得分”、“差距”、“行动计划”。'
		);
		expect(texts(noAnswers, 'en')[0]).toContain('No answers sheet');
	});

	it('a deleted input column is reported, never read from a neighbour', async () => {
		python(
			`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['答卷']
ws.delete_cols([c.value for c in ws[1]].index('answers.level') + 1)
wb.save(sys.argv[2])
`,
			file('a.xlsx'),
			file('no-level.xlsx')
		);
		const r = await importFile('no-level.xlsx');
		expect(r.changes).toEqual([]);
		expect(texts(r, 'zh')).toEqual([
			'答卷：缺少“现状等级 / Current level”列（按隐藏的列标识和表头都找不到），无法导入。请恢复该列，或重新导出答卷。'
		]);
		expect(texts(r, 'en')[0]).toContain('The “现状等级 / Current level” column is missing');
	});
});

describe('bad cells: the row is reported by sheet, row and column and skipped', () => {
	it('formulas in input cells (=HYPERLINK, =cmd|…) are never imported', async () => {
		editAnswerSheet(file('a.xlsx'), file('formulas.xlsx'), {
			[ROW['d1.a']]: { 'answers.note': '=HYPERLINK("http://evil.example","x")' },
			[ROW['d2.a']]: { 'answers.note': "=cmd|' /C calc'!A0" },
			[ROW['d3.a']]: { 'answers.level': '=1+1' },
			[ROW['d3.b']]: { 'answers.note': '正常备注' }
		});
		const r = await importFile('formulas.xlsx');
		expect(r.skippedRows).toEqual([ROW['d1.a'], ROW['d2.a'], ROW['d3.a']]);
		expect(r.changes.map((c) => c.indicatorId)).toEqual(['d3.b']);
		const zh = texts(r, 'zh');
		expect(zh[0]).toBe(
			'答卷，第 3 行，L 列（备注 / Note）：单元格含有公式（=HYPERLINK("http://evil.example","x")），不会被导入。请直接填写数值或文字，不要以“=”开头。'
		);
		expect(zh[1]).toContain('第 5 行，L 列');
		expect(zh[1]).toContain("=cmd|' /C calc'!A0");
		expect(zh[2]).toContain('第 7 行，E 列（现状等级 / Current level）');
		expect(texts(r, 'en')[0]).toMatch(
			/^答卷, row 3, column L \(备注 \/ Note\): The cell holds a formula/
		);
	});

	it('text in number columns, levels off the scale, not-applicable where it is not allowed', async () => {
		editAnswerSheet(file('a.xlsx'), file('cells.xlsx'), {
			[ROW['d1.a']]: { 'answers.level': '三级' },
			[ROW['d1.b']]: { 'answers.notApplicable': '是' },
			[ROW['d2.a']]: { 'answers.value': 'n/a' },
			[ROW['d2.b']]: { 'answers.level': 9 },
			[ROW['d3.a']]: { 'answers.level': 2.5 },
			[ROW['d3.b']]: { 'answers.level': '2' }
		});
		const r = await importFile('cells.xlsx');
		const zh = texts(r, 'zh');
		expect(zh).toEqual([
			'答卷，第 3 行，E 列（现状等级 / Current level）：应填写 0–4 的整数等级（留空表示未作答），而不是“三级”。',
			'答卷，第 4 行，G 列（不适用 / Not applicable）：该指标不允许标记为不适用。请填写等级，并清空“不适用”列。',
			'答卷，第 4 行，E 列（现状等级 / Current level）：同一行不能既填写等级又标记为不适用。请只保留其中一项。',
			'答卷，第 5 行，J 列（指标数值 / Metric value）：应填写数字（留空表示无数值），而不是“n/a”。',
			'答卷，第 6 行，E 列（现状等级 / Current level）：等级 9 超出量表 0–4 的范围。',
			'答卷，第 7 行，E 列（现状等级 / Current level）：应填写 0–4 的整数等级（留空表示未作答），而不是“2.5”。'
		]);
		expect(texts(r, 'en')[4]).toBe(
			'答卷, row 6, column E (现状等级 / Current level): Level 9 is off the scale 0–4.'
		);
		// A number typed as text is still a number; only that row changes.
		expect(r.changes).toEqual(
			assessment.answers['d3.b']!.level === 2
				? []
				: [expect.objectContaining({ indicatorId: 'd3.b', field: 'level', after: 2 })]
		);
	});

	it('merged cells, unknown, duplicated and changed indicator ids', async () => {
		python(
			`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['答卷']
keys = [c.value for c in ws[1]]
col = lambda k: keys.index(k) + 1
ws.merge_cells(start_row=3, start_column=col('answers.note'), end_row=4, end_column=col('answers.note'))
ws.cell(5, col('answers.indicatorId')).value = 'd9.z'
ws.cell(6, col('answers.indicatorId')).value = 'd3.a'
ws.cell(8, col('answers.indicatorId')).value = 'd3.a'
wb.save(sys.argv[2])
`,
			file('a.xlsx'),
			file('ids.xlsx')
		);
		const r = await importFile('ids.xlsx');
		expect(r.changes).toEqual([]);
		const zh = texts(r, 'zh');
		expect(zh[0]).toBe(
			'答卷，第 3 行：单元格 L3:L4 已合并，合并后只保留左上角的值。请取消合并并逐行填写。'
		);
		expect(zh).toContain(
			'答卷，第 5 行，C 列（指标编号 / Indicator id）：量表 mini 1.0.0 中没有指标“d9.z”。请勿修改指标编号。'
		);
		// d3.a typed over two other rows: none of the three rows is taken.
		for (const row of [6, 7, 8])
			expect(
				zh.some((t) => t.startsWith(`答卷，第 ${row} 行，C 列`) && t.includes('指标“d3.a”也出现在'))
			).toBe(true);
		expect(r.skippedRows).toEqual([3, 4, 5, 6, 7, 8]);
	});
});

describe('files that are not a readable workbook', () => {
	it('a password-protected (encrypted) workbook or an old .xls', async () => {
		const ole = new Uint8Array(4096);
		ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const text = await fileError(ole);
		expect(text.zh).toContain('该文件已加密（设有打开密码），或是旧版 .xls 格式');
		expect(text.en).toContain('encrypted');
		expect(text.en).toContain('save it as .xlsx');
	});

	it('a corrupt zip and a file that is no zip at all', async () => {
		const whole = readFileSync(file('a.xlsx'));
		const text = await fileError(whole.subarray(0, Math.floor(whole.length / 2)));
		expect(text.zh).toContain('该工作簿已损坏，无法读取');
		expect(text.en).toContain('The workbook is damaged');
		const csv = await fileError(new TextEncoder().encode('id,level\nd1.a,3\n'));
		expect(csv.zh).toContain('不是 Excel 工作簿');
	});

	it('a 50 MB file is refused before it is read', async () => {
		const big = new Uint8Array(50 * 1024 * 1024);
		big.set([0x50, 0x4b, 0x03, 0x04]);
		const text = await fileError(big);
		expect(text.zh).toBe(
			'文件有 50 MB，超过答卷工作簿 10 MB 的上限。请从本应用重新导出答卷后再填写。'
		);
		expect(text.en).toContain('The file is 50 MB, over the 10 MB limit');
	});

	it('a zip bomb stops at the unpacked-size cap', async () => {
		python(
			`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        block = b'0' * (1024 * 1024)
        for _ in range(160):
            f.write(block)
`,
			file('bomb.xlsx')
		);
		const bytes = readFileSync(file('bomb.xlsx'));
		expect(bytes.length).toBeLessThan(1024 * 1024);
		const text = await fileError(bytes);
		expect(text.zh).toContain('该工作簿解压后超过 100 MB');
		expect(text.en).toContain('Unpacked, this workbook is over 100 MB');
	});
});

it('every answer-sheet message uses the punctuation of its language', () => {
	for (const [key, text] of Object.entries(SHEET_MESSAGES)) {
		expect(findPunctuationProblems(text.zh, 'zh'), key).toEqual([]);
		expect(findPunctuationProblems(text.en, 'en'), key).toEqual([]);
	}
});
