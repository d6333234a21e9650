/**
 * The rubrics shipped with the app: the current version of each (rubrics/<id>.yaml) and every
 * earlier release (rubrics/archive/<id>@<version>.yaml), so an assessment opens with the version
 * it was made with. Each file is validated at build time by the rubric plugin (vite.config.ts),
 * so an invalid rubric fails the build. Summaries (of current versions only) are bundled with the
 * page; full rubrics are loaded only when an assessment needs them.
 */
import type { Rubric } from './schema';
import type { RubricSummary } from './summary';

const summaryModules = import.meta.glob<RubricSummary>('/rubrics/*.yaml', {
	query: '?summary',
	import: 'default',
	eager: true
});
const rubricModules = import.meta.glob<Rubric>('/rubrics/*.yaml', { import: 'default' });
const archiveModules = import.meta.glob<Rubric>('/rubrics/archive/*.yaml', { import: 'default' });

export const rubricSummaries: RubricSummary[] = Object.values(summaryModules).sort((a, b) =>
	a.audience === b.audience ? a.id.localeCompare(b.id) : a.audience === 'city' ? -1 : 1
);

/** Versions known for a rubric id, the current one first; an archived copy of it is not repeated. */
export function rubricVersions(id: string): string[] {
	const current = rubricSummaries.find((s) => s.id === id)?.version;
	const archived = Object.keys(archiveModules)
		.map((p) => /\/rubrics\/archive\/([^/@]+)@([^/]+)\.yaml$/.exec(p))
		.filter((m): m is RegExpExecArray => m !== null && m[1] === id)
		.map((m) => m[2]!)
		.filter((v) => v !== current);
	return current ? [current, ...archived] : archived;
}

/** The rubric with this id, at `version` when given (else the current version). */
export async function loadRubric(id: string, version?: string): Promise<Rubric | undefined> {
	const current = rubricModules[`/rubrics/${id}.yaml`];
	const summary = rubricSummaries.find((s) => s.id === id);
	if (!version || summary?.version === version) return current ? await current() : undefined;
	const archived = archiveModules[`/rubrics/archive/${id}@${version}.yaml`];
	return archived ? await archived() : undefined;
}
