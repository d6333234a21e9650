/**
 * The results page's body: the report model, the overview and the long sections (score
 * explanation, gap table, action plan, domain details, recorded figures). Their code loads while
 * the assessment is read from storage, not before the page is interactive, which keeps the
 * page's first JavaScript small.
 */
export async function loadSections() {
	const [model, overview, figures, explain, gaps, plan, domains] = await Promise.all([
		import('$lib/domain/report-model'),
		import('./ResultsOverview.svelte'),
		import('./RecordedFigures.svelte'),
		import('./ScoreExplain.svelte'),
		import('./GapTable.svelte'),
		import('./ActionPlan.svelte'),
		import('./DomainDetails.svelte')
	]);
	return {
		buildReportModel: model.buildReportModel,
		ResultsOverview: overview.default,
		RecordedFigures: figures.default,
		ScoreExplain: explain.default,
		GapTable: gaps.default,
		ActionPlan: plan.default,
		DomainDetails: domains.default
	};
}

export type Sections = Awaited<ReturnType<typeof loadSections>>;
