import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { rankGaps } from '../../src/lib/domain/gaps';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { blockTexts, flattenSections } from '../support/report-blocks';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const catalog = { nodes: guidelineNodes, cases: typicalCases };
const make = (seed: number, date: string) =>
	createSampleAssessment(
		mini,
		{
			id: `a${seed}`,
			subject: { id: 's', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date,
			period: `${date.slice(0, 4)}年度`
		},
		seed
	);

const flatten = flattenSections;
const texts = blockTexts;

describe('report model', () => {
	const current = { ...make(2, '2026-03-01'), narrative: '第一段。\n\n第二段。' };
	// Fixed answers with gaps of different priorities.
	Object.assign(current.answers, {
		'd1.a': { level: 1, notApplicable: false, target: null },
		'd1.b': { level: 3, notApplicable: false, target: null },
		'd2.a': { level: 2, notApplicable: false, target: 4 },
		'd3.a': { level: 0, notApplicable: false, target: null }
	});
	const previous = make(1, '2025-03-01');
	const model = buildReportModel({
		rubric: mini,
		assessment: current,
		previous: { rubric: mini, assessment: previous },
		catalog,
		locale: 'zh',
		generatedOn: '2026-11-23'
	});

	it('has every section in order, with the comparison when a previous assessment exists', () => {
		expect(model.sections.map((s) => s.id)).toEqual([
			'summary',
			'charts',
			'domains',
			'gaps',
			'plan',
			'comparison',
			'methodology',
			'evidence'
		]);
		expect(model.meta.cover.find((c) => c.label === '评估对象')?.value).toBe('测试市');
	});

	it('says the same overall score as the scoring core, and lists gaps in priority order', () => {
		const score = scoreAssessment(mini, current).overall.score!;
		const summary = model.sections[0]!;
		const figures = summary.blocks.find((b) => b.kind === 'figures');
		expect(figures && figures.kind === 'figures' && figures.items[0]!.value).toBe(score.toFixed(1));
		const gapTable = model.sections
			.find((s) => s.id === 'gaps')!
			.blocks.find((b) => b.kind === 'table');
		const expected = rankGaps(mini, current).map(
			(g) =>
				mini.pillars
					.flatMap((p) => p.domains.flatMap((d) => d.indicators))
					.find((i) => i.id === g.indicatorId)!.title.zh
		);
		expect(gapTable && gapTable.kind === 'table' && gapTable.rows.map((r) => r[1])).toEqual(
			expected
		);
	});

	it('has a data table beside every chart, and a trend when history exists', () => {
		const charts = model.sections
			.find((s) => s.id === 'charts')!
			.blocks.filter((b) => b.kind === 'chart');
		expect(charts.map((c) => c.kind === 'chart' && c.chart)).toEqual(['bar', 'bar', 'line']);
		for (const c of charts)
			if (c.kind === 'chart')
				expect(c.table.rows.length).toBe(
					c.chart === 'line' ? c.series.length : c.categories.length
				);
	});

	it('cites guideline nodes by their place in the guideline in the action plan, and splits the narrative into paragraphs', () => {
		const plan = flatten(model.sections).filter((s) => s.id.startsWith('plan:'));
		const all = plan.flatMap((s) => texts(s.blocks)).join('\n');
		expect(all).toContain('《指引》第三篇 发展路径（二）2. 生产制造数字化');
		expect(texts(model.sections[0]!.blocks)).toEqual(
			expect.arrayContaining(['第一段。', '第二段。'])
		);
	});

	it('builds in English with English titles', () => {
		const en = buildReportModel({
			rubric: mini,
			assessment: current,
			catalog,
			locale: 'en',
			generatedOn: '2026-11-23'
		});
		expect(en.sections.map((s) => s.title)).toContain('Gap analysis');
		expect(flatten(en.sections).map((s) => s.title)).toContain('Domain one');
		expect(en.sections.map((s) => s.id)).not.toContain('comparison');
		// English uses English punctuation on the cover.
		expect(en.meta.cover.find((c) => c.label === 'Profile')?.value).toBe('Level: Prefecture');
	});

	it('still builds a report for an assessment with nothing answered', () => {
		const empty = { ...make(3, '2026-01-01'), answers: {} };
		const m = buildReportModel({
			rubric: mini,
			assessment: empty,
			catalog,
			locale: 'zh',
			generatedOn: '2026-11-23'
		});
		expect(texts(m.sections[0]!.blocks).join()).toContain('暂定结果');
		// Not "every answered indicator meets its target": nothing is answered.
		const gaps = texts(m.sections.find((s) => s.id === 'gaps')!.blocks).join();
		expect(gaps).toContain('尚无已作答的指标');
		expect(gaps).not.toContain('均已达到目标等级');
	});

	it('includes only the chosen sections', () => {
		const m = buildReportModel({
			rubric: mini,
			assessment: current,
			catalog,
			locale: 'zh',
			generatedOn: '2026-11-23',
			sections: ['summary', 'gaps']
		});
		expect(m.sections.map((s) => s.id)).toEqual(['summary', 'gaps']);
	});
});
