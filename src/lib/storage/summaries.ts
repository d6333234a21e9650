/**
 * Stored score summaries (see domain/score-summary.ts): reading the assessments whose summaries
 * must be recomputed, and storing the recomputed ones without ever overwriting a newer write.
 */
import type { ScoreSummary } from '$lib/domain/score-summary';
import { upgradeRecord, type AssessmentRecord, type SubjectRecord } from './record-upgrade';
import { assessmentKey, request, subjectKey, transaction } from './database';
import { readOrReport, type UnreadableRecord } from './unreadable';
import type { AssessmentDigest } from './assessments';
import { slicer } from '$lib/main-thread';

/**
 * These assessments as stored (absent ones left out); unreadable ones are reported, not thrown.
 * Each is checked in its own slice of work: a hundred full assessments checked at once would
 * hold up the page.
 */
export async function readAssessmentsById(
	ids: readonly string[]
): Promise<{ records: AssessmentRecord[]; unreadable: UnreadableRecord[] }> {
	const raws = await transaction('readonly', (s) =>
		Promise.all(ids.map((id) => request(s.get(assessmentKey(id))) as Promise<unknown>))
	);
	const unreadable: UnreadableRecord[] = [];
	const records: AssessmentRecord[] = [];
	const next = slicer();
	for (const [i, raw] of raws.entries()) {
		if (raw === undefined) continue;
		const record = readOrReport('assessment', assessmentKey(ids[i]!), raw, unreadable);
		if (record) records.push(record);
		await next();
	}
	return { records, unreadable };
}

/** Identifies the summary a recomputation started from ('' for none). */
export const summaryStamp = (scores: ScoreSummary | undefined) =>
	scores ? `${scores.method}|${scores.rubric.hash}|${scores.fingerprint}` : '';

export interface SummaryUpdate {
	subjectId: string;
	assessmentId: string;
	/** summaryStamp of the summary stored when the recomputation began */
	expected: string;
	digest: AssessmentDigest;
}

/**
 * Stores recomputed summaries in one transaction. Each lands only while its subject still lists
 * that assessment as latest with the summary the recomputation started from: a save, import or
 * delete in between wrote a newer truth, which is kept. The subject's `updatedAt` stays: this is
 * no change of the user's. Returns the subjects as stored now.
 */
export async function storeSummaries(updates: readonly SummaryUpdate[]): Promise<SubjectRecord[]> {
	if (updates.length === 0) return [];
	return transaction('readwrite', async (s) => {
		const raws = await Promise.all(updates.map((u) => request(s.get(subjectKey(u.subjectId)))));
		const stored: SubjectRecord[] = [];
		for (const [i, u] of updates.entries()) {
			const raw = raws[i];
			if (raw === undefined) continue;
			let subject: SubjectRecord;
			try {
				subject = upgradeRecord('subject', subjectKey(u.subjectId), raw);
			} catch {
				continue; // Never written over: listing reports it.
			}
			const latest = subject.summary.latest;
			if (latest?.assessmentId !== u.assessmentId || summaryStamp(latest.scores) !== u.expected)
				continue;
			const { scores, score, coverage } = u.digest;
			const next: SubjectRecord = {
				...subject,
				summary: {
					...subject.summary,
					latest: { ...latest, score, coverage, ...(scores ? { scores } : {}) }
				}
			};
			await request(s.put(next, subjectKey(u.subjectId)));
			stored.push(next);
		}
		return stored;
	});
}
