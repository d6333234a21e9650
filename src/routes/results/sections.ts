/**
 * The results page's long sections (score explanation, gap table, action plan, domain details)
 * render below the first screen: their code loads while the assessment is read from storage,
 * not before the page is interactive, which keeps the page's first JavaScript small.
 */
export async function loadSections() {
	const [explain, gaps, plan, domains] = await Promise.all([
		import('./ScoreExplain.svelte'),
		import('./GapTable.svelte'),
		import('./ActionPlan.svelte'),
		import('./DomainDetails.svelte')
	]);
	return {
		ScoreExplain: explain.default,
		GapTable: gaps.default,
		ActionPlan: plan.default,
		DomainDetails: domains.default
	};
}

export type Sections = Awaited<ReturnType<typeof loadSections>>;
