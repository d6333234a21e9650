/**
 * The peers of a subject on this device, scored for the benchmark page. Records that cannot be
 * read leave out their subject, never the whole benchmark, and are reported.
 */
import type { Assessment } from '$lib/domain/assessment';
import type { PortfolioEntry } from '$lib/domain/benchmark';
import { scoreAssessment } from '$lib/domain/scoring';
import type { Rubric } from '$lib/rubrics/schema';
import type { SubjectRecord } from '$lib/storage/records';
import { getAssessment, listReadableSubjects } from '$lib/storage/repository';
import { unreadableFrom, type UnreadableRecord } from '$lib/storage/unreadable';
import { getRubric, TIER_QUESTION } from './rubrics';

export interface BenchmarkData {
	subject: SubjectRecord | null;
	rubric: Rubric | null;
	entries: PortfolioEntry[];
	/** The subject's latest assessment, for the reference values when no peer is there */
	own: Assessment | null;
	unreadable: UnreadableRecord[];
}

export async function loadBenchmark(subjectId: string | null): Promise<BenchmarkData> {
	const listed = await listReadableSubjects();
	const unreadable = [...listed.unreadable];
	const subject = listed.subjects.find((s) => s.id === subjectId) ?? null;
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
			x.kind === subject.kind &&
			x.rubricId === subject.rubricId &&
			x.profile[tier] === subject.profile[tier] &&
			x.summary.latest !== null &&
			(!x.archived || x.id === subject.id)
	);
	const entries: PortfolioEntry[] = [];
	for (const peer of peers) {
		const id = peer.summary.latest!.assessmentId;
		let record;
		try {
			record = await getAssessment(id);
		} catch (e) {
			const report = unreadableFrom(`assessment:${id}`, 'assessment', e);
			if (!report) throw e;
			unreadable.push(report);
			continue;
		}
		const r =
			record && (await getRubric(record.assessment.rubric.id, record.assessment.rubric.version));
		// A task's partial answers would rank the subject on a share of its indicators.
		if (!record || !r || r.version !== rubric?.version || record.assessment.task) continue;
		const scores = scoreAssessment(r, record.assessment);
		entries.push({
			subjectId: peer.id,
			name: peer.name,
			overall: scores.overall.score,
			domains: Object.fromEntries(scores.domains.map((d) => [d.id, d.score]))
		});
	}
	return { subject, rubric, entries, own: own?.assessment ?? null, unreadable };
}
