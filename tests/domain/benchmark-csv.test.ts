import { describe, expect, it } from 'vitest';
import { benchmarkPortfolio, distributionOf } from '../../src/lib/domain/benchmark';
import { toCsv } from '../../src/lib/domain/csv';

describe('portfolio benchmark', () => {
	const entries = [
		{ subjectId: 'a', name: '甲市', overall: 80, domains: { d1: 90, d2: 70 } },
		{ subjectId: 'b', name: '乙市', overall: 60, domains: { d1: 50, d2: null } },
		{ subjectId: 'c', name: '丙市', overall: 70, domains: { d1: 70, d2: 60 } },
		{ subjectId: 'd', name: '丁市', overall: 40, domains: { d1: 30, d2: 50 } }
	];
	const label = (n: number) => `对象${n}`;

	it('ranks a subject and gives its percentile among the others, per domain', () => {
		const r = benchmarkPortfolio(entries, 'c', ['d1', 'd2'], {
			hideNames: false,
			anonymousLabel: label
		});
		expect(r.overall).toMatchObject({ rank: 2, score: 70 });
		expect(r.overall.percentile).toBeCloseTo((2 / 3) * 100, 10);
		expect(r.domains[1]).toMatchObject({ id: 'd2', rank: 2 });
		expect(r.domains[1]!.distribution).toMatchObject({ count: 3, min: 50, median: 60, max: 70 });
		expect(r.ranking.map((x) => x.label)).toEqual(['甲市', '丙市', '乙市', '丁市']);
	});

	it('hides the other subjects’ names on request', () => {
		const r = benchmarkPortfolio(entries, 'c', ['d1'], { hideNames: true, anonymousLabel: label });
		expect(r.ranking.map((x) => x.label)).toEqual(['对象1', '丙市', '对象3', '对象4']);
	});

	it('ranks a tie fairly: both share rank 1 and stand at the 50th percentile, not at 0', () => {
		const tied = [
			{ subjectId: 'a', name: '甲市', overall: 55.4, domains: { d1: 60 } },
			{ subjectId: 'b', name: '乙市', overall: 55.4, domains: { d1: 60 } }
		];
		for (const id of ['a', 'b']) {
			const r = benchmarkPortfolio(tied, id, ['d1'], { hideNames: false, anonymousLabel: label });
			expect(r.overall).toMatchObject({ rank: 1, tiedWith: 1, percentile: 50 });
			expect(r.domains[0]).toMatchObject({ rank: 1, tiedWith: 1, percentile: 50 });
			expect(r.ranking.map((x) => [x.rank, x.tied])).toEqual([
				[1, true],
				[1, true]
			]);
		}
	});

	it('gives the place after a tie to the next score (1, 1, 3) and counts ties half in the percentile', () => {
		const three = [
			{ subjectId: 'a', name: '甲市', overall: 80, domains: {} },
			{ subjectId: 'b', name: '乙市', overall: 80, domains: {} },
			{ subjectId: 'c', name: '丙市', overall: 70, domains: {} },
			{ subjectId: 'd', name: '丁市', overall: null, domains: {} }
		];
		const r = benchmarkPortfolio(three, 'a', [], { hideNames: false, anonymousLabel: label });
		// Above 丙市 (1 of 2 others), level with 乙市 (half): 75th percentile.
		expect(r.overall).toMatchObject({ rank: 1, tiedWith: 1, percentile: 75 });
		expect(r.ranking.map((x) => x.rank)).toEqual([1, 1, 3, null]);
		const c = benchmarkPortfolio(three, 'c', [], { hideNames: false, anonymousLabel: label });
		expect(c.overall).toMatchObject({ rank: 3, tiedWith: 0, percentile: 0 });
	});

	it('computes quartiles by interpolation', () => {
		expect(distributionOf([1, 2, 3, 4])).toEqual({
			count: 4,
			min: 1,
			q1: 1.75,
			median: 2.5,
			q3: 3.25,
			max: 4
		});
	});
});

describe('csv', () => {
	it('starts with a BOM, quotes what needs quoting and neutralises formulas', () => {
		const csv = toCsv([
			['指标', '备注'],
			['数字产业化', '含"引号",逗号\n换行'],
			['=HYPERLINK("x")', -1]
		]);
		expect(csv.startsWith('\uFEFF指标,备注\r\n')).toBe(true);
		expect(csv).toContain('"含""引号"",逗号\n换行"');
		expect(csv).toContain(`"'=HYPERLINK(""x"")",-1`);
	});
});

describe('results csv', () => {
	it('has the scores, the gaps in priority order and the plan with its status', async () => {
		const { loadFixtureRubric } = await import('../support/rubrics');
		const { createAssessment } = await import('../../src/lib/domain/sample');
		const { rankGaps } = await import('../../src/lib/domain/gaps');
		const { buildResultsCsv } = await import('../../src/lib/domain/csv');
		const { guidelineNodes, typicalCases } = await import('../../src/lib/rubrics/guideline');
		const mini = loadFixtureRubric();
		const a = createAssessment(mini, {
			id: 'a',
			subject: { id: 's', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		});
		Object.assign(a.answers, {
			'd1.a': { level: 1, notApplicable: false, target: null },
			'd3.a': { level: 0, notApplicable: false, target: null }
		});
		a.actions = { 'd3.a:1:0': { status: 'done', owner: '市工信局' } };
		const csv = buildResultsCsv(mini, a, { nodes: guidelineNodes, cases: typicalCases }, 'zh');
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('\uFEFF执行摘要');
		const gapLines = lines.filter((l) => /^\d+,d\d\.a,/.test(l)).map((l) => l.split(',')[1]);
		expect(gapLines).toEqual(rankGaps(mini, a).map((g) => g.indicatorId));
		// The plan row names the indicator's target, then the level this measure leads to.
		const target = rankGaps(mini, a).find((g) => g.indicatorId === 'd3.a')!.target;
		expect(csv).toContain(`d3.a:1:0,措施一,指标A,${target},1,`);
		expect(csv).toMatch(/d3\.a:1:0,.*,已完成,市工信局,/);
	});
});
