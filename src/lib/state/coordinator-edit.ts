/**
 * A coordinator's own edit of an answer on a coordinated assessment. Where respondents answered
 * the indicator, the edit is a decision (the coordinator's choice), so a later return is weighed
 * against it rather than silently taken; after the first sign-off every change is logged.
 *
 * Typing a note is many changes of one answer: they make one burst, and the burst leaves one
 * entry (its first answer → its latest) rather than one per keystroke.
 */
import type { Answer, Assessment } from '$lib/domain/assessment';
import {
	decide,
	describeChange,
	logAnswerChange,
	type MergeContext
} from '$lib/domain/coordination/core';

export interface EditBurst {
	indicatorId: string;
	/** The answer before the burst's first change */
	before: Answer;
	/** The log's length before the burst: its entries are replaced, not added to */
	logLength: number;
	/** The decision before the burst, restored when the burst ends where it began */
	decision: NonNullable<Assessment['coordination']>['decisions'][string] | undefined;
}

export function startBurst(assessment: Assessment, indicatorId: string, before: Answer) {
	const coordination = assessment.coordination;
	return {
		indicatorId,
		before,
		logLength: coordination?.log.length ?? 0,
		decision: coordination?.decisions[indicatorId]
	} satisfies EditBurst;
}

/**
 * The assessment (which already holds the edited answer) with the edit recorded: a decision where
 * respondents answered the indicator, a log entry once changes are logged, else as it is.
 */
export function recordCoordinatorEdit(
	assessment: Assessment,
	burst: EditBurst,
	context: MergeContext
): Assessment {
	const coordination = assessment.coordination;
	if (!coordination || assessment.task) return assessment;
	const id = burst.indicatorId;
	const decisions = { ...coordination.decisions };
	if (burst.decision) decisions[id] = burst.decision;
	else delete decisions[id];
	const base: Assessment = {
		...assessment,
		coordination: { ...coordination, decisions, log: coordination.log.slice(0, burst.logLength) }
	};
	const answered = Object.keys(coordination.contributions[id] ?? {}).length > 0;
	const after = assessment.answers[id]!;
	// A change made after a reopening is made for the reason given to reopen.
	const gate = coordination.log.findLast((e) => e.kind === 'finalise' || e.kind === 'reopen');
	const reason = gate?.kind === 'reopen' ? gate.reason : undefined;
	if (!answered) return logAnswerChange(base, id, burst.before, context, reason);
	// Back where the burst began: no decision and no entry.
	if (describeChange(burst.before, after).length === 0) return base;
	return decide(
		{ ...base, answers: { ...base.answers, [id]: burst.before } },
		{ indicatorId: id, answer: after, choice: 'coordinator', ...(reason ? { note: reason } : {}) },
		context
	);
}
