import type { Rubric, Text } from './schema';

/** What lists and pickers need of a rubric, without its indicators' full text. */
export interface RubricSummary {
	id: string;
	version: string;
	audience: Rubric['audience'];
	title: Text;
	description: Text;
	indicatorCount: number;
	quickScanCount: number;
	domainCount: number;
}

export function summarizeRubric(rubric: Rubric): RubricSummary {
	const indicators = rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators));
	return {
		id: rubric.id,
		version: rubric.version,
		audience: rubric.audience,
		title: rubric.title,
		description: rubric.description,
		indicatorCount: indicators.length,
		quickScanCount: indicators.filter((i) => i.quickScan).length,
		domainCount: rubric.pillars.reduce((n, p) => n + p.domains.length, 0)
	};
}
