/**
 * The province view's numbers: per group of subjects, how many assessments, and for the overall
 * score and every pillar and domain the mean, minimum, maximum and quartiles. The server computes
 * them with its views (`_stats` per group and metric, quartiles by fetching single ranked rows);
 * the CLI computes them from files with `aggregateSummaries`. Both go through the arithmetic in
 * this module on whole hundredths of a point, so the two agree exactly, not just nearly.
 *
 * Quartiles interpolate between the two nearest ranks (the "inclusive" method of Excel's
 * QUARTILE.INC and R's type 7): for n sorted values, quantile p sits at rank h = (n − 1)·p.
 */
import type { Grouping } from './design';
import { comparePeriods, latestPerSubject, type SummaryEntry } from './periods';
import type { AssessmentSummary } from './summary';

/** The unit the views emit: a score to whole hundredths of a point. */
export const toHundredths = (score: number) => Math.round(score * 100);

export const QUARTILE_POINTS = { q1: 0.25, median: 0.5, q3: 0.75 } as const;
export type QuartileName = keyof typeof QUARTILE_POINTS;

/** Where quantile p of n sorted values lies: the lower rank (0-based) and how far towards the next. */
export function quantileRank(n: number, p: number): { index: number; fraction: number } {
	const h = (n - 1) * p;
	const index = Math.floor(h);
	return { index, fraction: h - index };
}

/** A row of a view read in key order: the document it came from and its value. */
export interface RankedRow {
	id: string;
	value: number;
}

/**
 * The values at ranks `rank` and `rank + 1` (the second is the first again past the end) of a
 * sorted list from which some rows are taken out, read from the whole list without having it:
 * the server's view holds every assessment, the repeats left out included.
 * - `window`: the whole list's rows from position `rank` on, at least `removed.length + 2` of
 *   them unless the list ends sooner (the kept list's row at `rank` cannot lie further on);
 * - `removed`: the rows taken out, by document id (each one a row of the whole list).
 * The kept row at `rank` is the window's kept row that has as many kept rows before it in the
 * window as there are removed rows before the window. A removed row is before the window when
 * its value is less than the window's first, or equal and not in a window that goes past that
 * value (equal values stand together). Equal, absent and the window never past that value: the
 * window holds nothing else, so both values are that value wherever the row stands.
 */
export function keptValuesAt(
	window: readonly RankedRow[],
	removed: readonly RankedRow[]
): [number, number] {
	const first = window[0]?.value;
	if (first === undefined) throw new RangeError('no value at that rank');
	const inWindow = new Set(window.map((row) => row.id));
	const removedIds = new Set(removed.map((row) => row.id));
	const pastFirst = window.some((row) => row.value > first);
	let before = 0;
	for (const row of removed) {
		if (row.value < first) before++;
		else if (row.value === first && !inWindow.has(row.id)) {
			if (!pastFirst) return [first, first];
			before++;
		}
	}
	const kept = window.filter((row) => !removedIds.has(row.id)).map((row) => row.value);
	const lower = kept[before];
	if (lower === undefined) throw new RangeError('no value at that rank');
	return [lower, kept[before + 1] ?? lower];
}

/** The quantile from the value at its lower rank and the next one (in hundredths). */
export function interpolateQuantile(lower: number, upper: number, fraction: number): number {
	return (lower + (upper - lower) * fraction) / 100;
}

export interface MetricStats {
	/** 'overall', 'pillar:<id>' or 'domain:<id>' */
	metric: string;
	/** Assessments with a score for it */
	n: number;
	mean: number;
	min: number;
	max: number;
	q1: number;
	median: number;
	q3: number;
}

export interface GroupAggregate {
	rubric: { id: string; version: string };
	/** The option id of the grouping question; 'all' without grouping; null when not given */
	group: string | null;
	/** Assessments in the group */
	count: number;
	metrics: MetricStats[];
}

/** One period's numbers: each subject once, with its latest assessment in the period. */
export interface PeriodAggregate {
	/** The assessments' period ('' for those without one) */
	period: string;
	/** Assessments counted: one per subject */
	counted: number;
	/** Earlier assessments of a subject assessed more than once in the period, left out */
	repeatsLeftOut: number;
	groups: GroupAggregate[];
}

/** The province view: each period its own distribution, newest first, never two mixed. */
export interface Aggregate {
	by: Grouping;
	periods: PeriodAggregate[];
}

/** What `_stats` returns, with values in hundredths. */
export interface StatsRow {
	sum: number;
	count: number;
	min: number;
	max: number;
}

/** One metric's numbers from its `_stats` and the values at the quartiles' ranks. */
export function metricStats(
	metric: string,
	stats: StatsRow,
	quartiles: Record<QuartileName, number>
): MetricStats {
	return {
		metric,
		n: stats.count,
		mean: stats.sum / stats.count / 100,
		min: stats.min / 100,
		max: stats.max / 100,
		...quartiles
	};
}

/** One metric's numbers from all its values (in hundredths, any order). */
export function metricOfValues(metric: string, values: readonly number[]): MetricStats {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => {
		const { index, fraction } = quantileRank(sorted.length, p);
		return interpolateQuantile(sorted[index]!, sorted[index + 1] ?? sorted[index]!, fraction);
	};
	return metricStats(
		metric,
		{
			sum: sorted.reduce((s, v) => s + v, 0),
			count: sorted.length,
			min: sorted[0]!,
			max: sorted[sorted.length - 1]!
		},
		{ q1: at(0.25), median: at(0.5), q3: at(0.75) }
	);
}

const metricOrder = (metric: string) =>
	metric === 'overall' ? 0 : metric.startsWith('pillar:') ? 1 : 2;

export function compareMetrics(a: string, b: string): number {
	return metricOrder(a) - metricOrder(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups in one order on both sides: rubric, version, group (not given last). */
export function compareGroups(a: GroupAggregate, b: GroupAggregate): number {
	return (
		compareText(a.rubric.id, b.rubric.id) ||
		compareText(a.rubric.version, b.rubric.version) ||
		(a.group === null ? 1 : 0) - (b.group === null ? 1 : 0) ||
		compareText(a.group ?? '', b.group ?? '')
	);
}

/** The groups an assessment counts in (the views' rule: every listed option, once). */
export function groupsOf(summary: AssessmentSummary, by: Grouping): (string | null)[] {
	if (by === 'all') return ['all'];
	const values = [...new Set(summary.groups[by])];
	return values.length ? values : [null];
}

/** The metrics with a score, in hundredths (the views emit exactly these). */
export function scoredMetrics(summary: AssessmentSummary): [string, number][] {
	const metrics: [string, number | null][] = [
		['overall', summary.overall],
		...Object.entries(summary.pillars).map(([id, s]): [string, number | null] => [
			`pillar:${id}`,
			s
		]),
		...Object.entries(summary.domains).map(([id, s]): [string, number | null] => [
			`domain:${id}`,
			s
		])
	];
	return metrics.flatMap(([m, s]) => (s === null ? [] : [[m, toHundredths(s)]]));
}

/**
 * The province view computed from assessments at hand (files): the server's numbers, locally.
 * With `period`, that period only.
 */
export function aggregateSummaries(
	entries: readonly SummaryEntry[],
	by: Grouping,
	period?: string
): Aggregate {
	const inPeriod =
		period === undefined ? entries : entries.filter((e) => e.summary.period === period);
	const { counted, repeats } = latestPerSubject(inPeriod);
	const periods = [...new Set(inPeriod.map((e) => e.summary.period))].sort(comparePeriods);
	return {
		by,
		periods: periods.map((p) => {
			const summaries = counted.filter((e) => e.summary.period === p).map((e) => e.summary);
			return {
				period: p,
				counted: summaries.length,
				repeatsLeftOut: repeats.filter((e) => e.summary.period === p).length,
				groups: aggregateGroups(summaries, by)
			};
		})
	};
}

/** The groups of one period's counted assessments. */
export function aggregateGroups(summaries: AssessmentSummary[], by: Grouping): GroupAggregate[] {
	const groups = new Map<
		string,
		{
			rubric: { id: string; version: string };
			group: string | null;
			count: number;
			values: Map<string, number[]>;
		}
	>();
	for (const summary of summaries)
		for (const group of groupsOf(summary, by)) {
			const key = JSON.stringify([summary.rubric.id, summary.rubric.version, group]);
			let entry = groups.get(key);
			if (!entry)
				groups.set(
					key,
					(entry = { rubric: { ...summary.rubric }, group, count: 0, values: new Map() })
				);
			entry.count += 1;
			for (const [metric, value] of scoredMetrics(summary)) {
				const list = entry.values.get(metric) ?? [];
				list.push(value);
				entry.values.set(metric, list);
			}
		}
	const result: GroupAggregate[] = [...groups.values()].map((g) => ({
		rubric: g.rubric,
		group: g.group,
		count: g.count,
		metrics: [...g.values.entries()]
			.sort(([a], [b]) => compareMetrics(a, b))
			.map(([metric, values]) => metricOfValues(metric, values))
	}));
	return result.sort(compareGroups);
}
