/**
 * Stored records this app cannot open (saved by a newer app, or damaged). Every reader that goes
 * over many records collects them here instead of failing, so that one bad record never hides or
 * blocks the others; the record itself is left exactly as it is.
 */
import {
	CorruptRecordError,
	NewerRecordError,
	upgradeRecord,
	type RecordKind
} from './record-upgrade';
import { request } from './database';

export interface UnreadableRecord {
	key: string;
	/** file: an evidence file whose stored value is not a file */
	kind: RecordKind | 'file';
	/**
	 * newer: saved by a newer version of the app; corrupt: not a valid record; subject: readable,
	 * but left out of an export because its subject cannot be read
	 */
	reason: 'newer' | 'corrupt' | 'subject';
	/** The record's format version, for newer records */
	version?: number;
	/** English, for logs; the interface words it in its own language from kind and reason */
	message: string;
}

/** Describes why a record cannot be read, or undefined for errors that are not about the record. */
export function unreadableFrom(
	key: string,
	kind: RecordKind,
	e: unknown
): UnreadableRecord | undefined {
	if (e instanceof NewerRecordError)
		return { key, kind, reason: 'newer', version: e.version, message: e.message };
	if (e instanceof CorruptRecordError) return { key, kind, reason: 'corrupt', message: e.message };
	return undefined;
}

/**
 * Upgrades a stored record, or adds it to `unreadable` and returns undefined when it cannot be
 * read. Other failures (the storage itself) still throw.
 */
export function readOrReport<K extends RecordKind>(
	kind: K,
	key: string,
	raw: unknown,
	unreadable: UnreadableRecord[]
): ReturnType<typeof upgradeRecord<K>> | undefined {
	try {
		return upgradeRecord(kind, key, raw);
	} catch (e) {
		const report = unreadableFrom(key, kind, e);
		if (!report) throw e;
		unreadable.push(report);
		return undefined;
	}
}

/** The unreadable record for a stored evidence file value that is not a file at all. */
export function unreadableFile(key: string): UnreadableRecord {
	return {
		key,
		kind: 'file',
		reason: 'corrupt',
		message: `Stored evidence file "${key}" is not a file; it has been left as it is.`
	};
}

/**
 * The stored values of records, as JSON-safe data, so that what cannot be opened can still be
 * saved to a file and nothing is lost. Evidence files that are Blobs are given as data URLs.
 */
export async function rawValuesOf(
	s: IDBObjectStore,
	keys: readonly string[]
): Promise<Record<string, unknown>> {
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		const value: unknown = await request(s.get(key));
		out[key] = value instanceof Blob ? { blobType: value.type, size: value.size } : value;
	}
	return out;
}
