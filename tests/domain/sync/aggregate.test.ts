import { describe, expect, it } from 'vitest';
import {
	aggregateGroups,
	aggregateSummaries,
	keptValuesAt,
	quantileRank
} from '../../../src/lib/domain/sync/aggregate';
import {
	comparePeriods,
	latestPerSubject,
	type SummaryEntry
} from '../../../src/lib/domain/sync/periods';
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
		const result = aggregateGroups(
			[10, 20, 30, 40].map((s) => summary(s, ['a'])),
			'all'
		);
		expect(result[0]!.metrics[0]).toEqual({
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
		const result = aggregateGroups(
			[summary(50, ['a', 'b']), summary(null, ['a']), summary(70, [])],
			'sector'
		);
		expect(result.map((g) => [g.group, g.count, g.metrics[0]?.n])).toEqual([
			['a', 2, 1],
			['b', 1, 1],
			[null, 1, 1]
		]);
	});

	it('works in whole hundredths, so sums are exact and do not depend on order', () => {
		const scores = [33.333333, 66.666667, 0.1, 0.2, 45.83333333];
		const forward = aggregateGroups(
			scores.map((s) => summary(s, ['a'])),
			'all'
		);
		const backward = aggregateGroups(
			[...scores].reverse().map((s) => summary(s, ['a'])),
			'all'
		);
		expect(forward).toEqual(backward);
		expect(forward[0]!.metrics[0]!.mean).toBe((3333 + 6667 + 10 + 20 + 4583) / 5 / 100);
	});

	it('orders metrics overall, pillars, domains', () => {
		const s = { ...summary(50, ['a'], { b: 10, a: 20 }), pillars: { p: 30 } };
		expect(aggregateGroups([s], 'all')[0]!.metrics.map((m) => m.metric)).toEqual([
			'overall',
			'pillar:p',
			'domain:a',
			'domain:b'
		]);
	});
});

/** An assessment of subject `subject` in `period`, as the files side reads it. */
const entry = (
	id: string,
	subject: string,
	period: string,
	overall: number,
	date = `${period.slice(0, 4)}-06-30`,
	savedAt = ''
): SummaryEntry => ({
	id,
	date,
	savedAt,
	summary: {
		...summary(overall, ['a']),
		subject: { id: subject, kind: 'enterprise' },
		period,
		date
	}
});

describe('periods and repeats', () => {
	it('gives each period its own distribution, newest first, never two years mixed', () => {
		const result = aggregateSummaries(
			[
				entry('x-2025', 'x', '2025年度', 10),
				entry('x-2026', 'x', '2026年度', 90),
				entry('y-2026', 'y', '2026年度', 70),
				entry('z', 'z', '', 50)
			],
			'all'
		);
		expect(result.periods.map((p) => [p.period, p.counted, p.groups[0]!.metrics[0]!.mean])).toEqual(
			[
				['2026年度', 2, 80],
				['2025年度', 1, 10],
				['', 1, 50]
			]
		);
		const only = aggregateSummaries(
			[entry('x-2025', 'x', '2025年度', 10), entry('x-2026', 'x', '2026年度', 90)],
			'all',
			'2025年度'
		);
		expect(only.periods.map((p) => p.period)).toEqual(['2025年度']);
		expect(aggregateSummaries([entry('a', 'x', '2025年度', 1)], 'all', '2024年度').periods).toEqual(
			[]
		);
	});

	it('counts a subject assessed twice in a period once: the later date, then the later saved', () => {
		const byDate = aggregateSummaries(
			[
				entry('x-2', 'x', '2026年度', 40, '2026-03-01'),
				entry('x-1', 'x', '2026年度', 20, '2026-09-01')
			],
			'all'
		).periods[0]!;
		expect([byDate.counted, byDate.repeatsLeftOut, byDate.groups[0]!.metrics[0]!.mean]).toEqual([
			1, 1, 20
		]);
		const bySaved = latestPerSubject([
			entry('x-1', 'x', '2026年度', 20, '2026-06-30', '2026-07-02T08:00:00.000Z'),
			entry('x-2', 'x', '2026年度', 40, '2026-06-30', '2026-07-01T08:00:00.000Z')
		]);
		expect(bySaved.counted.map((e) => e.id)).toEqual(['x-1']);
		expect(bySaved.repeats.map((e) => e.id)).toEqual(['x-2']);
		// Identical date and save time: the greater id, whichever order they come in.
		const tie = [entry('x-1', 'x', '2026年度', 20), entry('x-2', 'x', '2026年度', 40)];
		expect(latestPerSubject(tie).counted[0]!.id).toBe('x-2');
		expect(latestPerSubject([...tie].reverse()).counted[0]!.id).toBe('x-2');
	});

	it('orders periods newest first, those without a period last', () => {
		expect(['2025年度', '', '2026年上半年', '2026年度'].sort(comparePeriods)).toEqual([
			'2026年度',
			'2026年上半年',
			'2025年度',
			''
		]);
	});
});

describe('ranked values with repeats taken out', () => {
	/** A deterministic generator: the same cases on every run. */
	function random(seed: number) {
		let s = seed;
		return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	}

	it('equals the kept list’s own values at every rank, ties and repeats at the ends included', () => {
		const next = random(42);
		for (let round = 0; round < 400; round++) {
			const n = 1 + Math.floor(next() * 30);
			// Few distinct values: many ties, the hard case; ties in any order of ids.
			const whole = Array.from({ length: n }, (_, i) => ({
				id: `a${i}`,
				value: Math.floor(next() * 6) * 100,
				tie: next()
			}))
				.sort((a, b) => a.value - b.value || a.tie - b.tie)
				.map(({ id, value }) => ({ id, value }));
			const removed = whole.filter(() => next() < 0.3);
			const kept = whole.filter((row) => !removed.includes(row)).map((row) => row.value);
			for (let rank = 0; rank < kept.length; rank++) {
				const window = whole.slice(rank, rank + removed.length + 2);
				expect(keptValuesAt(window, removed)).toEqual([kept[rank], kept[rank + 1] ?? kept[rank]]);
			}
		}
	});

	it('without repeats reads the window as it is', () => {
		const rows = (...values: number[]) => values.map((value, i) => ({ id: `r${i}`, value }));
		expect(keptValuesAt(rows(30, 40), [])).toEqual([30, 40]);
		expect(keptValuesAt(rows(50), [])).toEqual([50, 50]);
	});
});
