/**
 * One assessment being filled in. Answers live in $state; scores are $derived from the pure
 * domain; every change goes through a method that saves at once (notes: shortly after typing
 * stops, and immediately when the page is hidden). Saves carry the revision they started from,
 * so a second tab with stale data cannot overwrite newer answers; other tabs are told to reload.
 */
import { actorActionKey, readAction } from '$lib/domain/actions';
import type {
	Action,
	Answer,
	Assessment,
	ComplianceAnswer,
	Evidence,
	FigureValue
} from '$lib/domain/assessment';
import { countStatuses, statusOf } from '$lib/domain/answer-counts';
import { isAssignedInTask } from '$lib/domain/coordination/respondent';
import { computeRatio } from '$lib/domain/ratio';
import { isCalendarDate } from '$lib/domain/calendar-date';
import { defaultTarget, indexIndicators, isInScope, suggestLevel } from '$lib/domain/rubric-index';
import { scoreAssessment } from '$lib/domain/scoring';
import type { Rubric } from '$lib/rubrics/schema';
import { isFinalised } from '$lib/domain/coordination/core';
import { saveAssessment } from '$lib/storage/repository';
import { saveWithFiles } from '$lib/storage/coordination';
import { recordCoordinatorEdit, startBurst, type EditBurst } from './coordinator-edit';
import type { AssessmentRecord } from '$lib/storage/records';
import { digestOf } from './summaries';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

const CHANNEL = 'gd-assess-changes';
const DRAFT_PREFIX = 'gd-assess.draft.';

/**
 * Unsaved changes are also written synchronously to localStorage (a write-ahead draft): an
 * IndexedDB save cannot finish once a page is unloading or the tab is killed, a synchronous
 * write can. The draft is replayed on the next load if nothing newer was saved in between.
 */
interface Draft {
	baseRevision: number;
	assessment: Assessment;
}

function readDraft(id: string): Draft | undefined {
	try {
		const raw = globalThis.localStorage?.getItem(DRAFT_PREFIX + id);
		return raw ? (JSON.parse(raw) as Draft) : undefined;
	} catch {
		return undefined;
	}
}

function clearDraft(id: string) {
	try {
		globalThis.localStorage?.removeItem(DRAFT_PREFIX + id);
	} catch {
		// Nothing to clear where storage is blocked.
	}
}

/**
 * Tells every open tab that these assessments were stored with these revisions (an import that
 * replaced them, for example): a tab holding an older revision shows its banner and stops saving.
 */
export function announceSaved(saved: readonly { id: string; revision: number }[]) {
	if (typeof BroadcastChannel === 'undefined' || !saved.length) return;
	const channel = new BroadcastChannel(CHANNEL);
	for (const { id, revision } of saved) channel.postMessage({ id, revision });
	channel.close();
}

/** Today on this device (YYYY-MM-DD), as the app's other pages date what they record. */
const localDay = () => new Date().toISOString().slice(0, 10);

export { digestOf };

export class AssessmentSession {
	readonly rubric: Rubric;
	assessment = $state() as Assessment;
	revision = $state(0);
	saveState = $state<SaveState>('saved');
	/** Why saving failed: the error, or 'missing'; the page words it in the interface language */
	saveError = $state<unknown>(null);
	/** Set when another tab saved this assessment after we loaded it */
	newerElsewhere = $state(false);

	readonly index;
	/** Signed off (定稿): nothing of the assessment changes until it is reopened */
	readOnly = $derived(isFinalised(this.assessment));
	scores = $derived.by(() => scoreAssessment(this.rubric, this.assessment));
	/**
	 * Indicators in scope for this subject's profile and mode, in rubric order; in a task (a
	 * package opened on a respondent's device), only the indicators the package assigned.
	 */
	inScope = $derived.by(() =>
		[...this.index.values()].filter(
			(e) =>
				isInScope(e, this.assessment.profile, this.assessment.mode) &&
				isAssignedInTask(this.assessment, e.indicator.id)
		)
	);

	private pending: Promise<void> = Promise.resolve();
	/** Saves started or queued and not yet finished */
	private running = 0;
	private dirty = false;
	private noteTimer: ReturnType<typeof setTimeout> | undefined;
	private channel: BroadcastChannel | undefined;
	/** The coordinator's current run of edits of one answer (see coordinator-edit.ts) */
	private burst: EditBurst | undefined;

	/** Set when unsaved changes from an earlier visit could not be applied (saved elsewhere since) */
	staleDraft = $state<Assessment | null>(null);

	constructor(rubric: Rubric, record: AssessmentRecord) {
		this.rubric = rubric;
		this.index = indexIndicators(rubric);
		this.assessment = record.assessment;
		this.revision = record.revision;
		const draft = readDraft(record.assessment.id);
		if (draft && draft.assessment.id === record.assessment.id) {
			if (draft.baseRevision === record.revision) {
				// Changes made just before the page closed: apply them and save them now.
				this.assessment = draft.assessment;
				this.dirty = true;
				this.saveState = 'unsaved';
				queueMicrotask(() => void this.flush());
			} else {
				this.staleDraft = draft.assessment;
				clearDraft(record.assessment.id);
			}
		}
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

	/**
	 * Whether this indicator's answer may change here. A task answers only what its package
	 * assigned: any other indicator is refused whichever control or key asked (its answer would
	 * never go back, and the coordinator's data must not be altered on a respondent's device).
	 */
	canChange(id: string): boolean {
		return isAssignedInTask(this.assessment, id);
	}

	private change(id: string, patch: Partial<Answer>, debounce = false) {
		if (this.readOnly || !this.canChange(id)) return;
		const before = this.answer(id);
		const next = { ...before, ...patch };
		this.assessment.answers[id] = next;
		if (this.assessment.coordination) this.recordEdit(id, before);
		this.markDirty();
		// Newer data is stored: what is typed stays on screen and in the draft (for export and the
		// next visit), but is never saved over the newer record.
		if (this.saveState === 'conflict') return;
		clearTimeout(this.noteTimer);
		if (debounce) this.noteTimer = setTimeout(() => void this.flush(), 400);
		else void this.flush();
	}

	private recordEdit(id: string, before: Answer) {
		const assessment = $state.snapshot(this.assessment) as Assessment;
		if (this.burst?.indicatorId !== id) this.burst = startBurst(assessment, id, before);
		const by = assessment.coordination?.coordinator || assessment.assessor;
		this.assessment = recordCoordinatorEdit(assessment, this.burst, { on: localDay(), by });
	}

	/**
	 * Replaces the assessment with one a domain function made from it (coordination: assignments,
	 * decisions, sign-off) and saves it; typed text waits for a pause, as notes do.
	 */
	update(next: Assessment, debounce = false) {
		if (this.saveState === 'conflict') return;
		this.burst = undefined;
		this.assessment = next;
		this.markDirty();
		clearTimeout(this.noteTimer);
		if (debounce) this.noteTimer = setTimeout(() => void this.flush(), 400);
		else void this.flush();
	}

	/**
	 * Saves a whole new version with files in one transaction (a merged return and the evidence it
	 * brought): all of it lands, or none of it and the assessment stays as it was.
	 */
	async commit(next: Assessment, files: readonly [string, Blob][]): Promise<SaveState> {
		await this.flush();
		if (this.saveState === 'conflict' || this.saveState === 'error') return this.saveState;
		this.burst = undefined;
		const result = await saveWithFiles(next, this.revision, digestOf(this.rubric, next), files);
		if (result.ok) {
			this.assessment = next;
			this.revision = result.record.revision;
			this.channel?.postMessage({ id: next.id, revision: this.revision });
			return 'saved';
		}
		if (result.reason === 'conflict') {
			this.saveState = 'conflict';
			this.newerElsewhere = true;
			return 'conflict';
		}
		this.saveError = 'missing';
		return 'error';
	}

	setLevel(id: string, level: number | null) {
		const current = this.answer(id);
		// The same level again (a repeated key, a second click) is no change and no save.
		if (current.level === level && !current.notApplicable) return;
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

	/** One input of a ratio metric; the metric value is the computed ratio (or none yet). */
	setRatioInput(id: string, part: 'numerator' | 'denominator', value: number | null) {
		const ratio = this.index.get(id)?.indicator.metric?.ratio;
		if (!ratio || this.saveState === 'conflict' || this.readOnly || !this.canChange(id)) return;
		const inputs = { ...this.answer(id).inputs, [part]: value };
		this.assessment.answers[id] = { ...this.answer(id), inputs };
		this.setValue(id, computeRatio(ratio, inputs).value);
	}

	/** A recorded figure (not scored): a number, or the inputs of the figure's ratio. */
	setFigure(id: string, figureId: string, value: FigureValue) {
		this.change(id, { figures: { ...this.answer(id).figures, [figureId]: value } });
	}

	complianceAnswer(checkId: string): ComplianceAnswer {
		return this.assessment.compliance?.[checkId] ?? { status: null };
	}

	/** Answers a compliance check; saved like any answer, never part of the score. */
	setCompliance(checkId: string, patch: Partial<ComplianceAnswer>) {
		// A task's return carries indicator answers only: nothing typed here would go back.
		if (this.saveState === 'conflict' || this.readOnly || this.assessment.task) return;
		const next: ComplianceAnswer = { ...this.complianceAnswer(checkId), ...patch };
		if (!next.note) delete next.note;
		this.assessment.compliance = { ...(this.assessment.compliance ?? {}), [checkId]: next };
		this.markDirty();
		clearTimeout(this.noteTimer);
		if (patch.note !== undefined) this.noteTimer = setTimeout(() => void this.flush(), 400);
		else void this.flush();
	}

	/**
	 * Replaces several answers at once (an imported answer sheet the user confirmed): saved as one
	 * edit, so the revision moves once and other open tabs are told.
	 */
	applyAnswers(answers: Record<string, Answer>) {
		if (this.saveState === 'conflict') return false;
		for (const [id, answer] of Object.entries(answers)) this.assessment.answers[id] = answer;
		this.markDirty();
		void this.flush();
		return true;
	}

	setEvidence(id: string, evidence: Evidence[]) {
		this.change(id, { evidence });
	}

	/**
	 * Tracks what one actor is doing about a recommended measure (status, owner, due date). The
	 * change is that actor's alone; the others keep theirs (or an older file's measure-wide one).
	 */
	setAction(measureKey: string, actorId: string, patch: Partial<Action>) {
		// A date field can hold a year like 0202 or 2202; the stored file would then be refused
		// when read back, so such a date is not stored (the field shows it as out of range).
		if ((patch.due && !isCalendarDate(patch.due)) || this.assessment.task) return;
		const key = actorActionKey(measureKey, actorId);
		const current: Action = readAction(this.assessment.actions, measureKey, actorId) ?? {
			status: 'open'
		};
		const next: Action = { ...current, ...patch };
		// Empty owner or date fields are removed rather than stored as empty strings.
		if (!next.owner) delete next.owner;
		if (!next.due) delete next.due;
		this.assessment.actions = { ...(this.assessment.actions ?? {}), [key]: next };
		this.markDirty();
		if (this.saveState === 'conflict') return;
		clearTimeout(this.noteTimer);
		if (patch.owner !== undefined) this.noteTimer = setTimeout(() => void this.flush(), 400);
		else void this.flush();
	}

	setNarrative(narrative: string) {
		if (this.readOnly || this.assessment.task) return;
		this.assessment.narrative = narrative;
		this.markDirty();
		if (this.saveState === 'conflict') return;
		clearTimeout(this.noteTimer);
		this.noteTimer = setTimeout(() => void this.flush(), 400);
	}

	private markDirty() {
		this.dirty = true;
		if (this.saveState !== 'conflict') this.saveState = 'unsaved';
		try {
			const draft: Draft = {
				baseRevision: this.revision,
				assessment: $state.snapshot(this.assessment) as Assessment
			};
			globalThis.localStorage?.setItem(DRAFT_PREFIX + this.assessment.id, JSON.stringify(draft));
		} catch {
			// No draft where localStorage is blocked or full; the IndexedDB save still runs.
		}
	}

	/**
	 * Saves now if anything changed; saves are serialised so revisions stay in order. With no save
	 * running, the save starts in the caller's task (the input event), so the write is on its way
	 * to the database before the page re-renders: the sooner it lands, the less a killed browser
	 * can take with it.
	 */
	flush(): Promise<void> {
		clearTimeout(this.noteTimer);
		const run = () => this.save().finally(() => this.running--);
		this.pending = this.running++ === 0 ? run() : this.pending.then(run);
		return this.pending;
	}

	private async save() {
		if (!this.dirty || this.saveState === 'conflict') return;
		this.dirty = false;
		this.saveState = 'saving';
		const snapshot = $state.snapshot(this.assessment) as Assessment;
		try {
			const digest = digestOf(this.rubric, snapshot, this.scores);
			const result = await saveAssessment(snapshot, this.revision, digest);
			if (result.ok) {
				this.revision = result.record.revision;
				this.saveError = null;
				this.saveState = this.dirty ? 'unsaved' : 'saved';
				if (!this.dirty) clearDraft(snapshot.id);
				// Changes made while this save ran are based on the new revision.
				else this.markDirty();
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
			this.saveError = e;
		}
	}

	/**
	 * Progress per domain (or of everything shown, without one), counted as everywhere else:
	 * answered of applicable, over the indicators shown (a task's assigned ones only).
	 */
	progressOf(domainId?: string) {
		return countStatuses(
			this.inScope
				.filter((e) => domainId === undefined || e.domain.id === domainId)
				.map((e) => statusOf(e.indicator, this.assessment.answers[e.indicator.id]))
		);
	}

	/**
	 * Counts an exported return (回执) on the task and saves it: the next return is numbered one
	 * higher, so the coordinator can tell it from this one. Resolves once it is stored.
	 */
	async recordReturn(returned: number): Promise<boolean> {
		const task = this.assessment.task;
		if (!task || this.saveState === 'conflict') return false;
		this.assessment.task = { ...task, returned };
		this.markDirty();
		await this.flush();
		// Read after the save: the await may have changed it.
		return !['conflict', 'error'].includes(this.saveState as SaveState);
	}
}
