/**
 * Queries of one database's province views, counted (the bench reports how many and how much
 * came back: numbers, not assessments). A missing database or design document says to run setup.
 */
import { DESIGN_DOC_ID } from '../../lib/domain/sync/design';
import { InputError } from '../errors';
import { couchRequest, describeServer, VIEW_TIMEOUT_MS, type Connection } from './client';

export interface ViewRow<K, V> {
	id: string;
	key: K;
	value: V;
}

export interface ViewQuery {
	/** Rows of a view of the design document; `body` (e.g. `keys`) makes it a POST. */
	view<K, V>(
		name: string,
		params: Record<string, unknown>,
		body?: Record<string, unknown>
	): Promise<ViewRow<K, V>[]>;
	/** Documents by id, every one of them (one missing: the database changed meanwhile). */
	documents<T>(ids: string[]): Promise<T[]>;
	/** The database changed between two queries of one answer. */
	changed(): InputError;
	readonly queries: number;
	readonly received: number;
}

export function viewQuery(conn: Connection, db: string): ViewQuery {
	const where = describeServer(conn, db);
	let queries = 0;
	let received = 0;
	const changed = () =>
		new InputError(where, [
			{ path: '', message: 'the database changed during the query; run aggregate again' }
		]);
	const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
		queries++;
		const response = await couchRequest<T>(conn, method, `/${encodeURIComponent(db)}${path}`, {
			accept: [404],
			where,
			timeoutMs: VIEW_TIMEOUT_MS,
			...(body === undefined ? {} : { body })
		});
		received += response.size;
		if (response.status === 404)
			throw new InputError(where, [
				{
					path: '',
					message: `database "${db}" or its views do not exist; run: couch setup --url URL --db ${db}`
				}
			]);
		return response.body;
	};
	const encode = (params: Record<string, unknown>) =>
		Object.entries(params)
			.map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
			.join('&');
	return {
		async view<K, V>(
			name: string,
			params: Record<string, unknown>,
			body?: Record<string, unknown>
		) {
			const path = `/${DESIGN_DOC_ID}/_view/${name}?${encode(params)}`;
			const result = await request<{ rows: ViewRow<K, V>[] }>(body ? 'POST' : 'GET', path, body);
			return result.rows;
		},
		async documents<T>(ids: string[]) {
			const result = await request<{ rows: { doc?: T | null }[] }>(
				'POST',
				`/_all_docs?include_docs=true`,
				{ keys: ids }
			);
			return result.rows.map((row) => {
				if (!row.doc) throw changed();
				return row.doc;
			});
		},
		changed,
		get queries() {
			return queries;
		},
		get received() {
			return received;
		}
	};
}
