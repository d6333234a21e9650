/** Everything at once: reading for export, writing an import in one transaction, wiping. */
import { heldFileIds, mapHeldEvidence } from '$lib/domain/held-answers';
import { upgradeRecord, type AssessmentRecord, type SubjectRecord } from './record-upgrade';
import { assessmentKey, fileKey, now, plain, request, subjectKey, transaction } from './database';
import { readSubjectAssessments, summarize } from './assessments';
import { rawValuesOf, readOrReport, unreadableFile, type UnreadableRecord } from './unreadable';

/**
 * Issues requests in order and waits for all of them once: they run in order inside their
 * transaction, and waiting for each of thousands in turn made reading and writing most of an
 * import. A request that cannot be issued (a value IndexedDB cannot store) throws and the
 * transaction aborts; those already issued then fail quietly, the throw is what is reported.
 */
function requestAll<T>(issue: Iterable<() => IDBRequest<T>>): Promise<T[]> {
	const pending: Promise<T>[] = [];
	for (const next of issue) {
		const done = request(next());
		done.catch(() => undefined);
		pending.push(done);
	}
	return Promise.all(pending);
}

export interface StoredEverything {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: Map<string, Blob>;
	/**
	 * What was left out: records that cannot be read, and assessments whose subject cannot be
	 * (a backup without their subject could not be restored).
	 */
	unreadable: UnreadableRecord[];
}

/**
 * Everything readable (or the given subjects with their assessments and files). Records that
 * cannot be read are reported, never a reason to fail: a backup matters most when something broke.
 */
export async function readEverything(subjectIds?: string[]): Promise<StoredEverything> {
	return transaction('readonly', async (s) => {
		const subjects: SubjectRecord[] = [];
		const assessments: AssessmentRecord[] = [];
		const files = new Map<string, Blob>();
		const unreadable: UnreadableRecord[] = [];
		const unreadableSubjects = new Set<string>();
		const readAll = (wanted: string[]) =>
			requestAll(wanted.map((k) => () => s.get(k) as IDBRequest<unknown>));
		// Each kind in two requests (its keys, its values, in the same key order): thousands of
		// single reads cost a round trip each.
		const readKind = async (prefix: string) => {
			const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
			const [keys, values] = await Promise.all([
				request(s.getAllKeys(range)),
				request(s.getAll(range) as IDBRequest<unknown[]>)
			]);
			return keys.map((key, i) => [String(key), values[i]] as const);
		};
		const [storedSubjects, storedAssessments] = await Promise.all([
			readKind('subject:'),
			readKind('assessment:')
		]);
		for (const [key, raw] of storedSubjects) {
			const id = key.slice('subject:'.length);
			if (subjectIds && !subjectIds.includes(id)) continue;
			const subject = readOrReport('subject', key, raw, unreadable);
			if (subject) subjects.push(subject);
			else unreadableSubjects.add(id);
		}
		const wanted = new Set(subjects.map((x) => x.id));
		for (const [key, raw] of storedAssessments) {
			if (subjectIds && !rawBelongsTo(raw, subjectIds)) continue;
			const record = readOrReport('assessment', key, raw, unreadable);
			if (!record) continue;
			const subjectId = record.assessment.subject.id;
			if (!wanted.has(subjectId)) {
				if (!subjectIds || unreadableSubjects.has(subjectId))
					unreadable.push({
						key,
						kind: 'assessment',
						reason: 'subject',
						message: `Assessment "${record.assessment.id}" was left out: its subject "${subjectId}" cannot be read.`
					});
				continue;
			}
			assessments.push(record);
		}
		const fileIds = [...new Set(assessments.flatMap((r) => [...heldFileIds(r.assessment)]))];
		for (const [i, value] of (await readAll(fileIds.map(fileKey))).entries()) {
			const id = fileIds[i]!;
			if (value instanceof Blob) files.set(id, value);
			else if (value !== undefined) unreadable.push(unreadableFile(fileKey(id)));
		}
		return { subjects, assessments, files, unreadable };
	});
}

/**
 * Whether a stored assessment value (possibly unreadable) belongs to one of these subjects, so
 * that exporting one subject reports only that subject's unreadable records.
 */
function rawBelongsTo(raw: unknown, subjectIds: string[]): boolean {
	const subject = (raw as { assessment?: { subject?: { id?: unknown } } } | null)?.assessment
		?.subject?.id;
	// A record too damaged to say whose it is belongs to no subject in particular.
	return typeof subject === 'string' && subjectIds.includes(subject);
}

/** The stored values of these records, for saving what cannot be opened to a file. */
export async function readRawRecords(keys: readonly string[]): Promise<Record<string, unknown>> {
	return transaction('readonly', (s) => rawValuesOf(s, keys));
}

/** The evidence files with these ids that are on the device (for exporting one assessment). */
export async function readFiles(
	ids: readonly string[]
): Promise<{ files: Map<string, Blob>; unreadable: UnreadableRecord[] }> {
	return transaction('readonly', async (s) => {
		const files = new Map<string, Blob>();
		const unreadable: UnreadableRecord[] = [];
		for (const id of ids) {
			const value: unknown = await request(s.get(fileKey(id)));
			if (value instanceof Blob) files.set(id, value);
			else if (value !== undefined) unreadable.push(unreadableFile(fileKey(id)));
		}
		return { files, unreadable };
	});
}

export interface ImportWrite {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: [string, Blob][];
}

/** An assessment as stored by an import; its revision is past every revision known before. */
export interface WrittenRevision {
	id: string;
	revision: number;
}

async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
	if (a.size !== b.size) return false;
	const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
	const xs = new Uint8Array(x);
	const ys = new Uint8Array(y);
	return xs.every((v, i) => v === ys[i]);
}

/**
 * An import may only link evidence to files it brings. Evidence files never change once added,
 * so one id means one content, owned by one answer:
 * - an imported file whose id is taken on this device (by another record's file, different
 *   content, or an unreadable value) is stored under a new id, so the import cannot alter or
 *   share the evidence of assessments already here;
 * - file evidence that brings no file data and names no file of the same import gets a new id
 *   with no file behind it ("file not included"): it can never open or delete a file on this
 *   device that belongs to another record. Its title, name, type and size are kept.
 */
async function ownImportedFiles(write: ImportWrite): Promise<ImportWrite> {
	const brought = new Set(write.files.map(([id]) => id));
	const { existing, owned } = await transaction('readonly', async (s) => {
		const existing = await Promise.all(
			write.files.map(([id]) => request(s.get(fileKey(id))) as Promise<unknown>)
		);
		// Files that the stored versions of the replaced assessments already own.
		const owned = new Set<string>();
		const keys = write.assessments.map((r) => assessmentKey(r.assessment.id));
		const raws = await requestAll(keys.map((key) => () => s.get(key) as IDBRequest<unknown>));
		raws.forEach((raw, i) => {
			if (raw === undefined) return;
			const current = readOrReport('assessment', keys[i]!, raw, []);
			if (current) for (const id of heldFileIds(current.assessment)) owned.add(id);
		});
		return { existing, owned };
	});
	const renamed = new Map<string, string>();
	for (const [i, [id, blob]] of write.files.entries()) {
		const current = existing[i];
		if (current === undefined) continue;
		if (current instanceof Blob && owned.has(id) && (await sameBytes(current, blob))) continue;
		renamed.set(id, crypto.randomUUID());
	}
	const fileId = (id: string) =>
		brought.has(id) ? (renamed.get(id) ?? id) : `missing-${crypto.randomUUID()}`;
	return {
		subjects: write.subjects,
		files: write.files.map(([id, blob]) => [renamed.get(id) ?? id, blob]),
		assessments: write.assessments.map((record) => ({
			...record,
			assessment: mapHeldEvidence(record.assessment, (e) =>
				e.kind === 'file' ? { ...e, id: fileId(e.id) } : e
			)
		}))
	};
}

/**
 * Writes an import in one transaction: all of it lands, or none of it. A replaced assessment's
 * revision goes past the stored one, so a tab still holding the old one can never save over it.
 * A record on the device that cannot be read is never overwritten: the write fails instead.
 */
export async function writeImport(input: ImportWrite): Promise<WrittenRevision[]> {
	const write = await ownImportedFiles(input);
	return transaction('readwrite', async (s) => {
		// An imported assessment that replaces one filed under another subject moves it: that
		// subject must stop listing it, or it would show another subject's assessment.
		const movedFrom = new Set<string>();
		const revisions: WrittenRevision[] = [];
		const records: AssessmentRecord[] = [];
		const assessmentKeys = write.assessments.map((r) => assessmentKey(r.assessment.id));
		const subjectKeys = write.subjects.map((subject) => subjectKey(subject.id));
		const [storedAssessments, storedSubjects] = await Promise.all([
			requestAll(assessmentKeys.map((key) => () => s.get(key) as IDBRequest<unknown>)),
			requestAll(subjectKeys.map((key) => () => s.get(key) as IDBRequest<unknown>))
		]);
		write.assessments.forEach((record, i) => {
			const raw = storedAssessments[i];
			if (raw === undefined) {
				records.push(record);
				return;
			}
			const previous = upgradeRecord('assessment', assessmentKeys[i]!, raw);
			if (previous.assessment.subject.id !== record.assessment.subject.id)
				movedFrom.add(previous.assessment.subject.id);
			records.push({ ...record, revision: Math.max(previous.revision, record.revision) + 1 });
		});
		// A stored subject that cannot be read is never written over: this throws, and nothing lands.
		storedSubjects.forEach((raw, i) => {
			if (raw !== undefined) upgradeRecord('subject', subjectKeys[i]!, raw);
		});
		await requestAll<IDBValidKey>([
			...write.subjects.map((subject, i) => () => s.put(plain(subject), subjectKeys[i]!)),
			...records.map((record) => () => s.put(plain(record), assessmentKey(record.assessment.id))),
			...write.files.map(
				([id, blob]) =>
					() =>
						s.put(blob, fileKey(id))
			)
		]);
		for (const record of records)
			revisions.push({ id: record.assessment.id, revision: record.revision });
		for (const subjectId of movedFrom) {
			const key = subjectKey(subjectId);
			const raw = await request(s.get(key));
			if (raw === undefined) continue;
			const subject = upgradeRecord('subject', key, raw);
			const unreadable: UnreadableRecord[] = [];
			const own = (await readSubjectAssessments(s, subject, unreadable)).filter(
				(a) => a.assessment.subject.id === subjectId
			);
			const summary = summarize(subject, own, new Map(), subject.summary, unreadable);
			await request(s.put({ ...subject, summary, updatedAt: now() }, key));
		}
		return revisions;
	});
}

/** Removes everything the app stored on this device. */
export async function wipeEverything(): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.clear());
	});
}
