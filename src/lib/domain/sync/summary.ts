/**
 * The summary an assessment document carries for the server's views: what a province groups by
 * and the scores it aggregates. Computed by the app or the CLI when writing (the server cannot
 * score: it has no rubrics), from the same scoring code as every other view of the app.
 */
import type { Rubric } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import { scoreAssessment } from '../scoring';

/** The profile questions a province view groups by. */
export const GROUP_FIELDS = ['region', 'level', 'size', 'sector'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface AssessmentSummary {
	rubric: { id: string; version: string };
	subject: { id: string; kind: 'city' | 'enterprise' };
	/**
	 * The subject's option ids for each grouping question; a list because some questions take
	 * several options (an enterprise in two sectors counts in both), empty when not answered or
	 * not asked by the rubric (enterprises have no region).
	 */
	groups: Record<GroupField, string[]>;
	period: string;
	date: string;
	mode: 'full' | 'quick';
	/** 0–100; null when nothing under it is answered */
	overall: number | null;
	pillars: Record<string, number | null>;
	domains: Record<string, number | null>;
	coverage: { answered: number; applicable: number };
}

/**
 * Scores to a millionth of a point: weighted means can land a hair outside 0–100
 * (100.00000000000001), which the server's check would refuse as out of range.
 */
const roundScore = (score: number | null) =>
	score === null ? null : Math.round(score * 1_000_000) / 1_000_000;

export function summariseAssessment(assessment: Assessment, rubric: Rubric): AssessmentSummary {
	const result = scoreAssessment(rubric, assessment);
	const option = (field: GroupField): string[] => {
		const value = assessment.profile[field];
		return value === undefined ? [] : Array.isArray(value) ? [...value] : [value];
	};
	return {
		rubric: { id: assessment.rubric.id, version: assessment.rubric.version },
		subject: { id: assessment.subject.id, kind: assessment.subject.kind },
		groups: {
			region: option('region'),
			level: option('level'),
			size: option('size'),
			sector: option('sector')
		},
		period: assessment.period,
		date: assessment.date,
		mode: assessment.mode,
		overall: roundScore(result.overall.score),
		pillars: Object.fromEntries(result.pillars.map((p) => [p.id, roundScore(p.score)])),
		domains: Object.fromEntries(result.domains.map((d) => [d.id, roundScore(d.score)])),
		coverage: {
			answered: result.overall.coverage.answered,
			applicable: result.overall.coverage.applicable
		}
	};
}
