import { describe, expect, it } from 'vitest';
import { aggregateSummaries, quantileRank } from '../../../src/lib/domain/sync/aggregate';
import type { AssessmentSummary } from '../../../src/lib/domain/sync/summary';

const summary = (
	overall: number | null,
	sector: string[],
	domains: Record<string, number | null> = {}
): AssessmentSummary => ({
	rubric: { id: 'r', version: '1.0.0' },
	subject: { id: 's', kind: 'enterprise' },
	groups: { region: [], level: [], size: ['small'], sector },
	period: '2026',
	date: '2026-01-01',
	mode: 'full',
	overall,
	pillars: {},
	domains,
	coverage: { answered: 1, applicable: 1 }
});

describe('province aggregates', () => {
	it('places quartiles between the nearest ranks (QUARTILE.INC)', () => {
		expect(quantileRank(4, 0.25)).toEqual({ index: 0, fraction: 0.75 });
		const result = aggregateSummaries(
			[10, 20, 30, 40].map((s) => summary(s, ['a'])),
			'all'
		);
		expect(result.groups[0]!.metrics[0]).toEqual({
			metric: 'overall',
			n: 4,
			mean: 25,
			min: 10,
			max: 40,
			q1: 17.5,
			median: 25,
			q3: 32.5
		});
	});

	it('counts a subject in each of its sectors, and one without a score in its group only', () => {
		const result = aggregateSummaries(
			[summary(50, ['a', 'b']), summary(null, ['a']), summary(70, [])],
			'sector'
		);
		expect(result.groups.map((g) => [g.group, g.count, g.metrics[0]?.n])).toEqual([
			['a', 2, 1],
			['b', 1, 1],
			[null, 1, 1]
		]);
	});

	it('works in whole hundredths, so sums are exact and do not depend on order', () => {
		const scores = [33.333333, 66.666667, 0.1, 0.2, 45.83333333];
		const forward = aggregateSummaries(
			scores.map((s) => summary(s, ['a'])),
			'all'
		);
		const backward = aggregateSummaries(
			[...scores].reverse().map((s) => summary(s, ['a'])),
			'all'
		);
		expect(forward).toEqual(backward);
		expect(forward.groups[0]!.metrics[0]!.mean).toBe((3333 + 6667 + 10 + 20 + 4583) / 5 / 100);
	});

	it('orders metrics overall, pillars, domains', () => {
		const s = { ...summary(50, ['a'], { b: 10, a: 20 }), pillars: { p: 30 } };
		expect(aggregateSummaries([s], 'all').groups[0]!.metrics.map((m) => m.metric)).toEqual([
			'overall',
			'pillar:p',
			'domain:a',
			'domain:b'
		]);
	});
});
