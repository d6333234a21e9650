import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAnswers, isComplete } from '../../src/lib/domain/answer-counts';
import { createAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { answeredArb } from '../support/generators';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const blank = (mode: 'full' | 'quick' = 'full') =>
	createAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01',
		mode
	});

describe('answered and applicable, counted one way', () => {
	it('leaves a not-applicable indicator out of both numbers (the subject page once counted it as answered)', () => {
		const a = blank();
		a.answers['d1.a'] = { level: null, notApplicable: true, target: null };
		a.answers['d2.a'] = { level: 3, notApplicable: false, target: null };
		// The old subject-page rule (level or flag, over everything in scope) said 2/6.
		expect(countAnswers(mini, a)).toEqual({
			answered: 1,
			applicable: 5,
			notApplicable: 1,
			ratio: 1 / 5
		});
	});

	it('counts a not-applicable flag on an indicator that does not allow it as unanswered, as the score does', () => {
		const a = blank();
		a.answers['d1.b'] = { level: null, notApplicable: true, target: null };
		expect(countAnswers(mini, a)).toMatchObject({ answered: 0, applicable: 6, notApplicable: 0 });
		expect(scoreAssessment(mini, a).overall.coverage).toEqual(countAnswers(mini, a));
	});

	it('counts one domain, and only the indicators in scope for the mode', () => {
		const a = blank();
		a.answers['d1.b'] = { level: 2, notApplicable: false, target: null };
		expect(countAnswers(mini, a, 'd1')).toMatchObject({ answered: 1, applicable: 2 });
		const quick = blank('quick');
		const inQuick = countAnswers(mini, quick).applicable;
		expect(inQuick).toBe(
			mini.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators)).filter((i) => i.quickScan)
				.length
		);
	});

	it('is complete only when every applicable indicator is answered', () => {
		const a = blank();
		for (const id of Object.keys(a.answers))
			a.answers[id] = { level: 1, notApplicable: false, target: null };
		expect(isComplete(countAnswers(mini, a))).toBe(true);
		a.answers['d3.b'] = { level: null, notApplicable: false, target: null };
		expect(isComplete(countAnswers(mini, a))).toBe(false);
	});

	it('gives the same numbers as the score, overall and per domain, for any answers', () => {
		fc.assert(
			fc.property(answeredArb(), ({ rubric, assessment }) => {
				const scores = scoreAssessment(rubric, assessment);
				expect(countAnswers(rubric, assessment)).toEqual(scores.overall.coverage);
				for (const d of scores.domains)
					expect(countAnswers(rubric, assessment, d.id)).toEqual(d.coverage);
			}),
			{ numRuns: 60 }
		);
	});
});
