import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restrictRubric } from '../../src/lib/domain/compare';
import { rankGaps } from '../../src/lib/domain/gaps';
import { createAssessment } from '../../src/lib/domain/sample';
import { maturityLevel, scoreAssessment } from '../../src/lib/domain/scoring';
import { allIndicatorIds, answeredArb, fillAssessment, rubricArb } from '../support/generators';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const blank = (profile = { level: 'prefecture' }) =>
	createAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile,
		date: '2026-01-01'
	});

describe('scoring the fixture rubric (worked example in the README)', () => {
	it('scores indicators as 100 × level / max and takes weighted means up the tree', () => {
		const a = blank();
		Object.assign(a.answers, {
			'd1.a': { level: 4, notApplicable: false, target: null }, // 100, weight 1
			'd1.b': { level: 2, notApplicable: false, target: null }, // 50, weight 3
			'd2.a': { level: 1, notApplicable: false, target: null }, // 25
			'd2.b': { level: 3, notApplicable: false, target: null }, // 75
			'd3.a': { level: 0, notApplicable: false, target: null }, // 0
			'd3.b': { level: 2, notApplicable: false, target: null } // 50
		});
		const s = scoreAssessment(mini, a);
		const byId = Object.fromEntries(s.domains.map((d) => [d.id, d.score]));
		expect(byId).toEqual({ d1: 62.5, d2: 50, d3: 25 });
		// core = mean(62.5, 50) = 56.25 (weight 2); element = 25 (weight 1)
		expect(s.pillars.map((p) => p.score)).toEqual([56.25, 25]);
		expect(s.overall.score).toBeCloseTo((2 * 56.25 + 25) / 3, 10);
		expect(s.overall.level).toBe(1);
		expect(s.overall.provisional).toBe(false);
		expect(s.overall.coverage).toMatchObject({ answered: 6, applicable: 6, ratio: 1 });
	});

	it('leaves indicators out of scope for a profile they do not apply to', () => {
		const s = scoreAssessment(mini, blank({ level: 'county' }));
		expect(s.indicators.map((i) => i.id)).not.toContain('d2.b');
		expect(s.overall.coverage.applicable).toBe(5);
		expect(s.overall.score).toBeNull();
		expect(s.overall.provisional).toBe(true);
	});

	it("uses profile targets: rubric rules, indicator defaults, and the answer's own", () => {
		const a = blank({ level: 'county' });
		a.answers['d1.a'] = { level: 1, notApplicable: false, target: null };
		a.answers['d1.b'] = { level: 1, notApplicable: false, target: 4 };
		const s = scoreAssessment(mini, a);
		const t = Object.fromEntries(s.indicators.map((i) => [i.id, [i.target, i.targetIsDefault]]));
		expect(t['d1.a']).toEqual([2, true]); // county rule
		expect(t['d1.b']).toEqual([4, false]);
		const p = scoreAssessment(mini, blank());
		expect(p.indicators.find((i) => i.id === 'd2.b')!.target).toBe(4); // indicator default
	});

	it('ignores not-applicable on indicators that do not allow it', () => {
		const a = blank();
		a.answers['d1.b'] = { level: null, notApplicable: true, target: null };
		const s = scoreAssessment(mini, a);
		expect(s.indicators.find((i) => i.id === 'd1.b')!.status).toBe('unanswered');
	});

	it('quick scan scores only the quick-scan indicators', () => {
		const a = { ...blank(), mode: 'quick' as const };
		expect(scoreAssessment(mini, a).indicators.map((i) => i.id)).toEqual([
			'd1.a',
			'd2.a',
			'd2.b',
			'd3.a',
			'd3.b'
		]);
	});

	it('labels maturity by the highest level whose score is reached', () => {
		expect(maturityLevel(74.99, 4)).toBe(2);
		expect(maturityLevel(75, 4)).toBe(3);
		expect(maturityLevel((100 * 3) / 4, 4)).toBe(3);
		expect(maturityLevel(100, 4)).toBe(4);
		expect(maturityLevel(0, 4)).toBe(0);
		expect(maturityLevel(null, 4)).toBeNull();
	});
});

describe('scoring invariants on generated rubrics', () => {
	const ids = allIndicatorIds;

	it('all top levels score 100, all bottom levels score 0', () => {
		fc.assert(
			fc.property(rubricArb, (rubric) => {
				const max = rubric.scale.length - 1;
				const top = fillAssessment(
					rubric,
					ids(rubric),
					ids(rubric).map(() => ({ kind: 'level' as const, level: max }))
				);
				const bottom = fillAssessment(
					rubric,
					ids(rubric),
					ids(rubric).map(() => ({ kind: 'level' as const, level: 0 }))
				);
				const sTop = scoreAssessment(rubric, top);
				const sBottom = scoreAssessment(rubric, bottom);
				expect(sTop.overall.score).toBeCloseTo(100, 9);
				expect(sTop.overall.level).toBe(max);
				sTop.domains.forEach((d) => expect(d.score).toBeCloseTo(100, 9));
				expect(sBottom.overall.score).toBe(0);
			})
		);
	});

	it('not-applicable redistributes weight: same scores as removing the indicator', () => {
		fc.assert(
			fc.property(answeredArb(), ({ rubric, assessment }) => {
				const na = new Set(ids(rubric).filter((id) => assessment.answers[id]!.notApplicable));
				const kept = restrictRubric(rubric, new Set(ids(rubric).filter((id) => !na.has(id))));
				const full = scoreAssessment(rubric, assessment);
				const reduced = scoreAssessment(kept, assessment);
				if (reduced.overall.score === null) expect(full.overall.score).toBeNull();
				else expect(full.overall.score).toBeCloseTo(reduced.overall.score, 9);
				expect(full.overall.coverage.applicable).toBe(reduced.overall.coverage.applicable);
			})
		);
	});

	it('unanswered lowers coverage, never the score', () => {
		fc.assert(
			fc.property(answeredArb(), ({ rubric, assessment }) => {
				const answered = ids(rubric).filter((id) => assessment.answers[id]!.level !== null);
				const unanswered = ids(rubric).filter(
					(id) => assessment.answers[id]!.level === null && !assessment.answers[id]!.notApplicable
				);
				const full = scoreAssessment(rubric, assessment);
				const onlyAnswered = scoreAssessment(restrictRubric(rubric, new Set(answered)), assessment);
				if (onlyAnswered.overall.score === null) expect(full.overall.score).toBeNull();
				else expect(full.overall.score).toBeCloseTo(onlyAnswered.overall.score, 9);
				expect(full.overall.coverage.answered).toBe(answered.length);
				expect(full.overall.coverage.applicable).toBe(answered.length + unanswered.length);
				expect(full.overall.provisional).toBe(unanswered.length > 0);
			})
		);
	});

	it('overall = Σ share × score, and shares of answered indicators sum to 1', () => {
		fc.assert(
			fc.property(answeredArb(), ({ rubric, assessment }) => {
				const s = scoreAssessment(rubric, assessment);
				if (s.overall.score === null) return;
				const sum = s.indicators.reduce((acc, i) => acc + i.share * (i.score ?? 0), 0);
				expect(sum).toBeCloseTo(s.overall.score, 9);
				expect(s.indicators.reduce((acc, i) => acc + i.share, 0)).toBeCloseTo(1, 9);
			})
		);
	});

	it('with every indicator answered and targets at the top, priorities sum to 100 − overall', () => {
		fc.assert(
			fc.property(answeredArb({ allAnswered: true }), ({ rubric, assessment }) => {
				const s = scoreAssessment(rubric, assessment);
				const gaps = rankGaps(rubric, assessment, s);
				const total = gaps.reduce((acc, g) => acc + g.priority, 0);
				expect(total).toBeCloseTo(100 - s.overall.score!, 9);
				for (let i = 1; i < gaps.length; i++)
					expect(gaps[i - 1]!.priority).toBeGreaterThanOrEqual(gaps[i]!.priority);
			})
		);
	});
});
