/**
 * How much of an assessment is answered, counted one way everywhere: the fill page, the subject
 * page, the results, the assessments list and the report. An indicator is answered when it has a
 * level; it is not applicable only when the rubric allows that for it (a stray flag on another
 * indicator counts as unanswered, as in the score); applicable = in scope − not applicable.
 */
import type { Rubric } from '../rubrics/schema';
import type { Answer, Assessment } from './assessment';
import { isInScope, listIndicators } from './rubric-index';
import type { Indicator } from '../rubrics/schema';

export type IndicatorStatus = 'answered' | 'unanswered' | 'notApplicable';

export interface AnswerCounts {
	answered: number;
	applicable: number;
	notApplicable: number;
	/** answered / applicable, 0–1 (1 when nothing is applicable) */
	ratio: number;
}

/** The one rule for an indicator's status (the score uses it too). */
export function statusOf(indicator: Indicator, answer: Answer | undefined): IndicatorStatus {
	if (answer?.notApplicable && indicator.allowNotApplicable) return 'notApplicable';
	return answer?.level === null || answer?.level === undefined ? 'unanswered' : 'answered';
}

export function countStatuses(statuses: readonly IndicatorStatus[]): AnswerCounts {
	const answered = statuses.filter((s) => s === 'answered').length;
	const notApplicable = statuses.filter((s) => s === 'notApplicable').length;
	const applicable = statuses.length - notApplicable;
	return {
		answered,
		applicable,
		notApplicable,
		ratio: applicable === 0 ? 1 : answered / applicable
	};
}

/**
 * Answered and applicable indicators of an assessment (in scope for its profile and mode),
 * optionally of one domain only.
 */
export function countAnswers(
	rubric: Rubric,
	assessment: Pick<Assessment, 'answers' | 'profile' | 'mode'>,
	domainId?: string
): AnswerCounts {
	return countStatuses(
		listIndicators(rubric)
			.filter((e) => domainId === undefined || e.domain.id === domainId)
			.filter((e) => isInScope(e, assessment.profile, assessment.mode))
			.map((e) => statusOf(e.indicator, assessment.answers[e.indicator.id]))
	);
}

/** Every applicable indicator is answered: results are final, not provisional. */
export const isComplete = (counts: AnswerCounts) => counts.answered >= counts.applicable;
