/** Full rubrics for the app, loaded on demand (they are not part of the first page load). */
import type { RubricSource } from '$lib/domain/assessment-file';
import { loadRubric, rubricSummaries, rubricVersions } from '$lib/rubrics/registry';
import type { Rubric } from '$lib/rubrics/schema';
import { guidelineTitles } from './guideline-titles.svelte';

const cache = new Map<string, Promise<Rubric | undefined>>();

/**
 * A rubric at `version` (an assessment's own version: it opens, scores and reports with the
 * rubric it was made with), or the current version for new assessments.
 */
export function getRubric(id: string, version?: string): Promise<Rubric | undefined> {
	const key = `${id}@${version ?? ''}`;
	let p = cache.get(key);
	if (!p) {
		// Whoever shows a rubric shows its citations: their titles come in the same round trip.
		p = Promise.all([loadRubric(id, version), guidelineTitles.load()]).then(([rubric]) => rubric);
		cache.set(key, p);
	}
	return p;
}

/** Every version of every shipped rubric (for imports, which may hold assessments of any). */
export async function loadAllRubrics(): Promise<Rubric[]> {
	const all = await Promise.all(
		rubricSummaries.flatMap((s) => rubricVersions(s.id).map((v) => getRubric(s.id, v)))
	);
	return all.filter((r): r is Rubric => r !== undefined);
}

export function rubricSourceOf(rubrics: Rubric[]): RubricSource {
	return {
		find: (id, version) => rubrics.find((r) => r.id === id && r.version === version),
		versions: (id) => rubrics.filter((r) => r.id === id).map((r) => r.version)
	};
}

export function rubricIdFor(kind: 'city' | 'enterprise'): string {
	return rubricSummaries.find((s) => s.audience === kind)?.id ?? '';
}

/**
 * The profile question that places a subject among comparable ones: region for cities, size for
 * enterprises. Used by the subject list's filter and by the benchmark.
 */
export const TIER_QUESTION = { city: 'region', enterprise: 'size' } as const;
