/** Subjects (a city or an enterprise) on this device. */
import { RECORD_SCHEMA_VERSION, upgradeRecord, type SubjectRecord } from './record-upgrade';
import { readOrReport, type UnreadableRecord } from './unreadable';
import { now, plain, request, subjectKey, transaction } from './database';
import { slicer } from '$lib/main-thread';

export type { UnreadableRecord } from './unreadable';

const READ_PAGE = 500;

export interface SubjectList {
	subjects: SubjectRecord[];
	unreadable: UnreadableRecord[];
}

/**
 * Every subject that can be read, and the ones that cannot: one record from a newer app or a
 * damaged record must not hide all the others. Read in one request and checked in slices, so
 * thousands of subjects never hold up the page.
 */
export async function listReadableSubjects(): Promise<SubjectList> {
	const { keys, raws } = await transaction('readonly', async (s) => {
		const keys: IDBValidKey[] = [];
		const raws: unknown[] = [];
		// In pages: each page arrives as its own task, so thousands of subjects are never copied
		// out of the database in one long task.
		for (;;) {
			const after = keys.at(-1);
			const range =
				after === undefined
					? IDBKeyRange.bound('subject:', 'subject:\uffff')
					: IDBKeyRange.bound(after, 'subject:\uffff', true);
			const [pageKeys, pageRaws] = await Promise.all([
				request(s.getAllKeys(range, READ_PAGE)),
				request(s.getAll(range, READ_PAGE) as IDBRequest<unknown[]>)
			]);
			keys.push(...pageKeys);
			raws.push(...pageRaws);
			if (pageKeys.length < READ_PAGE) return { keys, raws };
		}
	});
	const list: SubjectList = { subjects: [], unreadable: [] };
	const next = slicer();
	for (const [i, raw] of raws.entries()) {
		const subject = readOrReport('subject', String(keys[i]), raw, list.unreadable);
		if (subject) list.subjects.push(subject);
		await next();
	}
	return list;
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
