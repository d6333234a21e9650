/**
 * What the app shows of the guideline catalog: the titles and numbering that citations are written
 * with, and the typical cases' titles and places. The catalog's measures, actors, figures and case
 * texts (three quarters of it) serve the CLI's coverage and the rubric checks, not the pages, so
 * the build hands the pages this compact form (vite.config.ts, `virtual:guideline-titles`).
 */
import type { CatalogNode } from '../domain/citation';
import type { GuidelineNode, TypicalCase } from './guideline';

export type CaseTitle = Pick<TypicalCase, 'id' | 'title' | 'title_en' | 'place' | 'place_en'>;
export type TitledNode = CatalogNode & Pick<GuidelineNode, 'id'>;

export interface GuidelineTitles {
	nodes: TitledNode[];
	cases: CaseTitle[];
}

export function compactGuidelineTitles(catalog: {
	nodes: GuidelineNode[];
	cases: TypicalCase[];
}): GuidelineTitles {
	return {
		nodes: catalog.nodes.map(({ id, chapter, kind, style, label, parent, title, title_en }) => ({
			id,
			chapter,
			kind,
			style,
			label,
			parent,
			title,
			title_en
		})),
		cases: catalog.cases.map(({ id, title, title_en, place, place_en }) => ({
			id,
			title,
			title_en,
			place,
			place_en
		}))
	};
}
