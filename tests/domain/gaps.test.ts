import { describe, expect, it } from 'vitest';
import { planMeasures, projectClosingTopGaps, rankGaps } from '../../src/lib/domain/gaps';
import { createAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const assessment = () => {
	const a = createAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01'
	});
	Object.assign(a.answers, {
		'd1.a': { level: 1, notApplicable: false, target: null }, // target 3 → gap 2
		'd1.b': { level: 3, notApplicable: false, target: null }, // no gap
		'd2.a': { level: 2, notApplicable: false, target: 4 }, // gap 2 (own target)
		'd2.b': { level: 4, notApplicable: false, target: null }, // target 4, no gap
		'd3.a': { level: 0, notApplicable: false, target: null }, // gap 3
		'd3.b': { level: null, notApplicable: false, target: null } // unanswered: no gap
	});
	return a;
};

describe('gaps and measures', () => {
	it('ranks gaps by the overall points that closing them would recover', () => {
		const a = assessment();
		const s = scoreAssessment(mini, a);
		const gaps = rankGaps(mini, a, s);
		expect(gaps.map((g) => g.indicatorId)).toEqual(['d3.a', 'd2.a', 'd1.a']);
		for (const g of gaps) {
			const share = s.indicators.find((i) => i.id === g.indicatorId)!.share;
			expect(g.priority).toBeCloseTo((share * g.gap * 100) / 4, 10);
		}
		// d3.a is the only answered indicator of pillar "element" (weight 1 of 3): share 1/3.
		expect(gaps[0]!.priority).toBeCloseTo((1 / 3) * (3 / 4) * 100, 10);
	});

	it('recommends the measures for the levels above the current one up to the target', () => {
		const gaps = rankGaps(mini, assessment());
		const d1a = gaps.find((g) => g.indicatorId === 'd1.a')!;
		expect(d1a.measures.map((m) => m.toLevel)).toEqual([2, 3]);
		expect(d1a.measures[0]!.actors).toEqual(['miit']); // the measure names its own actor
		expect(d1a.measures[1]!.actors).toEqual(['gov']); // else the indicator's responsible
		expect(d1a.measures[0]!.key).toBe('d1.a:2:0');
		const d3a = gaps.find((g) => g.indicatorId === 'd3.a')!;
		expect(d3a.measures[0]!.cases).toEqual(['c03.case1']);
	});

	it('groups measures by who acts, highest priority first, without duplicates', () => {
		const plan = planMeasures(rankGaps(mini, assessment()));
		expect(plan.map((p) => p.actorId)).toEqual(['gov', 'miit']);
		const gov = plan[0]!;
		for (let i = 1; i < gov.measures.length; i++)
			expect(gov.measures[i - 1]!.priority).toBeGreaterThanOrEqual(gov.measures[i]!.priority);
		// The fixture's indicators share measure texts; each text appears once per actor.
		const texts = gov.measures.map((m) => m.text.zh);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('projects the overall score after closing the top gaps', () => {
		const a = assessment();
		const s = scoreAssessment(mini, a);
		const gaps = rankGaps(mini, a, s);
		const projected = projectClosingTopGaps(s, gaps, 1)!;
		const closed = {
			...a,
			answers: { ...a.answers, 'd3.a': { level: 3, notApplicable: false, target: null } }
		};
		expect(projected).toBeCloseTo(scoreAssessment(mini, closed).overall.score!, 10);
	});
});
