/**
 * Score summaries kept with each subject (domain/score-summary.ts), so that the subjects list and
 * the benchmark show 5,000 subjects without reading and rescoring every assessment. Every write
 * of an assessment stores its summary; devices from before summaries were kept, and summaries
 * gone stale (a new scoring method, an edited rubric, an import that replaced an assessment) are
 * recomputed here, in slices that leave the main thread free for input and rendering.
 */
import type { Assessment } from '$lib/domain/assessment';
import { isSummaryCurrent, summarizeScores, type ScoreSummary } from '$lib/domain/score-summary';
import { scoreAssessment, type ScoreResult } from '$lib/domain/scoring';
import type { Rubric } from '$lib/rubrics/schema';
import type { SubjectRecord } from '$lib/storage/records';
import {
	listReadableSubjects,
	readAssessmentsById,
	storeSummaries,
	summaryStamp,
	type AssessmentDigest,
	type SummaryUpdate
} from '$lib/storage/repository';
import type { UnreadableRecord } from '$lib/storage/unreadable';
import { slicer, yieldToMain } from '$lib/main-thread';
import { getRubric } from './rubrics';

/** What a write stores with an assessment: its summary, and the score and coverage lists show. */
export function digestOf(
	rubric: Rubric,
	assessment: Assessment,
	scores: ScoreResult = scoreAssessment(rubric, assessment)
): AssessmentDigest {
	const summary = summarizeScores(rubric, assessment, scores);
	// A task's partial answers are no score of its subject (see storage/tasks.ts).
	return summary.task
		? { score: null, coverage: 0, scores: summary }
		: { score: summary.overall, coverage: summary.coverage, scores: summary };
}

/**
 * The subject's stored summary of its latest assessment when it can be shown as it is (made by
 * this app's method with the rubric it names, as that rubric is now); null otherwise.
 */
export async function currentSummaryOf(subject: SubjectRecord): Promise<ScoreSummary | null> {
	const scores = subject.summary.latest?.scores;
	if (!scores) return null;
	const rubric = await getRubric(scores.rubric.id, scores.rubric.version);
	return rubric && isSummaryCurrent(scores, rubric) ? scores : null;
}

/** Assessments that cannot be scored here (their rubric version is not shipped): not retried. */
const unscorable = new Set<string>();

export interface SummaryRefresh {
	/** Subjects whose summary was recomputed and stored, as stored now */
	updated: SubjectRecord[];
	/** Latest assessments that could not be read (and so have no summary) */
	unreadable: UnreadableRecord[];
}

export interface RefreshOptions {
	/**
	 * Also read the assessments of summaries that look current and compare fingerprints: after
	 * an import, which may have replaced an assessment without recomputing its summary.
	 */
	verify?: boolean;
	onProgress?: (done: number, total: number) => void;
	/** Each batch of recomputed summaries as soon as it is stored */
	onStored?: (subjects: SubjectRecord[]) => void | Promise<void>;
	signal?: AbortSignal;
}

const BATCH = 100;

/**
 * Makes the latest-assessment summaries of these subjects current: each missing or stale one is
 * recomputed from the stored assessment and stored (never over a newer write; see
 * storeSummaries). Subjects with no assessment need none.
 */
export async function refreshSummaries(
	subjects: readonly SubjectRecord[],
	options: RefreshOptions = {}
): Promise<SummaryRefresh> {
	const { verify = false, onProgress, onStored, signal } = options;
	const next = slicer();
	const stale: SubjectRecord[] = [];
	for (const subject of subjects) {
		const latest = subject.summary.latest;
		if (!latest || unscorable.has(latest.assessmentId)) continue;
		if (verify || !(await currentSummaryOf(subject))) stale.push(subject);
		await next();
	}
	const result: SummaryRefresh = { updated: [], unreadable: [] };
	for (let start = 0; start < stale.length && !signal?.aborted; start += BATCH) {
		onProgress?.(start, stale.length);
		const batch = stale.slice(start, start + BATCH);
		const read = await readAssessmentsById(batch.map((s) => s.summary.latest!.assessmentId));
		result.unreadable.push(...read.unreadable);
		const records = new Map(read.records.map((r) => [r.assessment.id, r.assessment]));
		const updates: SummaryUpdate[] = [];
		for (const subject of batch) {
			const latest = subject.summary.latest!;
			const assessment = records.get(latest.assessmentId);
			if (!assessment) continue;
			const rubric = await getRubric(assessment.rubric.id, assessment.rubric.version);
			if (!rubric) {
				unscorable.add(latest.assessmentId);
				continue;
			}
			if (verify && isSummaryCurrent(latest.scores, rubric, assessment)) continue;
			updates.push({
				subjectId: subject.id,
				assessmentId: latest.assessmentId,
				expected: summaryStamp(latest.scores),
				digest: digestOf(rubric, assessment)
			});
			await next();
		}
		const stored = await storeSummaries(updates);
		result.updated.push(...stored);
		if (stored.length) await onStored?.(stored);
		await yieldToMain();
	}
	onProgress?.(stale.length, stale.length);
	return result;
}

/** The subjects with the updated ones in their place. */
export function withUpdates(
	subjects: readonly SubjectRecord[],
	updated: readonly SubjectRecord[]
): SubjectRecord[] {
	if (updated.length === 0) return [...subjects];
	const byId = new Map(updated.map((s) => [s.id, s]));
	return subjects.map((s) => byId.get(s.id) ?? s);
}

export const summaryRubricKey = (r: { id: string; version: string }) => `${r.id}@${r.version}`;

/**
 * `have` with the rubrics (by summaryRubricKey) that these subjects' summaries name and `have`
 * lacks; `have` itself when none is missing.
 */
export async function loadSummaryRubrics(
	subjects: readonly SubjectRecord[],
	have: Readonly<Record<string, Rubric>>
): Promise<Record<string, Rubric>> {
	const wanted = new Map<string, { id: string; version: string }>();
	for (const s of subjects) {
		const r = s.summary.latest?.scores?.rubric;
		if (r && !have[summaryRubricKey(r)]) wanted.set(summaryRubricKey(r), r);
	}
	if (wanted.size === 0) return have;
	const loaded = { ...have };
	for (const [key, r] of wanted) {
		const rubric = await getRubric(r.id, r.version);
		if (rubric) loaded[key] = rubric;
	}
	return loaded;
}

/** The subjects with those whose ids are in `first` moved to the front, order kept otherwise. */
export function inFront(subjects: SubjectRecord[], first: readonly string[]): SubjectRecord[] {
	const front = new Set(first);
	return [...subjects.filter((s) => front.has(s.id)), ...subjects.filter((s) => !front.has(s.id))];
}

/**
 * After an import: a subject whose latest assessment was replaced may keep the summary of what
 * it replaced (the import recomputes only the newest assessment it brings), so those are checked
 * against the stored assessments and recomputed where they differ.
 */
export async function refreshAfterImport(assessmentIds: readonly string[]) {
	const imported = new Set(assessmentIds);
	const { subjects } = await listReadableSubjects();
	const touched = subjects.filter(
		(s) => s.summary.latest && imported.has(s.summary.latest.assessmentId)
	);
	await refreshSummaries(touched, { verify: true });
}
