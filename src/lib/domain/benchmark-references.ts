/**
 * A benchmark that needs no other subject: the published reference values the rubric's metric
 * indicators cite (provincial and other cities' targets and figures), beside the subject's own
 * recorded values. No verdict is drawn: several references are province-wide totals given only
 * for scale, which the indicator's judgement says; the page shows it next to them.
 */
import type { Citation, Rubric, Text } from '../rubrics/schema';
import type { Assessment } from './assessment';
import { isInScope, listIndicators } from './rubric-index';

export interface ReferenceRow {
	indicatorId: string;
	domainId: string;
	title: Text;
	unit: Text;
	direction: 'higher' | 'lower';
	/** The subject's recorded value; null when none is recorded */
	value: number | null;
	/** The level the subject chose, null when unanswered or not applicable */
	level: number | null;
	references: { label: Text; value: number; year?: number; cite: Citation }[];
	/** Where the thresholds and references come from, and how far they compare */
	judgement: Text;
}

/** Every in-scope metric indicator that cites at least one reference value, in rubric order. */
export function referenceRows(
	rubric: Rubric,
	assessment: Pick<Assessment, 'answers' | 'profile' | 'mode'> | null,
	profile = assessment?.profile ?? {}
): ReferenceRow[] {
	return listIndicators(rubric)
		.filter((e) => e.indicator.metric?.references.length)
		.filter((e) => isInScope(e, profile, assessment?.mode ?? 'full'))
		.map(({ indicator, domain }) => {
			const metric = indicator.metric!;
			const answer = assessment?.answers[indicator.id];
			const value = answer?.value;
			return {
				indicatorId: indicator.id,
				domainId: domain.id,
				title: indicator.title,
				unit: metric.unit,
				direction: metric.direction,
				value: value === undefined || value === null || !Number.isFinite(value) ? null : value,
				level: answer && !answer.notApplicable ? answer.level : null,
				references: metric.references,
				judgement: metric.judgement
			};
		});
}
