/**
 * The Word report, read back with python-docx (not the library that wrote it): the content of
 * the report model, Word's heading styles, East-Asian fonts by name, repeated table headers,
 * charts as pictures each followed by its data table, page fields, and user text as text.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankGaps } from '../../src/lib/domain/gaps';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { renderReportDocx } from '../../src/lib/report/docx';
import { loadChartFont } from '../../src/lib/report/docx/node';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { headings, paragraphs, readDocx, tables, type DocxContent } from '../support/docx';
import { city, dir, enterprise, sample, titleOf } from './support';

// A 2×1 PNG.
const LOGO = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGM4IWfTwMDw/z8ADgADobOR4qwAAAAASUVORK5CYII=',
	'base64'
);
const HOSTILE_NAME = `示例市<&>"'`;
const FORMULA_NOTE = '=SUM(A1)*2 见附件';

let chartFont: Uint8Array;
beforeAll(async () => {
	chartFont = await loadChartFont();
});

async function renderAndRead(name: string, ...args: Parameters<typeof renderReportDocx>) {
	const bytes = await renderReportDocx(...args);
	const file = path.join(dir, `${name}.docx`);
	writeFileSync(file, bytes);
	return { bytes, doc: readDocx(file) };
}

const allText = (d: DocxContent) =>
	d.blocks
		.map((b) =>
			b.kind === 'paragraph' ? b.text : b.kind === 'table' ? b.rows.flat().join('\n') : ''
		)
		.join('\n');

describe('Word report', { timeout: 120_000 }, () => {
	const now = sample(city, 7, '2026-03-01', HOSTILE_NAME);
	now.period = '2026年度<&>';
	Object.values(now.answers)[0]!.note = FORMULA_NOTE;
	// A control character XML cannot carry must not make the file unreadable.
	Object.values(now.answers)[1]!.note = 'bell\u0007here';
	const before = sample(city, 3, '2025-03-01', HOSTILE_NAME);
	const title = titleOf(city, 'zh');
	let doc: DocxContent;

	beforeAll(async () => {
		const model = buildReportModel({
			rubric: city,
			assessment: now,
			previous: { rubric: city, assessment: before },
			catalog: { nodes: guidelineNodes, cases: typicalCases },
			locale: 'zh',
			generatedOn: '2026-11-23',
			preparedBy: '粤数咨询'
		});
		({ doc } = await renderAndRead('city-zh', model, {
			chartFont,
			branding: {
				preparedBy: '粤数咨询',
				accentColor: '#8a1538',
				logo: { data: LOGO, type: 'PNG' }
			}
		}));
	});

	it('has the subject, every domain as a Heading 2, and the top gap', () => {
		expect(doc.core.title).toBe(`数字经济发展水平自评估报告 — ${HOSTILE_NAME}`);
		expect(doc.core.author).toBe('粤数咨询');
		expect(paragraphs(doc).some((p) => p.text === HOSTILE_NAME)).toBe(true);
		const h2 = headings(doc, 'Heading2');
		for (const pillar of city.pillars)
			for (const domain of pillar.domains) expect(h2).toContain(domain.title.zh);
		const top = rankGaps(city, now)[0]!;
		// The first table with the gap columns is the summary's top gaps.
		const summaryGaps = tables(doc).find((t) => t.rows[0]!.includes('可挽回分值'))!;
		expect(summaryGaps.rows[1]![1]).toBe(title(top.indicatorId));
	});

	it('uses Word’s built-in heading styles, with outline levels, for chapters and sections', () => {
		expect(headings(doc, 'Heading1')).toEqual(
			expect.arrayContaining(['执行摘要', '图表', '分领域结果', '差距分析', '行动计划'])
		);
		expect(doc.styles.Heading1).toMatchObject({ name: 'Heading 1', outlineLevel: 0 });
		expect(doc.styles.Heading2).toMatchObject({ name: 'Heading 2', outlineLevel: 1 });
		expect(doc.styles.Heading3).toMatchObject({ name: 'Heading 3', outlineLevel: 2 });
		// A table of contents field over headings 1–2, which Word fills when it opens the file.
		expect(doc.blocks).toContainEqual({ kind: 'sdt', instructions: 'TOC \\h \\o "1-2"' });
		expect(doc.updateFields).toBe(true);
	});

	it('declares East-Asian fonts by name in the styles: 宋体 for the body, 黑体 for headings', () => {
		expect(doc.defaultFonts).toEqual({
			ascii: 'Times New Roman',
			hAnsi: 'Times New Roman',
			eastAsia: '宋体',
			cs: 'Times New Roman'
		});
		for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3', 'TableHeading'])
			expect(doc.styles[style]!.fonts).toMatchObject({ ascii: 'Arial', eastAsia: '黑体' });
	});

	it('makes every data table repeat its header row on each page', () => {
		const data = tables(doc).filter((t) => t.rows.length > 1 && t.rows[0]!.some((c) => c !== ''));
		const withHeader = data.filter((t) => t.headerRepeats);
		// Every table of the model has a header row; only the cover and signature lines do not.
		expect(withHeader.length).toBeGreaterThan(20);
		for (const t of data.filter((t) => !t.headerRepeats))
			expect(t.rows.every((r) => r.length === 2)).toBe(true);
	});

	it('draws the charts as pictures, each followed by its data table', () => {
		// The logo, the pillars' radar, the domains' bars and the trend over both assessments.
		expect(doc.pictures).toHaveLength(4);
		const blocks = doc.blocks;
		const charts = blocks.flatMap((b, i) => (b.kind === 'paragraph' && b.pictures ? [i] : []));
		expect(charts).toHaveLength(4);
		for (const i of charts.slice(1, 3)) {
			const next = blocks[i + 1]!;
			expect(next.kind).toBe('table');
			expect((next as { rows: string[][] }).rows[0]).toContain('现状');
		}
		const trend = blocks[charts[3]! + 1] as { rows: string[][] };
		expect(trend.rows[0]).toEqual(['', '2025年度', '2026年度<&>']);
	});

	it('numbers the pages after the cover with Word fields, and ends with a signature block', () => {
		expect(doc.sections).toBe(2);
		expect(doc.footers[0]!.fields).toEqual([]);
		expect(doc.footers[1]!.fields).toEqual(['PAGE', 'NUMPAGES']);
		expect(doc.footers[1]!.text).toBe('第  /  页');
		expect(doc.headers[1]).toContain(HOSTILE_NAME);
		const last = tables(doc).at(-1)!;
		expect(last.rows.map((r) => r[0])).toEqual([
			'编制单位（盖章）：',
			'编制人（签字）：',
			'审核人（签字）：',
			'日期：'
		]);
		expect(last.rows[0]![1]).toBe('粤数咨询');
	});

	it('keeps user text as text: markup characters, a leading =, a control character', () => {
		const text = allText(doc);
		expect(text).toContain(FORMULA_NOTE);
		expect(text).toContain('bell\ufffdhere');
		expect(text).toContain('2026年度<&>');
	});

	it('writes the English report with only the chosen sections', async () => {
		const model = buildReportModel({
			rubric: enterprise,
			assessment: sample(enterprise, 5, '2026-03-01', 'Acme 制造'),
			catalog: { nodes: guidelineNodes, cases: typicalCases },
			locale: 'en',
			generatedOn: '2026-11-23',
			sections: ['summary', 'gaps']
		});
		const { doc: en } = await renderAndRead('enterprise-en', model, { chartFont });
		expect(headings(en, 'Heading1')).toEqual(['Executive summary', 'Gap analysis']);
		expect(
			paragraphs(en).some(
				(p) => p.text === 'Digital-Transformation Maturity Self-Assessment Report'
			)
		).toBe(true);
		expect(en.footers[1]!.text).toBe('Page  of ');
		expect(en.pictures).toHaveLength(0);
		expect(
			tables(en)
				.at(-1)!
				.rows.map((r) => r[0])
		).toContain('Reviewed by (signature):');
	});
});
