/**
 * `couch aggregate`: the province view's numbers, computed by the server, one period at a time
 * and each subject once in it (the latest of its assessments in the period).
 *
 * One grouped query of the `_stats` view gives every period's groups: count, sums, minimum and
 * maximum. The `subject-periods` view finds the subjects assessed more than once in a period;
 * their earlier assessments' scores are taken out of those numbers (counts and sums exactly;
 * minimum, maximum and quartiles by reading ranked rows past them, known by document id). Each quartile is one
 * key-ordered query that skips to its rank and reads a few rows; a small group's metric is read
 * whole in one query instead of three. No assessment is downloaded but the earlier repeats'.
 */
import {
	compareGroups,
	compareMetrics,
	groupsOf,
	interpolateQuantile,
	keptValuesAt,
	metricOfValues,
	metricStats,
	quantileRank,
	QUARTILE_POINTS,
	scoredMetrics,
	type Aggregate,
	type GroupAggregate,
	type MetricStats,
	type QuartileName,
	type RankedRow,
	type StatsRow
} from '../../lib/domain/sync/aggregate';
import { COUNT_METRIC, scoresView, type Grouping } from '../../lib/domain/sync/design';
import { comparePeriods } from '../../lib/domain/sync/periods';
import type { Connection } from './client';
import { findRepeats } from './repeats';
import { viewQuery, type ViewQuery } from './view-query';

type MetricKey = [
	period: string,
	rubricId: string,
	version: string,
	group: string | null,
	metric: string
];

/** What the database holds besides the assessments the views count. */
export interface DocumentCounts {
	/** Assessments in the views (every period, repeats included) */
	counted: number;
	subjects: number;
	/** Assessment documents the views leave out: a newer format, or a summary they cannot read */
	assessmentsLeftOut: number;
	/** Documents that are not records of this app */
	other: number;
}

export interface ServerAggregate {
	aggregate: Aggregate;
	documents: DocumentCounts;
	/** View queries made and characters received (the bench: no document is downloaded) */
	queries: number;
	received: number;
}

/** At most this many queries at once: a shared server is not to be flooded. */
const CONCURRENCY = 8;
/** A metric with at most this many rows is read whole: one query instead of three. */
const READ_WHOLE = 60;

async function inPool<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const i = next++;
			results[i] = await tasks[i]!();
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tasks.length) }, worker));
	return results;
}

async function countDocuments(query: ViewQuery): Promise<DocumentCounts> {
	const rows = await query.view<[string, number | null, boolean], number>('documents', {
		group_level: 3
	});
	const documents: DocumentCounts = { counted: 0, subjects: 0, assessmentsLeftOut: 0, other: 0 };
	for (const { key, value } of rows) {
		if (key[0] === 'subject') documents.subjects += value;
		else if (key[0] === 'assessment' && key[2]) documents.counted += value;
		else if (key[0] === 'assessment') documents.assessmentsLeftOut += value;
		else documents.other += value;
	}
	return documents;
}

/** One metric of one group: the view's numbers and the repeats' values to take out of them. */
interface PendingMetric {
	group: GroupAggregate;
	key: MetricKey;
	stats: StatsRow;
	/** The earlier repeats' rows in this metric: document id and value */
	removed: RankedRow[];
}

/** A metric's numbers from the view's ranked rows, the repeats' values taken out. */
async function metricOnServer(
	query: ViewQuery,
	view: string,
	{ key, stats, removed }: PendingMetric
): Promise<MetricStats | undefined> {
	const kept = stats.count - removed.length;
	if (kept <= 0) return undefined;
	const rows = (params: Record<string, unknown>) =>
		// stale=ok: the statistics query just brought the index up to date; the ranked reads use
		// that same index instead of each checking for changes (and rank the same documents).
		query.view<unknown, number>(view, {
			stale: 'ok',
			startkey: key,
			endkey: [...key, {}],
			...params
		});
	const removedIds = new Set(removed.map((row) => row.id));
	if (stats.count <= READ_WHOLE) {
		const all = await rows({ reduce: 'false' });
		const values = all.filter((row) => !removedIds.has(row.id)).map((row) => row.value);
		if (values.length !== kept) throw query.changed();
		return metricOfValues(key[4], values);
	}
	// The kept values at a rank and the next: the view's rows from that rank on, enough of them
	// to step past every repeat.
	const valuesAt = async (rank: number): Promise<[number, number]> => {
		const window = await rows({
			reduce: 'false',
			skip: String(rank),
			limit: String(removed.length + 2)
		});
		try {
			return keptValuesAt(window, removed);
		} catch {
			throw query.changed();
		}
	};
	const quartiles = {} as Record<QuartileName, number>;
	for (const name of Object.keys(QUARTILE_POINTS) as QuartileName[]) {
		const { index, fraction } = quantileRank(kept, QUARTILE_POINTS[name]);
		const [lower, upper] = await valuesAt(index);
		quartiles[name] = interpolateQuantile(lower, upper, fraction);
	}
	const sum = stats.sum - removed.reduce((s, row) => s + row.value, 0);
	// The minimum and maximum are the view's unless a repeat held one of them.
	const held = (value: number) => removed.some((row) => row.value === value);
	const min = held(stats.min) ? (await valuesAt(0))[0] : stats.min;
	const max = held(stats.max) ? (await valuesAt(kept - 1))[0] : stats.max;
	return metricStats(key[4], { sum, count: kept, min, max }, quartiles);
}

export async function aggregateOnServer(
	conn: Connection,
	db: string,
	by: Grouping,
	period?: string
): Promise<ServerAggregate> {
	const query = viewQuery(conn, db);
	const documents = await countDocuments(query);
	const view = scoresView(by);
	const range = period === undefined ? {} : { startkey: [period], endkey: [period, {}] };
	const statsRows = await query.view<MetricKey, StatsRow>(view, { ...range, group_level: 5 });
	const { subjects, repeats } = await findRepeats(query, period);

	const groups = new Map<string, GroupAggregate & { period: string }>();
	const metrics = new Map<string, PendingMetric>();
	const groupId = (key: readonly unknown[]) => JSON.stringify(key.slice(0, 4));
	for (const { key, value } of statsRows) {
		const [p, id, version, group, metric] = key;
		let entry = groups.get(groupId(key));
		if (!entry)
			groups.set(
				groupId(key),
				(entry = { period: p, rubric: { id, version }, group, count: 0, metrics: [] })
			);
		if (metric === COUNT_METRIC) entry.count = value.count;
		else metrics.set(JSON.stringify(key), { group: entry, key, stats: value, removed: [] });
	}
	// Take the earlier repeats out of their groups, exactly as the views counted them in.
	for (const [p, docs] of repeats)
		for (const { _id, summary } of docs)
			for (const group of groupsOf(summary, by)) {
				const base = [p, summary.rubric.id, summary.rubric.version, group] as const;
				const entry = groups.get(groupId(base));
				if (!entry) throw query.changed();
				entry.count -= 1;
				for (const [metric, value] of scoredMetrics(summary)) {
					const pending = metrics.get(JSON.stringify([...base, metric]));
					if (!pending) throw query.changed();
					pending.removed.push({ id: _id, value });
				}
			}

	const pending = [...metrics.values()];
	const results = await inPool(pending.map((m) => () => metricOnServer(query, view, m)));
	pending.forEach(({ group }, i) => {
		const result = results[i];
		if (result) group.metrics.push(result);
	});

	const periods = [...new Set([...groups.values()].map((g) => g.period))].sort(comparePeriods);
	return {
		aggregate: {
			by,
			periods: periods.map((p) => {
				const inPeriod = [...groups.values()].filter((g) => g.period === p && g.count > 0);
				return {
					period: p,
					counted: subjects.get(p) ?? 0,
					repeatsLeftOut: repeats.get(p)?.length ?? 0,
					groups: inPeriod
						.map(({ period: _, ...g }) => ({
							...g,
							metrics: g.metrics.sort((a, b) => compareMetrics(a.metric, b.metric))
						}))
						.sort(compareGroups)
				};
			})
		},
		documents,
		queries: query.queries,
		received: query.received
	};
}
