/**
 * `couch aggregate`: the province view's numbers, computed by the server. One grouped query of
 * the `_stats` view gives every group's count, sums, minimum and maximum; each quartile is then
 * one key-ordered query that skips to its rank and reads at most two rows. No assessment is
 * downloaded: a group of 10,000 costs three small queries per metric, not 10,000 documents.
 */
import {
	compareGroups,
	compareMetrics,
	interpolateQuantile,
	metricStats,
	quantileRank,
	QUARTILE_POINTS,
	type Aggregate,
	type GroupAggregate,
	type QuartileName,
	type StatsRow
} from '../../lib/domain/sync/aggregate';
import {
	COUNT_METRIC,
	DESIGN_DOC_ID,
	scoresView,
	type Grouping
} from '../../lib/domain/sync/design';
import { InputError } from '../errors';
import { couchRequest, describeServer, VIEW_TIMEOUT_MS, type Connection } from './client';

type GroupKey = [rubricId: string, version: string, group: string | null, metric: string];

interface ViewRows<K, V> {
	rows: { key: K; value: V }[];
}

/** What the database holds besides the assessments the views count. */
export interface DocumentCounts {
	/** Assessments in the views */
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

export async function aggregateOnServer(
	conn: Connection,
	db: string,
	by: Grouping
): Promise<ServerAggregate> {
	const where = describeServer(conn, db);
	let queries = 0;
	let received = 0;
	const view = async <K, V>(name: string, params: Record<string, unknown>) => {
		queries++;
		const query = Object.entries(params)
			.map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
			.join('&');
		const { status, body, size } = await couchRequest<ViewRows<K, V>>(
			conn,
			'GET',
			`/${encodeURIComponent(db)}/${DESIGN_DOC_ID}/_view/${name}?${query}`,
			{ accept: [404], where, timeoutMs: VIEW_TIMEOUT_MS }
		);
		received += size;
		if (status === 404)
			throw new InputError(where, [
				{
					path: '',
					message: `database "${db}" or its views do not exist; run: couch setup --url URL --db ${db}`
				}
			]);
		return body.rows;
	};

	const documentRows = await view<[string, number | null, boolean], number>('documents', {
		group_level: 3
	});
	const documents: DocumentCounts = { counted: 0, subjects: 0, assessmentsLeftOut: 0, other: 0 };
	for (const { key, value } of documentRows) {
		if (key[0] === 'subject') documents.subjects += value;
		else if (key[0] === 'assessment' && key[2]) documents.counted += value;
		else if (key[0] === 'assessment') documents.assessmentsLeftOut += value;
		else documents.other += value;
	}

	const statsRows = await view<GroupKey, StatsRow>(scoresView(by), { group_level: 4 });
	const groups = new Map<string, GroupAggregate>();
	const pending: { group: GroupAggregate; key: GroupKey; stats: StatsRow }[] = [];
	for (const { key, value } of statsRows) {
		const [id, version, group, metric] = key;
		const groupId = JSON.stringify([id, version, group]);
		let entry = groups.get(groupId);
		if (!entry)
			groups.set(groupId, (entry = { rubric: { id, version }, group, count: 0, metrics: [] }));
		if (metric === COUNT_METRIC) entry.count = value.count;
		else pending.push({ group: entry, key, stats: value });
	}

	// Each quartile: the value at its rank and the next, read in key order from the view.
	const valueAt = async (key: GroupKey, index: number): Promise<[number, number]> => {
		const rows = await view<unknown, number>(scoresView(by), {
			reduce: 'false',
			startkey: key,
			endkey: [...key, {}],
			skip: String(index),
			limit: '2'
		});
		const lower = rows[0]?.value;
		if (lower === undefined)
			throw new InputError(where, [
				{ path: '', message: 'the database changed during the query; run aggregate again' }
			]);
		return [lower, rows[1]?.value ?? lower];
	};
	const names = Object.keys(QUARTILE_POINTS) as QuartileName[];
	const metrics = await inPool(
		pending.map(({ key, stats }) => async () => {
			const quartiles = {} as Record<QuartileName, number>;
			for (const name of names) {
				const { index, fraction } = quantileRank(stats.count, QUARTILE_POINTS[name]);
				const [lower, upper] = await valueAt(key, index);
				quartiles[name] = interpolateQuantile(lower, upper, fraction);
			}
			return metricStats(key[3], stats, quartiles);
		})
	);
	pending.forEach(({ group }, i) => group.metrics.push(metrics[i]!));
	for (const group of groups.values())
		group.metrics.sort((a, b) => compareMetrics(a.metric, b.metric));
	return {
		aggregate: { by, groups: [...groups.values()].sort(compareGroups) },
		documents,
		queries,
		received
	};
}
