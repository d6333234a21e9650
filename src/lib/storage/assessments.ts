/**
 * Assessments on this device. Saves check the revision they started from, so a stale tab cannot
 * overwrite newer answers; every write also keeps the subject's summary (its latest score) true.
 */
import type { Assessment } from '$lib/domain/assessment';
import type { ScoreSummary } from '$lib/domain/score-summary';
import {
	RECORD_SCHEMA_VERSION,
	upgradeRecord,
	type AssessmentRecord,
	type SubjectRecord,
	type SubjectSummary
} from './record-upgrade';
import { assessmentKey, fileKey, now, plain, request, subjectKey, transaction } from './database';
import { fileStillReferenced } from './evidence-files';
import { heldFileIds } from '$lib/domain/held-answers';
import { readOrReport, type UnreadableRecord } from './unreadable';

export async function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
	return transaction('readonly', async (s) => {
		const raw = await request(s.get(assessmentKey(id)));
		return raw === undefined ? undefined : upgradeRecord('assessment', assessmentKey(id), raw);
	});
}

export interface AssessmentList {
	assessments: AssessmentRecord[];
	unreadable: UnreadableRecord[];
}

/**
 * A subject's assessments that can be read, newest first, and those that cannot: a damaged or
 * newer assessment must not hide its subject's others.
 */
export async function listReadableAssessments(subjectId: string): Promise<AssessmentList> {
	return transaction('readonly', async (s) => {
		const subject = upgradeRecord(
			'subject',
			subjectKey(subjectId),
			await request(s.get(subjectKey(subjectId)))
		);
		const unreadable: UnreadableRecord[] = [];
		const assessments = (await readSubjectAssessments(s, subject, unreadable)).sort((a, b) =>
			b.assessment.date.localeCompare(a.assessment.date)
		);
		return { assessments, unreadable };
	});
}

/** A subject's readable assessments, newest first (see listReadableAssessments for the rest). */
export async function listAssessments(subjectId: string): Promise<AssessmentRecord[]> {
	return (await listReadableAssessments(subjectId)).assessments;
}

/**
 * What the subject's summary keeps of an assessment: computed by the caller from the domain.
 * Without `scores` (a write that could not score it) the summary is recomputed lazily.
 */
export interface AssessmentDigest {
	score: number | null;
	coverage: number;
	scores?: ScoreSummary;
}

type LatestSummary = NonNullable<SubjectSummary['latest']>;

function latestEntry(assessment: Assessment, digest: AssessmentDigest): LatestSummary {
	return {
		assessmentId: assessment.id,
		date: assessment.date,
		period: assessment.period,
		score: digest.score,
		coverage: digest.coverage,
		...(digest.scores ? { scores: digest.scores } : {})
	};
}

export function summarize(
	subject: SubjectRecord,
	assessments: AssessmentRecord[],
	digests: ReadonlyMap<string, AssessmentDigest>,
	previous: SubjectSummary,
	/** Assessments that cannot be read now: the subject keeps listing them */
	unreadable: readonly UnreadableRecord[] = []
): SubjectSummary {
	const sorted = [...assessments].sort((a, b) =>
		b.assessment.date.localeCompare(a.assessment.date)
	);
	const kept = unreadable
		.filter((u) => u.kind === 'assessment')
		.map((u) => u.key.slice('assessment:'.length))
		.filter((id) => !sorted.some((a) => a.assessment.id === id));
	const latest = sorted[0];
	if (!latest) return { assessmentIds: kept, latest: null };
	// Unchanged in this write, the latest keeps its summary; one that became the latest without a
	// digest (its newer sibling deleted) has none until it is computed lazily.
	const digest =
		digests.get(latest.assessment.id) ??
		(previous.latest?.assessmentId === latest.assessment.id
			? previous.latest
			: { score: null, coverage: 0 });
	return {
		assessmentIds: [...sorted.map((a) => a.assessment.id), ...kept],
		latest: latestEntry(latest.assessment, digest)
	};
}

/**
 * The subject's stored assessments. Those that cannot be read are added to `unreadable` when it
 * is given (and the caller must keep them listed); without it they fail the read.
 */
export async function readSubjectAssessments(
	s: IDBObjectStore,
	subject: SubjectRecord,
	unreadable?: UnreadableRecord[]
) {
	const raws = await Promise.all(
		subject.summary.assessmentIds.map((id) => request(s.get(assessmentKey(id))))
	);
	return raws
		.map((raw, i) => {
			if (raw === undefined) return undefined;
			const key = assessmentKey(subject.summary.assessmentIds[i]!);
			return unreadable
				? readOrReport('assessment', key, raw, unreadable)
				: upgradeRecord('assessment', key, raw);
		})
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
		const unreadable: UnreadableRecord[] = [];
		const others = await readSubjectAssessments(s, subject, unreadable);
		await request(s.add(record, assessmentKey(assessment.id)));
		const summary = summarize(
			subject,
			[...others, record],
			new Map([[assessment.id, digest]]),
			subject.summary,
			unreadable
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
	return transaction('readwrite', (s) => putAssessment(s, assessment, expectedRevision, digest));
}

/**
 * saveAssessment's write inside a transaction the caller holds, so other records (evidence files
 * that arrive with a return, say) land in the same transaction or not at all.
 */
export async function putAssessment(
	s: IDBObjectStore,
	assessment: Assessment,
	expectedRevision: number,
	digest: AssessmentDigest
): Promise<SaveResult> {
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
			? { ...subject.summary, latest: latestEntry(assessment, digest) }
			: subject.summary;
	await request(s.put({ ...subject, summary, updatedAt: time }, sKey));
	return { ok: true, record };
}

/** Deletes an assessment (and its evidence files); returns what is needed to undo it. */
export async function deleteAssessment(id: string): Promise<DeletedAssessment | undefined> {
	return transaction('readwrite', async (s) => {
		const key = assessmentKey(id);
		const raw = await request(s.get(key));
		if (raw === undefined) return undefined;
		const record = upgradeRecord('assessment', key, raw);
		const fileIds = heldFileIds(record.assessment);
		const files: [string, Blob][] = [];
		await request(s.delete(key));
		for (const fileId of fileIds) {
			const blob = (await request(s.get(fileKey(fileId)))) as Blob | undefined;
			if (blob) files.push([fileId, blob]);
			// Another answer may still show this file (older copies shared ids): keep it for them.
			if (!(await fileStillReferenced(s, fileId))) await request(s.delete(fileKey(fileId)));
		}
		const sKey = subjectKey(record.assessment.subject.id);
		const subject = upgradeRecord('subject', sKey, await request(s.get(sKey)));
		const unreadable: UnreadableRecord[] = [];
		const remaining = (await readSubjectAssessments(s, subject, unreadable)).filter(
			(a) => a.assessment.id !== id
		);
		const summary = summarize(subject, remaining, new Map(), subject.summary, unreadable);
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
	digest: AssessmentDigest | null;
}

/** Undoes deleteAssessment. */
export async function restoreAssessment(deleted: DeletedAssessment): Promise<void> {
	await transaction('readwrite', async (s) => {
		const { record } = deleted;
		await request(s.put(record, assessmentKey(record.assessment.id)));
		for (const [fileId, blob] of deleted.files) await request(s.put(blob, fileKey(fileId)));
		const sKey = subjectKey(record.assessment.subject.id);
		const subject = upgradeRecord('subject', sKey, await request(s.get(sKey)));
		const unreadable: UnreadableRecord[] = [];
		const others = await readSubjectAssessments(s, subject, unreadable);
		const digests = new Map<string, AssessmentDigest>();
		if (deleted.digest) digests.set(record.assessment.id, deleted.digest);
		const summary = summarize(subject, [...others, record], digests, subject.summary, unreadable);
		await request(s.put({ ...subject, summary, updatedAt: now() }, sKey));
	});
}
