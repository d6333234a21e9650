/**
 * What the subjects list shows of all the subjects: search, filters and the page, kept in the
 * address too, so that coming back from a subject returns to the same place in the list.
 * Search and filters cover every subject; only one page of rows is built.
 */
import type { SubjectRecord } from '$lib/storage/records';
import { TIER_QUESTION } from '$lib/state/rubrics';

export const PAGE_SIZE = 50;

export type KindFilter = 'all' | 'city' | 'enterprise';

export class SubjectView {
	// Thousands of subjects: replaced whole, never edited in place, so no deep reactivity.
	subjects = $state.raw<SubjectRecord[] | null>(null);
	search = $state('');
	kind = $state<KindFilter>('all');
	tier = $state('all');
	showArchived = $state(false);
	private pageNumber = $state(1);

	/** Takes the search, filters and page from the address (pages are prerendered: on mount). */
	readQuery(params: URLSearchParams) {
		this.search = params.get('q') ?? '';
		const kind = params.get('kind');
		this.kind = kind === 'city' || kind === 'enterprise' ? kind : 'all';
		this.tier = params.get('tier') ?? 'all';
		this.showArchived = params.get('archived') === '1';
		this.pageNumber = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
	}

	filtered = $derived.by(() => {
		const needle = this.search.trim().toLowerCase();
		const { kind, tier, showArchived } = this;
		return (this.subjects ?? [])
			.filter(
				(s) =>
					(showArchived || !s.archived) &&
					(kind === 'all' || s.kind === kind) &&
					(tier === 'all' || s.profile[TIER_QUESTION[s.kind]] === tier) &&
					(!needle || s.name.toLowerCase().includes(needle))
			)
			.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
	});
	pages = $derived(Math.max(1, Math.ceil(this.filtered.length / PAGE_SIZE)));
	/** The page shown: the one asked for, or the last when fewer subjects match now */
	page = $derived(Math.min(this.pageNumber, this.pages));
	shown = $derived(this.filtered.slice((this.page - 1) * PAGE_SIZE, this.page * PAGE_SIZE));
	/** 1-based positions of the first and last row shown */
	from = $derived((this.page - 1) * PAGE_SIZE + 1);
	to = $derived((this.page - 1) * PAGE_SIZE + this.shown.length);

	turnTo(page: number) {
		this.pageNumber = page;
	}

	/** A changed search or filter starts again on the first page. */
	restart() {
		this.pageNumber = 1;
	}

	/** The query holding this search, filters and page (defaults left out). */
	query(): Record<string, string> {
		const query: Record<string, string> = {};
		if (this.search.trim()) query.q = this.search.trim();
		if (this.kind !== 'all') query.kind = this.kind;
		if (this.tier !== 'all') query.tier = this.tier;
		if (this.showArchived) query.archived = '1';
		if (this.page > 1) query.page = String(this.page);
		return query;
	}
}
