/**
 * The guideline catalog: every focus item and development-path node of
 * 《广东省数字经济发展指引1.0》 with its stable id, and the 39 typical cases (典型案例).
 * Rubrics cite these ids; the UI and the report show their titles.
 */
import catalogJson from '../../../rubrics/guideline.json';
import type { CitationCatalog } from './schema';

export interface GuidelineNode {
	id: string;
	chapter: number;
	pillar: string;
	kind: 'focus' | 'path';
	style: 'numbered' | 'run-in';
	label: string | null;
	level: number;
	parent: string | null;
	title: string;
	title_en: string;
	line: number;
	actors: string[];
	measures: string[];
	numbers: string[];
}

export interface TypicalCase {
	id: string;
	title: string;
	title_en: string;
	place: string;
	place_en: string;
	summary_en: string;
	line: number;
	node: string;
	practice: string;
	results: string;
}

interface GuidelineCatalog {
	source: { title: string; reference: string; file: string };
	nodes: GuidelineNode[];
	cases: TypicalCase[];
}

export const guideline = catalogJson as GuidelineCatalog;

export const guidelineNodes: ReadonlyMap<string, GuidelineNode> = new Map(
	guideline.nodes.map((n) => [n.id, n])
);
export const typicalCases: ReadonlyMap<string, TypicalCase> = new Map(
	guideline.cases.map((c) => [c.id, c])
);

export const citationCatalog: CitationCatalog = {
	nodeIds: new Set(guidelineNodes.keys()),
	caseIds: new Set(typicalCases.keys())
};

/**
 * The development-path nodes a rubric meant to cover the whole guideline must cite: the numbered
 * path nodes without numbered children, and the un-numbered (run-in) path sub-items.
 */
export function listLeafPathNodes(): GuidelineNode[] {
	const hasNumberedChild = new Set(
		guideline.nodes.filter((n) => n.style === 'numbered' && n.parent).map((n) => n.parent!)
	);
	return guideline.nodes.filter(
		(n) =>
			n.kind === 'path' &&
			(n.style === 'run-in' || (n.style === 'numbered' && !hasNumberedChild.has(n.id)))
	);
}
