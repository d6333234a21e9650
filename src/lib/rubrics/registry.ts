/**
 * The rubrics shipped with the app. Each rubrics/*.yaml file is validated at build time by the
 * rubric plugin (vite.config.ts), so an invalid rubric fails the build. Summaries are bundled with
 * the page; full rubrics are loaded only when an assessment needs them.
 */
import type { Rubric } from './schema';
import type { RubricSummary } from './summary';

const summaryModules = import.meta.glob<RubricSummary>('/rubrics/*.yaml', {
	query: '?summary',
	import: 'default',
	eager: true
});
const rubricModules = import.meta.glob<Rubric>('/rubrics/*.yaml', { import: 'default' });

export const rubricSummaries: RubricSummary[] = Object.values(summaryModules).sort((a, b) =>
	a.audience === b.audience ? a.id.localeCompare(b.id) : a.audience === 'city' ? -1 : 1
);

export async function loadRubric(id: string): Promise<Rubric | undefined> {
	const load = rubricModules[`/rubrics/${id}.yaml`];
	return load ? await load() : undefined;
}
