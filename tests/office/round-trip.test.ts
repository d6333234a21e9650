/**
 * Export the workbook, change three levels and a note in its 答卷 sheet with another program
 * (openpyxl), import it: exactly those changes land, and `cli compare` shows them.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { editAnswerSheet, pythonJson } from '../support/openpyxl';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-roundtrip-'));
const file = (name: string) => path.join(dir, name);

interface Answer {
	level: number | null;
	notApplicable: boolean;
	target: number | null;
	value?: number | null;
	note?: string;
}
let before: { answers: Record<string, Answer> };
/** Spreadsheet row of each indicator id in the exported 答卷 sheet. */
let rowOf: Map<string, number>;

beforeAll(() => {
	const sample = cli(['sample', '--rubric', 'gd-city-readiness', '--seed', '4']);
	writeFileSync(file('a.json'), sample.out);
	before = JSON.parse(sample.out);
	const out = cli(['export', file('a.json'), '-o', file('a.xlsx')]);
	expect(out.code, out.err).toBe(0);
	const ids = pythonJson<string[]>(
		`
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['答卷']
keys = [c.value for c in ws[1]]
col = keys.index('answers.indicatorId') + 1
print(json.dumps([ws.cell(r, col).value for r in range(3, ws.max_row + 1)]))
`,
		file('a.xlsx')
	);
	rowOf = new Map(ids.map((id, i) => [id, i + 3]));
}, 120_000);

describe('answer sheet round trip', () => {
	it('imports exactly three changed levels and a changed note, and compare shows them', () => {
		const answered = [...rowOf.keys()].filter((id) => {
			const a = before.answers[id]!;
			return a.level !== null && !a.notApplicable;
		});
		const [x, y, z, w] = answered;
		const next = (id: string) => (before.answers[id]!.level! + 2) % 5;
		editAnswerSheet(file('a.xlsx'), file('b.xlsx'), {
			[rowOf.get(x!)!]: { 'answers.level': next(x!) },
			[rowOf.get(y!)!]: { 'answers.level': next(y!) },
			[rowOf.get(z!)!]: { 'answers.level': next(z!) },
			[rowOf.get(w!)!]: { 'answers.note': '已与统计局核对 2026 年数据' }
		});
		const out = cli([
			'import-sheet',
			file('a.json'),
			file('b.xlsx'),
			'-o',
			file('b.json'),
			'--json'
		]);
		expect(out.code, out.err).toBe(0);
		const report = JSON.parse(out.out);
		expect(report.changes).toEqual(
			[
				...[x!, y!, z!].map((id) => ({
					indicatorId: id,
					row: rowOf.get(id),
					field: 'level',
					before: before.answers[id]!.level,
					after: next(id)
				})),
				{
					indicatorId: w,
					row: rowOf.get(w!),
					field: 'note',
					before: before.answers[w!]!.note ?? '',
					after: '已与统计局核对 2026 年数据'
				}
			].sort((a, b) => a.row! - b.row!)
		);

		// Exactly those answers differ; everything else in the file is as it was.
		const after = JSON.parse(readFileSync(file('b.json'), 'utf8'));
		const expected = structuredClone(before);
		for (const id of [x!, y!, z!]) expected.answers[id]!.level = next(id);
		expected.answers[w!]!.note = '已与统计局核对 2026 年数据';
		expect(after).toEqual(expected);

		const compare = JSON.parse(cli(['compare', file('a.json'), file('b.json'), '--json']).out);
		const moved = compare.indicators.filter(
			(d: { before: number | null; after: number | null }) => d.before !== d.after
		);
		expect(moved.map((d: { id: string }) => d.id).sort()).toEqual([x, y, z].sort());
		expect(compare.overall.delta).not.toBe(0);
	});

	it('an unchanged workbook imports as no change, in either language', () => {
		for (const lang of ['zh', 'en']) {
			const xlsx = file(`same-${lang}.xlsx`);
			expect(cli(['export', file('a.json'), '-o', xlsx, '--lang', lang]).code).toBe(0);
			const out = cli([
				'import-sheet',
				file('a.json'),
				xlsx,
				'-o',
				file(`same-${lang}.json`),
				'--json'
			]);
			expect(out.code, out.err).toBe(0);
			expect(JSON.parse(out.out).changes).toEqual([]);
		}
	});

	it('finds the sheet and columns by their keys when sheets are renamed and reordered and columns moved', () => {
		const id = [...rowOf.keys()].find(
			(i) => before.answers[i]!.level !== null && !before.answers[i]!.notApplicable
		)!;
		const row = rowOf.get(id)!;
		const level = (before.answers[id]!.level! + 1) % 5;
		pythonJson(
			`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['答卷']
ws.title = '我的填报'
wb.move_sheet(ws, offset=2)
keys = [c.value for c in ws[1]]
lvl = keys.index('answers.level') + 1
ws.cell(${row}, lvl).value = ${level}
# Move the level column to the far right and rename every header.
ws.insert_cols(1)
last = ws.max_column + 1
for r in range(1, ws.max_row + 1):
    ws.cell(r, last).value = ws.cell(r, lvl + 1).value
    ws.cell(r, lvl + 1).value = None
for c in range(1, last + 1):
    ws.cell(2, c).value = 'col %d' % c
wb.save(sys.argv[2])
print('[]')
`,
			file('a.xlsx'),
			file('moved.xlsx')
		);
		const out = cli([
			'import-sheet',
			file('a.json'),
			file('moved.xlsx'),
			'-o',
			file('moved.json'),
			'--json'
		]);
		expect(out.code, out.err).toBe(0);
		expect(JSON.parse(out.out).changes).toEqual([
			{ indicatorId: id, row, field: 'level', before: before.answers[id]!.level, after: level }
		]);
	});

	it('writes nothing when a row has a problem, and applies the valid rows only when asked', () => {
		const [good, bad] = [...rowOf.keys()].filter((id) => !before.answers[id]!.notApplicable);
		editAnswerSheet(file('a.xlsx'), file('mixed.xlsx'), {
			[rowOf.get(good!)!]: { 'answers.note': '有效的修改' },
			[rowOf.get(bad!)!]: { 'answers.level': 7 }
		});
		const refused = cli([
			'import-sheet',
			file('a.json'),
			file('mixed.xlsx'),
			'-o',
			file('mixed.json')
		]);
		expect(refused.code).toBe(1);
		expect(refused.err).toContain(
			`答卷，第 ${rowOf.get(bad!)} 行，E 列（现状等级 / Current level）：等级 7 超出量表 0–4 的范围。`
		);
		expect(refused.err).toContain('未写入任何内容');
		expect(existsSync(file('mixed.json'))).toBe(false);

		const partial = cli([
			'import-sheet',
			file('a.json'),
			file('mixed.xlsx'),
			'-o',
			file('mixed.json'),
			'--apply-valid',
			'--json'
		]);
		expect(partial.code, partial.err).toBe(0);
		const report = JSON.parse(partial.out);
		expect(report.skippedRows).toEqual([rowOf.get(bad!)]);
		expect(report.changes.map((c: { indicatorId: string }) => c.indicatorId)).toEqual([good]);
		const after = JSON.parse(readFileSync(file('mixed.json'), 'utf8'));
		expect(after.answers[good!].note).toBe('有效的修改');
		expect(after.answers[bad!]).toEqual(before.answers[bad!]);
	});

	it('an indicator id typed over another row is reported as a changed id, and neither row is taken', () => {
		const [x, y] = [...rowOf.keys()];
		editAnswerSheet(file('a.xlsx'), file('id.xlsx'), {
			[rowOf.get(x!)!]: { 'answers.indicatorId': y! }
		});
		const out = cli([
			'import-sheet',
			file('a.json'),
			file('id.xlsx'),
			'-o',
			file('id.json'),
			'--lang',
			'en'
		]);
		expect(out.code).toBe(1);
		expect(out.err).toContain(
			`答卷, row ${rowOf.get(x!)}, column C (指标编号 / Indicator id): Indicator id “${y}” does not match this row’s indicator name`
		);
		expect(out.err).toContain(
			`row ${rowOf.get(y!)}, column C (指标编号 / Indicator id): Indicator “${y}” also appears in row ${rowOf.get(x!)}`
		);
	});
});
