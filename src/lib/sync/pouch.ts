/**
 * PouchDB, loaded only when sync is on (a dynamic import: pages of users who never sync carry
 * none of it). The local replica lives in IndexedDB (PouchDB's idb adapter); the remote one talks
 * to CouchDB with the session cookie. PouchDB ships no types: the little this app uses is here.
 */

export interface PouchDoc {
	_id: string;
	_rev: string;
	_deleted?: boolean;
	_conflicts?: string[];
	_attachments?: Record<string, { content_type: string; data?: unknown; stub?: boolean }>;
	[key: string]: unknown;
}

export interface PouchChange {
	id: string;
	seq: number | string;
	doc?: PouchDoc;
	deleted?: boolean;
}

export interface PouchReplication extends PromiseLike<unknown> {
	on(event: string, listener: (info: unknown) => void): PouchReplication;
	cancel(): void;
}

export interface PouchDatabase {
	get(id: string, options?: Record<string, unknown>): Promise<PouchDoc>;
	put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
	bulkDocs(
		docs: Record<string, unknown>[],
		options?: Record<string, unknown>
	): Promise<{ ok?: boolean; id?: string; rev?: string; error?: string }[]>;
	remove(id: string, rev: string): Promise<{ ok: boolean; rev: string }>;
	changes(
		options: Record<string, unknown>
	): Promise<{ results: PouchChange[]; last_seq: number | string }>;
	info(): Promise<{ update_seq: number | string }>;
	sync(remote: PouchDatabase, options?: Record<string, unknown>): PouchReplication;
	close(): Promise<void>;
	destroy(): Promise<void>;
}

type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

let loading: Promise<PouchConstructor> | undefined;

function loadPouch(): Promise<PouchConstructor> {
	loading ??= import('pouchdb-browser').then(
		(module) => (module as unknown as { default: PouchConstructor }).default
	);
	return loading;
}

/** The device's replica of one CouchDB database. */
export async function openLocal(database: string): Promise<PouchDatabase> {
	const PouchDB = await loadPouch();
	return new PouchDB(localName(database), { adapter: 'idb', auto_compaction: false });
}

export const localName = (database: string) => `gd-sync-${database}`;

/** The server's database, reached with the session cookie (never a stored password). */
export async function openRemote(server: string, database: string): Promise<PouchDatabase> {
	const PouchDB = await loadPouch();
	return new PouchDB(`${server}/${encodeURIComponent(database)}`, {
		skip_setup: true,
		fetch: (url: string, init: RequestInit) =>
			globalThis.fetch(url, { ...init, credentials: 'include' })
	});
}
