/**
 * The scores a list of subjects shows, from the summaries stored with them: a summary is shown
 * only when it is current (made by this app's method with the rubric it names); missing or stale
 * ones are recomputed in the background, in slices, and each shows as it lands. A summary being
 * recomputed shows as such, never as an old number.
 */
import { isSummaryCurrent, type ScoreSummary } from '$lib/domain/score-summary';
import type { Rubric } from '$lib/rubrics/schema';
import type { SubjectRecord } from '$lib/storage/records';
import { inFront, loadSummaryRubrics, refreshSummaries, summaryRubricKey } from './summaries';

export class SubjectScores {
	/** Rubrics by id@version that the stored summaries name */
	private rubrics = $state.raw<Record<string, Rubric>>({});
	recomputing = $state(false);
	progress = $state<{ done: number; total: number } | null>(null);

	/** The subject's current summary, or null (none yet, stale, or its rubric not loaded yet) */
	scoreOf(subject: SubjectRecord): ScoreSummary | null {
		const scores = subject.summary.latest?.scores;
		const rubric = scores && this.rubrics[summaryRubricKey(scores.rubric)];
		return scores && rubric && isSummaryCurrent(scores, rubric) ? scores : null;
	}

	private async loadRubrics(subjects: readonly SubjectRecord[]) {
		const more = await loadSummaryRubrics(subjects, this.rubrics);
		if (more !== this.rubrics) this.rubrics = more;
	}

	/**
	 * Checks every subject's summary and recomputes those that are missing or stale, `first`
	 * (the ids on screen) before the others; `onUpdated` receives each stored batch.
	 */
	async bringUpToDate(
		subjects: readonly SubjectRecord[],
		first: readonly string[],
		onUpdated: (updated: SubjectRecord[]) => void
	) {
		await this.loadRubrics(subjects);
		const stale = inFront(
			subjects.filter((s) => s.summary.latest && !this.scoreOf(s)),
			first
		);
		if (stale.length === 0) return;
		this.recomputing = true;
		try {
			await refreshSummaries(stale, {
				onProgress: (done, total) => (this.progress = { done, total }),
				onStored: async (updated) => {
					await this.loadRubrics(updated);
					onUpdated(updated);
				}
			});
		} finally {
			this.recomputing = false;
			this.progress = null;
		}
	}
}
