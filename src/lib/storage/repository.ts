/**
 * The device's store: subjects, assessments, evidence files and app metadata in one IndexedDB
 * object store (through idb-keyval). Writes that touch several records run in one transaction,
 * so they land together or not at all; assessment saves check the revision they started from,
 * so a stale tab cannot overwrite newer answers.
 */
import { createStore, type UseStore } from 'idb-keyval';
import type { Assessment } from '$lib/domain/assessment';
import {
	CorruptRecordError,
	NewerRecordError,
	RECORD_SCHEMA_VERSION,
	upgradeRecord,
	type AssessmentRecord,
	type RecordKind,
	type MetaRecord,
	type SubjectRecord,
	type SubjectSummary
} from './records';

export const DB_NAME = 'gd-digital-economy';
const STORE_NAME = 'records';

const subjectKey = (id: string) => `subject:${id}`;
const assessmentKey = (id: string) => `assessment:${id}`;
const fileKey = (id: string) => `file:${id}`;
const META_KEY = 'meta:app';

export class StorageUnavailableError extends Error {
	constructor(detail: string) {
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

let store: UseStore | undefined;
function getStore(): UseStore {
	if (typeof indexedDB === 'undefined') throw new StorageUnavailableError('no IndexedDB');
	store ??= createStore(DB_NAME, STORE_NAME);
	return store;
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

const request = <T>(r: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error);
	});

/** Runs `work` in one transaction; resolves when the transaction has committed. */
async function transaction<T>(
	mode: IDBTransactionMode,
	work: (s: IDBObjectStore) => Promise<T>
): Promise<T> {
	try {
		return await getStore()(mode, async (s) => {
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

const now = () => new Date().toISOString();

/**
 * Records are plain JSON data. Callers may hand in reactive proxies (UI state), which IndexedDB
 * cannot clone; a JSON copy gives the store exactly what an export would contain.
 */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// ---- Subjects -------------------------------------------------------------------------------

export async function listSubjects(): Promise<SubjectRecord[]> {
	return transaction('readonly', async (s) => {
		const keys = (await request(s.getAllKeys())).filter(
			(k): k is string => typeof k === 'string' && k.startsWith('subject:')
		);
		const raws = await Promise.all(keys.map((k) => request(s.get(k))));
		return raws.map((raw, i) => upgradeRecord('subject', keys[i]!, raw));
	});
}

/** A stored record this app cannot open; it is reported and left exactly as it is. */
export interface UnreadableRecord {
	key: string;
	kind: RecordKind;
	/** newer: saved by a newer version of the app; corrupt: not a valid record */
	reason: 'newer' | 'corrupt';
	/** The record's format version, for newer records */
	version?: number;
	message: string;
}

export interface SubjectList {
	subjects: SubjectRecord[];
	unreadable: UnreadableRecord[];
}

/**
 * Every subject that can be read, and the ones that cannot: one record from a newer app or a
 * damaged record must not hide all the others.
 */
export async function listReadableSubjects(): Promise<SubjectList> {
	return transaction('readonly', async (s) => {
		const keys = (await request(s.getAllKeys())).filter(
			(k): k is string => typeof k === 'string' && k.startsWith('subject:')
		);
		const raws = await Promise.all(keys.map((k) => request(s.get(k))));
		const list: SubjectList = { subjects: [], unreadable: [] };
		raws.forEach((raw, i) => {
			const key = keys[i]!;
			try {
				list.subjects.push(upgradeRecord('subject', key, raw));
			} catch (e) {
				if (e instanceof NewerRecordError)
					list.unreadable.push({
						key,
						kind: 'subject',
						reason: 'newer',
						version: e.version,
						message: e.message
					});
				else if (e instanceof CorruptRecordError)
					list.unreadable.push({ key, kind: 'subject', reason: 'corrupt', message: e.message });
				else throw e;
			}
		});
		return list;
	});
}

export async function getSubject(id: string): Promise<SubjectRecord | undefined> {
	return transaction('readonly', async (s) => {
		const raw = await request(s.get(subjectKey(id)));
		return raw === undefined ? undefined : upgradeRecord('subject', subjectKey(id), raw);
	});
}

export interface NewSubject {
	id: string;
	kind: SubjectRecord['kind'];
	name: string;
	rubricId: string;
	profile: SubjectRecord['profile'];
	note?: string;
}

export async function createSubject(input: NewSubject): Promise<SubjectRecord> {
	const time = now();
	const record: SubjectRecord = {
		schemaVersion: RECORD_SCHEMA_VERSION,
		...plain(input),
		note: input.note ?? '',
		archived: false,
		createdAt: time,
		updatedAt: time,
		summary: { assessmentIds: [], latest: null }
	};
	await transaction('readwrite', async (s) => {
		await request(s.add(record, subjectKey(record.id)));
	});
	return record;
}

/** Updates the editable fields of a subject (name, profile, note, archived). */
export async function updateSubject(
	id: string,
	changes: Partial<Pick<SubjectRecord, 'name' | 'profile' | 'note' | 'archived'>>
): Promise<SubjectRecord> {
	return transaction('readwrite', async (s) => {
		const current = upgradeRecord('subject', subjectKey(id), await request(s.get(subjectKey(id))));
		const next: SubjectRecord = { ...current, ...plain(changes), updatedAt: now() };
		await request(s.put(next, subjectKey(id)));
		return next;
	});
}

// ---- Assessments ----------------------------------------------------------------------------

export async function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
	return transaction('readonly', async (s) => {
		const raw = await request(s.get(assessmentKey(id)));
		return raw === undefined ? undefined : upgradeRecord('assessment', assessmentKey(id), raw);
	});
}

export async function listAssessments(subjectId: string): Promise<AssessmentRecord[]> {
	return transaction('readonly', async (s) => {
		const subject = upgradeRecord(
			'subject',
			subjectKey(subjectId),
			await request(s.get(subjectKey(subjectId)))
		);
		return (await readSubjectAssessments(s, subject)).sort((a, b) =>
			b.assessment.date.localeCompare(a.assessment.date)
		);
	});
}

/** What the subject list shows of an assessment: computed by the caller from the domain. */
export interface AssessmentDigest {
	score: number | null;
	coverage: number;
}

function summarize(
	subject: SubjectRecord,
	assessments: AssessmentRecord[],
	digests: ReadonlyMap<string, AssessmentDigest>,
	previous: SubjectSummary
): SubjectSummary {
	const sorted = [...assessments].sort((a, b) =>
		b.assessment.date.localeCompare(a.assessment.date)
	);
	const latest = sorted[0];
	if (!latest) return { assessmentIds: [], latest: null };
	const digest =
		digests.get(latest.assessment.id) ??
		(previous.latest?.assessmentId === latest.assessment.id
			? { score: previous.latest.score, coverage: previous.latest.coverage }
			: { score: null, coverage: 0 });
	return {
		assessmentIds: sorted.map((a) => a.assessment.id),
		latest: {
			assessmentId: latest.assessment.id,
			date: latest.assessment.date,
			period: latest.assessment.period,
			score: digest.score,
			coverage: digest.coverage
		}
	};
}

async function readSubjectAssessments(s: IDBObjectStore, subject: SubjectRecord) {
	const raws = await Promise.all(
		subject.summary.assessmentIds.map((id) => request(s.get(assessmentKey(id))))
	);
	return raws
		.map((raw, i) =>
			raw === undefined
				? undefined
				: upgradeRecord('assessment', assessmentKey(subject.summary.assessmentIds[i]!), raw)
		)
		.filter((r): r is AssessmentRecord => r !== undefined);
}

/** Stores a new assessment and adds it to its subject's summary, in one transaction. */
export async function createAssessment(
	assessment: Assessment,
	digest: AssessmentDigest
): Promise<AssessmentRecord> {
	const time = now();
	const record: AssessmentRecord = {
		schemaVersion: RECORD_SCHEMA_VERSION,
		revision: 1,
		updatedAt: time,
		assessment: { ...plain(assessment), createdAt: assessment.createdAt ?? time, updatedAt: time }
	};
	await transaction('readwrite', async (s) => {
		const key = subjectKey(assessment.subject.id);
		const subject = upgradeRecord('subject', key, await request(s.get(key)));
		const others = await readSubjectAssessments(s, subject);
		await request(s.add(record, assessmentKey(assessment.id)));
		const summary = summarize(
			subject,
			[...others, record],
			new Map([[assessment.id, digest]]),
			subject.summary
		);
		await request(s.put({ ...subject, summary, updatedAt: time }, key));
	});
	return record;
}

export type SaveResult =
	| { ok: true; record: AssessmentRecord }
	| { ok: false; reason: 'conflict'; current: AssessmentRecord }
	| { ok: false; reason: 'missing' };

/**
 * Saves an assessment if nobody saved it since `expectedRevision`; otherwise changes nothing and
 * returns the newer stored version, so the caller can tell the user instead of overwriting it.
 */
export async function saveAssessment(
	assessment: Assessment,
	expectedRevision: number,
	digest: AssessmentDigest
): Promise<SaveResult> {
	return transaction('readwrite', async (s): Promise<SaveResult> => {
		const key = assessmentKey(assessment.id);
		const raw = await request(s.get(key));
		if (raw === undefined) return { ok: false, reason: 'missing' };
		const current = upgradeRecord('assessment', key, raw);
		if (current.revision !== expectedRevision) return { ok: false, reason: 'conflict', current };
		const time = now();
		const record: AssessmentRecord = {
			schemaVersion: RECORD_SCHEMA_VERSION,
			revision: current.revision + 1,
			updatedAt: time,
			assessment: { ...plain(assessment), updatedAt: time }
		};
		await request(s.put(record, key));
		const sKey = subjectKey(assessment.subject.id);
		const subject = upgradeRecord('subject', sKey, await request(s.get(sKey)));
		// A save changes answers, not dates: only the latest assessment's digest can change, so
		// the subject's other assessments need not be read on every keystroke.
		const latest = subject.summary.latest;
		const summary: SubjectSummary =
			!latest || latest.assessmentId === assessment.id || assessment.date > latest.date
				? {
						...subject.summary,
						latest: {
							assessmentId: assessment.id,
							date: assessment.date,
							period: assessment.period,
							score: digest.score,
							coverage: digest.coverage
						}
					}
				: subject.summary;
		await request(s.put({ ...subject, summary, updatedAt: time }, sKey));
		return { ok: true, record };
	});
}

/** Deletes an assessment (and its evidence files); returns what is needed to undo it. */
export async function deleteAssessment(id: string): Promise<DeletedAssessment | undefined> {
	return transaction('readwrite', async (s) => {
		const key = assessmentKey(id);
		const raw = await request(s.get(key));
		if (raw === undefined) return undefined;
		const record = upgradeRecord('assessment', key, raw);
		const fileIds = Object.values(record.assessment.answers).flatMap((a) =>
			(a.evidence ?? []).filter((e) => e.kind === 'file').map((e) => e.id)
		);
		const files: [string, Blob][] = [];
		for (const fileId of fileIds) {
			const blob = (await request(s.get(fileKey(fileId)))) as Blob | undefined;
			if (blob) files.push([fileId, blob]);
			await request(s.delete(fileKey(fileId)));
		}
		await request(s.delete(key));
		const sKey = subjectKey(record.assessment.subject.id);
		const subject = upgradeRecord('subject', sKey, await request(s.get(sKey)));
		const remaining = (await readSubjectAssessments(s, subject)).filter(
			(a) => a.assessment.id !== id
		);
		const summary = summarize(subject, remaining, new Map(), subject.summary);
		await request(s.put({ ...subject, summary, updatedAt: now() }, sKey));
		return {
			record,
			files,
			digest: subject.summary.latest?.assessmentId === id ? subject.summary.latest : null
		};
	});
}

export interface DeletedAssessment {
	record: AssessmentRecord;
	files: [string, Blob][];
	digest: { score: number | null; coverage: number } | null;
}

/** Undoes deleteAssessment. */
export async function restoreAssessment(deleted: DeletedAssessment): Promise<void> {
	await transaction('readwrite', async (s) => {
		const { record } = deleted;
		await request(s.put(record, assessmentKey(record.assessment.id)));
		for (const [fileId, blob] of deleted.files) await request(s.put(blob, fileKey(fileId)));
		const sKey = subjectKey(record.assessment.subject.id);
		const subject = upgradeRecord('subject', sKey, await request(s.get(sKey)));
		const others = await readSubjectAssessments(s, subject);
		const digests = new Map<string, AssessmentDigest>();
		if (deleted.digest) digests.set(record.assessment.id, deleted.digest);
		const summary = summarize(subject, [...others, record], digests, subject.summary);
		await request(s.put({ ...subject, summary, updatedAt: now() }, sKey));
	});
}

// ---- Evidence files -------------------------------------------------------------------------

export async function putFile(id: string, blob: Blob): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.put(blob, fileKey(id)));
	});
}

export async function getFile(id: string): Promise<Blob | undefined> {
	return transaction(
		'readonly',
		async (s) => (await request(s.get(fileKey(id)))) as Blob | undefined
	);
}

export async function deleteFile(id: string): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.delete(fileKey(id)));
	});
}

// ---- App metadata ---------------------------------------------------------------------------

export async function getMeta(): Promise<MetaRecord> {
	return transaction('readonly', async (s) => {
		const raw = await request(s.get(META_KEY));
		return raw === undefined
			? { schemaVersion: RECORD_SCHEMA_VERSION, lastExportAt: null, firstRunDismissed: false }
			: upgradeRecord('meta', META_KEY, raw);
	});
}

export async function updateMeta(changes: Partial<Omit<MetaRecord, 'schemaVersion'>>) {
	await transaction('readwrite', async (s) => {
		const raw = await request(s.get(META_KEY));
		const current: MetaRecord =
			raw === undefined
				? { schemaVersion: RECORD_SCHEMA_VERSION, lastExportAt: null, firstRunDismissed: false }
				: upgradeRecord('meta', META_KEY, raw);
		await request(s.put({ ...current, ...changes }, META_KEY));
	});
}

// ---- Bulk: export and import ----------------------------------------------------------------

export interface StoredEverything {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: Map<string, Blob>;
}

export async function readEverything(subjectIds?: string[]): Promise<StoredEverything> {
	return transaction('readonly', async (s) => {
		const keys = (await request(s.getAllKeys())).filter((k): k is string => typeof k === 'string');
		const subjects: SubjectRecord[] = [];
		const assessments: AssessmentRecord[] = [];
		const files = new Map<string, Blob>();
		for (const key of keys) {
			if (key.startsWith('subject:')) {
				const subject = upgradeRecord('subject', key, await request(s.get(key)));
				if (!subjectIds || subjectIds.includes(subject.id)) subjects.push(subject);
			}
		}
		const wanted = new Set(subjects.map((x) => x.id));
		for (const key of keys) {
			if (!key.startsWith('assessment:')) continue;
			const record = upgradeRecord('assessment', key, await request(s.get(key)));
			if (!wanted.has(record.assessment.subject.id)) continue;
			assessments.push(record);
			for (const answer of Object.values(record.assessment.answers))
				for (const e of answer.evidence ?? [])
					if (e.kind === 'file') {
						const blob = (await request(s.get(fileKey(e.id)))) as Blob | undefined;
						if (blob) files.set(e.id, blob);
					}
		}
		return { subjects, assessments, files };
	});
}

export interface ImportWrite {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: [string, Blob][];
}

async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
	if (a.size !== b.size) return false;
	const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
	const xs = new Uint8Array(x);
	const ys = new Uint8Array(y);
	return xs.every((v, i) => v === ys[i]);
}

/**
 * Evidence files never change once added, so one id means one content. An imported file whose id
 * is already taken on this device by different content (a hand-edited or hostile file) is stored
 * under a new id, so that the import cannot alter the evidence of assessments already here.
 */
async function separateCollidingFiles(write: ImportWrite): Promise<ImportWrite> {
	if (!write.files.length) return write;
	const existing = await transaction('readonly', (s) =>
		Promise.all(write.files.map(([id]) => request(s.get(fileKey(id))) as Promise<unknown>))
	);
	const renamed = new Map<string, string>();
	for (const [i, [id, blob]] of write.files.entries()) {
		const current = existing[i];
		if (current instanceof Blob && !(await sameBytes(current, blob)))
			renamed.set(id, crypto.randomUUID());
	}
	if (!renamed.size) return write;
	const rename = (id: string) => renamed.get(id) ?? id;
	return {
		subjects: write.subjects,
		files: write.files.map(([id, blob]) => [rename(id), blob]),
		assessments: write.assessments.map((record) => ({
			...record,
			assessment: {
				...record.assessment,
				answers: Object.fromEntries(
					Object.entries(record.assessment.answers).map(([key, answer]) => [
						key,
						answer.evidence
							? {
									...answer,
									evidence: answer.evidence.map((e) =>
										e.kind === 'file' ? { ...e, id: rename(e.id) } : e
									)
								}
							: answer
					])
				)
			}
		}))
	};
}

/** Writes an import in one transaction: all of it lands, or none of it. */
export async function writeImport(input: ImportWrite): Promise<void> {
	const write = await separateCollidingFiles(input);
	await transaction('readwrite', async (s) => {
		// An imported assessment that replaces one filed under another subject moves it: that
		// subject must stop listing it, or it would show another subject's assessment.
		const movedFrom = new Set<string>();
		for (const record of write.assessments) {
			const key = assessmentKey(record.assessment.id);
			const raw = await request(s.get(key));
			if (raw === undefined) continue;
			const previous = upgradeRecord('assessment', key, raw).assessment.subject.id;
			if (previous !== record.assessment.subject.id) movedFrom.add(previous);
		}
		for (const subject of write.subjects)
			await request(s.put(plain(subject), subjectKey(subject.id)));
		for (const record of write.assessments)
			await request(s.put(plain(record), assessmentKey(record.assessment.id)));
		for (const [id, blob] of write.files) await request(s.put(blob, fileKey(id)));
		for (const subjectId of movedFrom) {
			const key = subjectKey(subjectId);
			const raw = await request(s.get(key));
			if (raw === undefined) continue;
			const subject = upgradeRecord('subject', key, raw);
			const own = (await readSubjectAssessments(s, subject)).filter(
				(a) => a.assessment.subject.id === subjectId
			);
			const summary = summarize(subject, own, new Map(), subject.summary);
			await request(s.put({ ...subject, summary, updatedAt: now() }, key));
		}
	});
}

/** Removes everything the app stored on this device. */
export async function wipeEverything(): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.clear());
	});
}

/** Storage use and quota as the browser reports them (undefined where it cannot). */
export async function estimateStorage(): Promise<{ usage: number; quota: number } | undefined> {
	const estimate = await globalThis.navigator?.storage?.estimate?.();
	if (!estimate?.quota) return undefined;
	return { usage: estimate.usage ?? 0, quota: estimate.quota };
}
