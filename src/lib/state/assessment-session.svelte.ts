/**
 * One assessment being filled in. Answers live in $state; scores are $derived from the pure
 * domain; every change goes through a method that saves at once (notes: shortly after typing
 * stops, and immediately when the page is hidden). Saves carry the revision they started from,
 * so a second tab with stale data cannot overwrite newer answers; other tabs are told to reload.
 */
import type { Answer, Assessment, Evidence } from '$lib/domain/assessment';
import { defaultTarget, indexIndicators, isInScope, suggestLevel } from '$lib/domain/rubric-index';
import { scoreAssessment, type ScoreResult } from '$lib/domain/scoring';
import type { Rubric } from '$lib/rubrics/schema';
import { saveAssessment, StorageFullError, StorageUnavailableError } from '$lib/storage/repository';
import type { AssessmentRecord } from '$lib/storage/records';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

const CHANNEL = 'gd-assess-changes';

export function digestOf(scores: ScoreResult) {
	return { score: scores.overall.score, coverage: scores.overall.coverage.ratio };
}

export class AssessmentSession {
	readonly rubric: Rubric;
	assessment = $state() as Assessment;
	revision = $state(0);
	saveState = $state<SaveState>('saved');
	/** A message for the user when saving failed (what happened and what to do) */
	saveError = $state<string | null>(null);
	/** Set when another tab saved this assessment after we loaded it */
	newerElsewhere = $state(false);

	readonly index;
	scores = $derived.by(() => scoreAssessment(this.rubric, this.assessment));
	/** Indicators in scope for this subject's profile and mode, in rubric order */
	inScope = $derived.by(() =>
		[...this.index.values()].filter((e) =>
			isInScope(e, this.assessment.profile, this.assessment.mode)
		)
	);

	private pending: Promise<void> = Promise.resolve();
	private dirty = false;
	private noteTimer: ReturnType<typeof setTimeout> | undefined;
	private channel: BroadcastChannel | undefined;

	constructor(rubric: Rubric, record: AssessmentRecord) {
		this.rubric = rubric;
		this.index = indexIndicators(rubric);
		this.assessment = record.assessment;
		this.revision = record.revision;
		if (typeof BroadcastChannel !== 'undefined') {
			this.channel = new BroadcastChannel(CHANNEL);
			this.channel.onmessage = (event: MessageEvent<{ id: string; revision: number }>) => {
				if (event.data.id === this.assessment.id && event.data.revision > this.revision)
					this.newerElsewhere = true;
			};
		}
	}

	dispose() {
		this.channel?.close();
		clearTimeout(this.noteTimer);
	}

	answer(id: string): Answer {
		return this.assessment.answers[id] ?? { level: null, notApplicable: false, target: null };
	}

	targetOf(id: string): number {
		const own = this.answer(id).target;
		const entry = this.index.get(id);
		return (
			own ?? (entry ? defaultTarget(this.rubric, entry.indicator, this.assessment.profile) : 0)
		);
	}

	suggestedLevel(id: string): number | null {
		const entry = this.index.get(id);
		return entry ? suggestLevel(entry.indicator, this.answer(id).value) : null;
	}

	private change(id: string, patch: Partial<Answer>, debounce = false) {
		if (this.saveState === 'conflict') return;
		const next = { ...this.answer(id), ...patch };
		this.assessment.answers[id] = next;
		this.dirty = true;
		this.saveState = 'unsaved';
		clearTimeout(this.noteTimer);
		if (debounce) this.noteTimer = setTimeout(() => void this.flush(), 400);
		else void this.flush();
	}

	setLevel(id: string, level: number | null) {
		this.change(id, { level, notApplicable: false });
	}

	setNotApplicable(id: string, notApplicable: boolean) {
		this.change(id, { notApplicable, level: notApplicable ? null : this.answer(id).level });
	}

	/** null restores the profile's default target */
	setTarget(id: string, target: number | null) {
		this.change(id, { target });
	}

	setNote(id: string, note: string) {
		this.change(id, { note }, true);
	}

	/** Records a metric value; the level follows the suggestion unless the assessor chose one. */
	setValue(id: string, value: number | null) {
		const entry = this.index.get(id);
		const previousSuggestion = this.suggestedLevel(id);
		const current = this.answer(id).level;
		const patch: Partial<Answer> = { value };
		const suggestion = entry ? suggestLevel(entry.indicator, value) : null;
		// Follow the value while the assessor has not overridden the suggested level.
		if (suggestion !== null && (current === null || current === previousSuggestion)) {
			patch.level = suggestion;
			patch.notApplicable = false;
		}
		this.change(id, patch);
	}

	setEvidence(id: string, evidence: Evidence[]) {
		this.change(id, { evidence });
	}

	setNarrative(narrative: string) {
		if (this.saveState === 'conflict') return;
		this.assessment.narrative = narrative;
		this.dirty = true;
		this.saveState = 'unsaved';
		clearTimeout(this.noteTimer);
		this.noteTimer = setTimeout(() => void this.flush(), 400);
	}

	/** Saves now if anything changed; saves are serialised so revisions stay in order. */
	flush(): Promise<void> {
		clearTimeout(this.noteTimer);
		this.pending = this.pending.then(() => this.save());
		return this.pending;
	}

	private async save() {
		if (!this.dirty || this.saveState === 'conflict') return;
		this.dirty = false;
		this.saveState = 'saving';
		const snapshot = $state.snapshot(this.assessment) as Assessment;
		try {
			const result = await saveAssessment(snapshot, this.revision, digestOf(this.scores));
			if (result.ok) {
				this.revision = result.record.revision;
				this.saveError = null;
				this.saveState = this.dirty ? 'unsaved' : 'saved';
				this.channel?.postMessage({ id: snapshot.id, revision: this.revision });
			} else if (result.reason === 'conflict') {
				this.saveState = 'conflict';
				this.newerElsewhere = true;
			} else {
				this.saveState = 'error';
				this.saveError = 'missing';
			}
		} catch (e) {
			this.dirty = true;
			this.saveState = 'error';
			this.saveError =
				e instanceof StorageFullError || e instanceof StorageUnavailableError
					? e.message
					: e instanceof Error
						? e.message
						: String(e);
		}
	}

	/** Progress per domain: answered (or not applicable) of those in scope */
	progressOf(domainId: string) {
		const list = this.inScope.filter((e) => e.domain.id === domainId);
		const done = list.filter((e) => {
			const a = this.answer(e.indicator.id);
			return a.level !== null || (a.notApplicable && e.indicator.allowNotApplicable);
		}).length;
		return { done, total: list.length };
	}
}
