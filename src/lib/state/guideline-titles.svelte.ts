/**
 * The guideline's titles for citations and typical cases, loaded with the first rubric a page
 * opens rather than with the page: only pages showing an assessment or a rubric need them.
 */
import type { ReportCatalog } from '$lib/domain/report-model';

const EMPTY: ReportCatalog = { nodes: new Map(), cases: new Map() };

class GuidelineTitlesState {
	/** Empty until `load` has finished: citations then show nothing rather than wrong text */
	current = $state.raw<ReportCatalog>(EMPTY);
	#pending: Promise<ReportCatalog> | undefined;

	load(): Promise<ReportCatalog> {
		this.#pending ??= import('virtual:guideline-titles').then(({ default: titles }) => {
			this.current = {
				nodes: new Map(titles.nodes.map((n) => [n.id, n])),
				cases: new Map(titles.cases.map((c) => [c.id, c]))
			};
			return this.current;
		});
		return this.#pending;
	}
}

export const guidelineTitles = new GuidelineTitlesState();
