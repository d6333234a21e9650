/**
 * The progress board: per respondent, what it was assigned, answered and returned and whether it
 * is overdue; per indicator, who has it and in what state; and the reminders to send.
 */
import type { Assessment } from '../assessment';
import { consolidate } from './consolidate';
import { indicatorsOf } from './handout';
import type { Coordination, Respondent } from './schema';

export interface RespondentProgress {
	respondent: Respondent;
	assigned: number;
	/** Indicators handed out in the respondent's latest package */
	handedOut: number;
	/** Assigned indicators the respondent's returns answered (a level or 不适用) */
	answered: number;
	/** The latest return's date, or null before any */
	lastReturn: string | null;
	packageIssued: string | null;
	overdue: boolean;
}

export type IndicatorState = 'unassigned' | 'waiting' | 'returned' | 'conflict';

export interface IndicatorProgress {
	indicatorId: string;
	respondentIds: string[];
	state: IndicatorState;
	/** Respondents that answered it */
	answeredBy: string[];
}

const answered = (c: { answer: { level: number | null; notApplicable: boolean } }) =>
	c.answer.level !== null || c.answer.notApplicable;

export function respondentProgress(
	coordination: Coordination,
	today: string
): RespondentProgress[] {
	return coordination.respondents.map((respondent) => {
		const assigned = indicatorsOf(coordination, respondent.id);
		const packages = coordination.packages.filter((p) => p.respondentId === respondent.id);
		const latest = packages.at(-1);
		let answeredCount = 0;
		let lastReturn: string | null = null;
		for (const id of assigned) {
			const c = coordination.contributions[id]?.[respondent.id];
			if (!c) continue;
			if (answered(c)) answeredCount++;
			if (!lastReturn || c.returnedOn > lastReturn) lastReturn = c.returnedOn;
		}
		const complete = assigned.length > 0 && answeredCount >= assigned.length;
		return {
			respondent,
			assigned: assigned.length,
			handedOut: latest?.indicators.length ?? 0,
			answered: answeredCount,
			lastReturn,
			packageIssued: latest?.issuedOn ?? null,
			overdue: Boolean(respondent.deadline && respondent.deadline < today && !complete)
		};
	});
}

export function indicatorProgress(
	assessment: Assessment,
	order: readonly string[]
): IndicatorProgress[] {
	const coordination = assessment.coordination;
	if (!coordination) return [];
	return order.map((indicatorId) => {
		const respondentIds = coordination.assignments[indicatorId] ?? [];
		const contributions = coordination.contributions[indicatorId] ?? {};
		const answeredBy = Object.entries(contributions)
			.filter(([, c]) => answered(c))
			.map(([id]) => id);
		const conflict = consolidate(
			coordination,
			indicatorId,
			assessment.answers[indicatorId]
		).conflict;
		const state: IndicatorState =
			respondentIds.length === 0
				? 'unassigned'
				: conflict
					? 'conflict'
					: Object.keys(contributions).length
						? 'returned'
						: 'waiting';
		return { indicatorId, respondentIds, state, answeredBy };
	});
}

/** The respondents to remind: overdue, with what they still owe. */
export function reminders(coordination: Coordination, today: string) {
	return respondentProgress(coordination, today)
		.filter((p) => p.overdue)
		.map((p) => ({
			respondent: p.respondent,
			missing: indicatorsOf(coordination, p.respondent.id).filter((id) => {
				const c = coordination.contributions[id]?.[p.respondent.id];
				return !c || !answered(c);
			})
		}));
}
