/**
 * The device's database: one IndexedDB object store (through idb-keyval) holding subjects,
 * assessments, evidence files and app metadata under prefixed keys. Writes that touch several
 * records run in one transaction, so they land together or not at all.
 */

export const DB_NAME = 'gd-digital-economy';
const STORE_NAME = 'records';

export const subjectKey = (id: string) => `subject:${id}`;
export const assessmentKey = (id: string) => `assessment:${id}`;
export const fileKey = (id: string) => `file:${id}`;
export const META_KEY = 'meta:app';

export class StorageUnavailableError extends Error {
	constructor(readonly detail: string) {
		super(
			`This browser does not let the app store data (${detail}). Private windows and some security settings block storage; open the app in a normal window, or export your work to a file.`
		);
		this.name = 'StorageUnavailableError';
	}
}

export class StorageFullError extends Error {
	constructor() {
		super(
			'The device has no room left for the app’s data. Export your work to a file, then remove old evidence files or free up disk space.'
		);
		this.name = 'StorageFullError';
	}
}

/**
 * The open connection, kept so that a transaction can start in the same task as the user's input
 * (no promise hop before the first request reaches the database). Same database and store as
 * idb-keyval's createStore, which other readers use.
 */
let db: IDBDatabase | undefined;
let opening: Promise<IDBDatabase> | undefined;

function openDatabase(): Promise<IDBDatabase> {
	if (typeof indexedDB === 'undefined') throw new StorageUnavailableError('no IndexedDB');
	opening ??= (async () => {
		// The record schemas (zod) load while the database opens: no page pays for them before it
		// reads, and no connection is handed out before every record read can be validated.
		const schemas = import('./records');
		const connection = new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(DB_NAME);
			open.onupgradeneeded = () => open.result.createObjectStore(STORE_NAME);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		try {
			const [opened] = await Promise.all([connection, schemas]);
			opened.onclose = () => {
				db = undefined;
				opening = undefined;
			};
			db = opened;
			return opened;
		} catch (e) {
			opening = undefined;
			connection.then((c) => c.close()).catch(() => undefined);
			throw e;
		}
	})();
	return opening;
}

/**
 * Writes are strict: the transaction completes only once the browser has flushed it to disk, so
 * "saved" on screen means saved even if the whole browser or the machine stops right after.
 * Chromium's default (relaxed) completes before the disk has the data.
 */
function storeOf(connection: IDBDatabase, mode: IDBTransactionMode) {
	return connection
		.transaction(STORE_NAME, mode, mode === 'readwrite' ? { durability: 'strict' } : {})
		.objectStore(STORE_NAME);
}

async function withStore<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => Promise<T>) {
	return work(storeOf(db ?? (await openDatabase()), mode));
}

/** Maps browser storage failures to errors that tell the user what to do. */
function translateError(e: unknown): unknown {
	if (e instanceof DOMException || (e instanceof Error && 'name' in e)) {
		const name = (e as Error).name;
		if (name === 'QuotaExceededError') return new StorageFullError();
		if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
			return new StorageUnavailableError(name);
	}
	return e;
}

export const request = <T>(r: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});

/** Runs `work` in one transaction; resolves when the transaction has committed. */
export async function transaction<T>(
	mode: IDBTransactionMode,
	work: (s: IDBObjectStore) => Promise<T>
): Promise<T> {
	try {
		return await withStore(mode, async (s) => {
			const done = new Promise<void>((resolve, reject) => {
				s.transaction.oncomplete = () => resolve();
				s.transaction.onerror = () => reject(s.transaction.error);
				s.transaction.onabort = () => reject(s.transaction.error ?? new Error('aborted'));
			});
			let result: T;
			try {
				result = await work(s);
			} catch (e) {
				// Nothing of a failed unit of work may land: undo what it already wrote.
				try {
					s.transaction.abort();
				} catch {
					// Already finished or aborted.
				}
				done.catch(() => undefined);
				throw e;
			}
			await done;
			return result;
		});
	} catch (e) {
		throw translateError(e);
	}
}

export const now = () => new Date().toISOString();

/**
 * Records are plain JSON data. Callers may hand in reactive proxies (UI state), which IndexedDB
 * cannot clone; a JSON copy gives the store exactly what an export would contain.
 */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
