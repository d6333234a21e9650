import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrend, compareAssessments, restrictRubric } from '../../src/lib/domain/compare';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import type { Rubric } from '../../src/lib/rubrics/schema';
import {
	allIndicatorIds,
	answeredArb,
	fillAssessment,
	rubricArb,
	type AnswerKind
} from '../support/generators';

const answersFor = (rubric: Rubric) =>
	fc.array(
		fc.oneof(
			{
				weight: 5,
				arbitrary: fc
					.integer({ min: 0, max: rubric.scale.length - 1 })
					.map((level): AnswerKind => ({ kind: 'level', level }))
			},
			{ weight: 1, arbitrary: fc.constant<AnswerKind>({ kind: 'none' }) },
			{ weight: 1, arbitrary: fc.constant<AnswerKind>({ kind: 'na' }) }
		),
		{ minLength: allIndicatorIds(rubric).length, maxLength: allIndicatorIds(rubric).length }
	);

const twoAssessments = rubricArb.chain((rubric) =>
	fc.tuple(answersFor(rubric), answersFor(rubric)).map(([a, b]) => {
		const ids = allIndicatorIds(rubric);
		const before = { ...fillAssessment(rubric, ids, a), id: 'before', date: '2025-01-01' };
		const after = { ...fillAssessment(rubric, ids, b), id: 'after', date: '2026-01-01' };
		return { rubric, before, after };
	})
);

describe('comparing two assessments', () => {
	it('deltas add up: overall delta = after − before = Σ indicator contribution deltas', () => {
		fc.assert(
			fc.property(twoAssessments, ({ rubric, before, after }) => {
				const c = compareAssessments(rubric, before, rubric, after);
				const sa = scoreAssessment(rubric, before).overall.score;
				const sb = scoreAssessment(rubric, after).overall.score;
				expect(c.overall.before).toBe(sa);
				expect(c.overall.after).toBe(sb);
				if (sa !== null && sb !== null) {
					expect(c.overall.delta).toBeCloseTo(sb - sa, 9);
					const sum = c.indicators.reduce((acc, i) => acc + i.contributionDelta, 0);
					expect(sum).toBeCloseTo(sb - sa, 9);
				}
				expect(c.comparedShare).toBe(1);
				expect(c.sameRubricVersion).toBe(true);
			})
		);
	});

	it('reports level crossings, resolved and new gaps', () => {
		fc.assert(
			fc.property(twoAssessments, ({ rubric, before, after }) => {
				const c = compareAssessments(rubric, before, rubric, after);
				for (const x of c.levelCrossings) {
					expect(before.answers[x.id]!.level).toBe(x.from);
					expect(after.answers[x.id]!.level).toBe(x.to);
				}
				const max = rubric.scale.length - 1; // generated targets are the top level
				for (const id of c.resolvedGaps) {
					expect(before.answers[id]!.level).toBeLessThan(max);
					expect(after.answers[id]!.level).toBe(max);
				}
				for (const id of c.newGaps) expect(after.answers[id]!.level).toBeLessThan(max);
			})
		);
	});

	it('compares only shared indicators when the rubric version differs, and says how much', () => {
		fc.assert(
			fc.property(
				answeredArb(),
				fc.integer({ min: 0, max: 1000 }),
				({ rubric, assessment }, seed) => {
					const ids = allIndicatorIds(rubric);
					if (ids.length < 2) return;
					const dropped = ids[seed % ids.length]!;
					const v11: Rubric = {
						...restrictRubric(rubric, new Set(ids.filter((i) => i !== dropped))),
						version: '1.1.0'
					};
					// v1.1 drops one indicator and adds a new one.
					const firstDomain = v11.pillars[0]!.domains[0]!;
					firstDomain.indicators = [
						...firstDomain.indicators,
						{ ...firstDomain.indicators[0]!, id: 'new.indicator' }
					];
					const answers: typeof assessment.answers = {
						...assessment.answers,
						'new.indicator': { level: 1, notApplicable: false, target: null }
					};
					const later = {
						...assessment,
						id: 'later',
						rubric: { id: rubric.id, version: '1.1.0' },
						answers
					};
					delete later.answers[dropped];
					const c = compareAssessments(rubric, assessment, v11, later);
					expect(c.sameRubricVersion).toBe(false);
					expect(c.sharedIndicatorCount).toBe(ids.length - 1);
					expect(c.comparedShare).toBeCloseTo((ids.length - 1) / (ids.length + 1), 9);
					const compared = c.indicators.map((i) => i.id);
					expect(compared).not.toContain(dropped);
					expect(compared).not.toContain('new.indicator');
					// Same answers on the shared indicators: nothing changed.
					if (c.overall.delta !== null) expect(c.overall.delta).toBeCloseTo(0, 9);
				}
			)
		);
	});

	it('refuses to compare assessments of different rubrics', () => {
		fc.assert(
			fc.property(answeredArb(), ({ rubric, assessment }) => {
				expect(() =>
					compareAssessments(rubric, assessment, { ...rubric, id: 'other' }, assessment)
				).toThrow(/different rubrics/);
			}),
			{ numRuns: 5 }
		);
	});
});

describe('trend', () => {
	it('orders assessments by date and scores each on its own rubric', () => {
		fc.assert(
			fc.property(twoAssessments, ({ rubric, before, after }) => {
				const trend = buildTrend([
					{ rubric, assessment: after },
					{ rubric, assessment: before }
				]);
				expect(trend.map((t) => t.assessmentId)).toEqual(['before', 'after']);
				expect(trend[1]!.overall).toBe(scoreAssessment(rubric, after).overall.score);
			}),
			{ numRuns: 30 }
		);
	});
});
