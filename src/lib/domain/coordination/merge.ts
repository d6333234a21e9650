/**
 * Merging a respondent's return (回执) into the coordinator's assessment. All or nothing: a return
 * is checked whole before anything changes, and a refusal says what the file is and what to do.
 * Merging is commutative in the order of returns and idempotent: the same file twice changes
 * nothing (see consolidate.ts for the rule that decides what counts).
 */
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import { consolidate, contributionToken, packageOf, sameAnswer } from './consolidate';
import { describeChange } from './log';
import type { Coordination, LogEntry, ReturnFile } from './schema';

const NO_ANSWER: Answer = { level: null, notApplicable: false, target: null };

export type MergeRefusal =
	| { code: 'other-assessment'; assessmentId: string }
	| { code: 'other-rubric'; rubric: string; version: string }
	| { code: 'not-coordinated' }
	| { code: 'unknown-package'; packageId: string }
	| { code: 'other-respondent'; packageId: string; respondentId: string }
	| { code: 'superseded'; packageId: string; newerPackageId: string }
	| { code: 'unassigned'; indicatorIds: string[] }
	| { code: 'stale'; sequence: number; merged: number }
	| { code: 'altered'; sequence: number }
	| { code: 'finalised'; by: string; on: string };

export type MergeOutcome =
	| {
			kind: 'merged';
			assessment: Assessment;
			/** Indicators whose answer that counts changed */
			changed: string[];
			/** Indicators now in conflict, to decide */
			conflicts: string[];
	  }
	| { kind: 'duplicate' }
	| { kind: 'refused'; refusal: MergeRefusal };

export interface MergeContext {
	/** The day of the merge (YYYY-MM-DD), passed in: the domain reads no clock */
	on: string;
	/** Who merges (the coordinator's name) */
	by: string;
}

/** Checks a return against the assessment without changing anything. */
export function checkReturn(assessment: Assessment, file: ReturnFile): MergeRefusal | null {
	const coordination = assessment.coordination;
	if (file.assessmentId !== assessment.id)
		return { code: 'other-assessment', assessmentId: file.assessmentId };
	if (file.rubric.id !== assessment.rubric.id || file.rubric.version !== assessment.rubric.version)
		return { code: 'other-rubric', rubric: file.rubric.id, version: file.rubric.version };
	if (!coordination) return { code: 'not-coordinated' };
	if (coordination.finalised) return { code: 'finalised', ...coordination.finalised };
	const pkg = packageOf(coordination, file.packageId);
	if (!pkg) return { code: 'unknown-package', packageId: file.packageId };
	if (pkg.respondentId !== file.respondentId)
		return { code: 'other-respondent', packageId: pkg.id, respondentId: file.respondentId };
	const newer = coordination.packages
		.slice(coordination.packages.indexOf(pkg) + 1)
		.find((p) => p.respondentId === pkg.respondentId);
	if (newer) return { code: 'superseded', packageId: pkg.id, newerPackageId: newer.id };
	const assigned = new Set(pkg.indicators);
	const unassigned = Object.keys(file.answers).filter((id) => !assigned.has(id));
	if (unassigned.length) return { code: 'unassigned', indicatorIds: unassigned };
	const merged = lastMergedSequence(coordination, pkg.id, file.respondentId);
	if (file.sequence < merged) return { code: 'stale', sequence: file.sequence, merged };
	if (file.sequence === merged && !sameAsMerged(coordination, file))
		return { code: 'altered', sequence: file.sequence };
	return null;
}

function lastMergedSequence(coordination: Coordination, packageId: string, respondentId: string) {
	let last = 0;
	for (const byRespondent of Object.values(coordination.contributions)) {
		const c = byRespondent[respondentId];
		if (c && c.packageId === packageId) last = Math.max(last, c.sequence);
	}
	return last;
}

function sameAsMerged(coordination: Coordination, file: ReturnFile): boolean {
	return Object.entries(file.answers).every(([id, answer]) => {
		const c = coordination.contributions[id]?.[file.respondentId];
		return c?.packageId === file.packageId && sameAnswer(c.answer, answer);
	});
}

/** Merges one return; the assessment passed in is never modified. */
export function mergeReturn(
	assessment: Assessment,
	file: ReturnFile,
	context: MergeContext
): MergeOutcome {
	const refusal = checkReturn(assessment, file);
	if (refusal) return { kind: 'refused', refusal };
	const before = assessment.coordination!;
	if (lastMergedSequence(before, file.packageId, file.respondentId) === file.sequence)
		return { kind: 'duplicate' };

	const coordination: Coordination = structuredClone(before);
	const answers: Record<string, Answer> = { ...assessment.answers };
	const log: LogEntry[] = [];
	const changed: string[] = [];
	const conflicts: string[] = [];
	for (const [id, answer] of Object.entries(file.answers)) {
		// The coordinator's own answer is kept the first time anyone answers the indicator.
		coordination.own[id] ??= answers[id] ?? NO_ANSWER;
		coordination.contributions[id] = {
			...coordination.contributions[id],
			[file.respondentId]: {
				answer,
				packageId: file.packageId,
				sequence: file.sequence,
				person: file.person,
				returnedOn: file.returnedOn
			}
		};
		const result = consolidate(coordination, id, answers[id]);
		if (result.conflict) conflicts.push(id);
		if (!sameAnswer(result.answer, answers[id])) {
			log.push({
				on: context.on,
				by: context.by,
				kind: 'merge',
				indicatorId: id,
				respondentId: file.respondentId,
				changes: describeChange(answers[id], result.answer)
			});
			answers[id] = result.answer;
			changed.push(id);
		}
	}
	log.push({
		on: context.on,
		by: context.by,
		kind: 'merge',
		respondentId: file.respondentId,
		counts: {
			answers: Object.keys(file.answers).length,
			changed: changed.length,
			conflicts: conflicts.length
		}
	});
	coordination.log = [...coordination.log, ...log];
	return {
		kind: 'merged',
		assessment: { ...assessment, answers, coordination },
		changed,
		conflicts
	};
}

export interface DecisionInput {
	indicatorId: string;
	answer: Answer;
	choice: 'respondent' | 'coordinator' | 'consolidated';
	respondentId?: string;
	note?: string;
}

/**
 * The coordinator decides an indicator: one side, or a consolidated answer with a note. The
 * decision settles every contribution known now; a later return is weighed against it again.
 * A coordinator's own edit of an answered-by-respondents indicator is a decision too.
 */
export function decide(
	assessment: Assessment,
	input: DecisionInput,
	context: MergeContext
): Assessment {
	const before = assessment.coordination;
	if (!before)
		return { ...assessment, answers: { ...assessment.answers, [input.indicatorId]: input.answer } };
	const coordination: Coordination = structuredClone(before);
	const id = input.indicatorId;
	if (!coordination.own[id] && assessment.answers[id])
		coordination.own[id] = assessment.answers[id]!;
	const basis = Object.fromEntries(
		Object.entries(coordination.contributions[id] ?? {}).map(([r, c]) => [r, contributionToken(c)])
	);
	coordination.decisions[id] = {
		answer: input.answer,
		basis,
		by: context.by,
		on: context.on,
		choice: input.choice,
		...(input.respondentId ? { respondentId: input.respondentId } : {}),
		...(input.note ? { note: input.note } : {})
	};
	coordination.log = [
		...coordination.log,
		{
			on: context.on,
			by: context.by,
			kind: 'decision',
			indicatorId: id,
			changes: describeChange(assessment.answers[id], input.answer),
			...(input.respondentId ? { respondentId: input.respondentId } : {}),
			...(input.note ? { reason: input.note } : {})
		}
	];
	return {
		...assessment,
		answers: { ...assessment.answers, [id]: input.answer },
		coordination
	};
}
