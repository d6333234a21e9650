/**
 * The peers of a subject on this device, for the benchmark page, from the score summaries kept
 * with each subject (state/summaries.ts): a visit reads the subjects, not every peer's assessment.
 * Summaries that are missing or stale are recomputed first (once; they are stored). Records that
 * cannot be read leave out their subject, never the whole benchmark, and are reported.
 */
import type { Assessment } from '$lib/domain/assessment';
import type { PortfolioEntry } from '$lib/domain/benchmark';
import { isSummaryCurrent } from '$lib/domain/score-summary';
import type { Rubric } from '$lib/rubrics/schema';
import type { SubjectRecord } from '$lib/storage/records';
import { getAssessment, listReadableSubjects } from '$lib/storage/repository';
import { type UnreadableRecord } from '$lib/storage/unreadable';
import { getRubric, TIER_QUESTION } from './rubrics';
import { refreshSummaries, withUpdates } from './summaries';

export interface BenchmarkData {
	subject: SubjectRecord | null;
	rubric: Rubric | null;
	entries: PortfolioEntry[];
	/** The subject's latest assessment, for the reference values when no peer is there */
	own: Assessment | null;
	unreadable: UnreadableRecord[];
}

export interface BenchmarkOptions {
	/** Called while missing or stale summaries are recomputed */
	onProgress?: (done: number, total: number) => void;
}

export async function loadBenchmark(
	subjectId: string | null,
	options: BenchmarkOptions = {}
): Promise<BenchmarkData> {
	const listed = await listReadableSubjects();
	const unreadable = [...listed.unreadable];
	let subject = listed.subjects.find((s) => s.id === subjectId) ?? null;
	if (!subject) return { subject, rubric: null, entries: [], own: null, unreadable };
	// Peers are compared on the rubric version of the subject's latest assessment: scores on two
	// versions measure different things.
	const own = subject.summary.latest
		? await getAssessment(subject.summary.latest.assessmentId).catch(() => undefined)
		: undefined;
	const rubric =
		(await getRubric(subject.rubricId, own?.assessment.rubric.version)) ??
		(await getRubric(subject.rubricId)) ??
		null;
	const tier = TIER_QUESTION[subject.kind];
	const peers = listed.subjects.filter(
		(x) =>
			x.kind === subject!.kind &&
			x.rubricId === subject!.rubricId &&
			x.profile[tier] === subject!.profile[tier] &&
			x.summary.latest !== null &&
			(!x.archived || x.id === subject!.id)
	);
	// A summary of another rubric version stays out, current or not (as its assessment would);
	// the subject's own is checked against its assessment, which is read here anyway.
	const stale = peers.filter((x) => {
		const scores = x.summary.latest!.scores;
		if (x.id === subject!.id && own && rubric?.version === own.assessment.rubric.version)
			return !isSummaryCurrent(scores, rubric, own.assessment);
		if (!scores || !rubric) return true;
		if (scores.rubric.id !== rubric.id || scores.rubric.version !== rubric.version) return false;
		return !isSummaryCurrent(scores, rubric);
	});
	let current = peers;
	if (stale.length) {
		const refreshed = await refreshSummaries(stale, {
			verify: stale.some((x) => x.id === subject!.id),
			onProgress: options.onProgress
		});
		unreadable.push(...refreshed.unreadable);
		current = withUpdates(peers, refreshed.updated);
		subject = current.find((x) => x.id === subject!.id) ?? subject;
	}
	const entries: PortfolioEntry[] = [];
	for (const peer of current) {
		const scores = peer.summary.latest!.scores;
		// A task's partial answers would rank the subject on a share of its indicators.
		if (!rubric || !isSummaryCurrent(scores, rubric) || scores.task) continue;
		entries.push({
			subjectId: peer.id,
			name: peer.name,
			overall: scores.overall,
			domains: scores.domains
		});
	}
	return { subject, rubric, entries, own: own?.assessment ?? null, unreadable };
}
