/**
 * Which guideline nodes a rubric cites, and whether it covers the nodes it promises to
 * (`coverage.paths`: every leaf development-path node under the listed chapters or nodes;
 * `coverage.focus`: every top-level focus item of the listed chapters).
 */
import type { GuidelineNode } from '../rubrics/guideline';
import type { Rubric } from '../rubrics/schema';
import { listIndicators } from './rubric-index';

export interface NodeCoverage {
	nodeId: string;
	title: string;
	kind: 'path' | 'focus';
	indicatorIds: string[];
}

export interface CoverageReport {
	rubricId: string;
	required: NodeCoverage[];
	uncovered: NodeCoverage[];
	/** Every node the rubric cites, required or not, with the indicators citing it */
	cited: NodeCoverage[];
}

const isUnder = (id: string, root: string) => id === root || id.startsWith(`${root}.`);

export function citedNodes(rubric: Rubric): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const { indicator } of listIndicators(rubric)) {
		const cites = [...indicator.cites, ...indicator.measures.flatMap((m) => m.cites)];
		for (const c of cites)
			if ('node' in c) {
				const list = map.get(c.node) ?? [];
				if (!list.includes(indicator.id)) list.push(indicator.id);
				map.set(c.node, list);
			}
	}
	return map;
}

export function checkCoverage(
	rubric: Rubric,
	nodes: readonly GuidelineNode[],
	leafPathNodes: readonly GuidelineNode[]
): CoverageReport {
	const cited = citedNodes(rubric);
	const paths = rubric.coverage?.paths ?? [];
	const focus = rubric.coverage?.focus ?? [];
	const requiredNodes = [
		...leafPathNodes.filter((n) => paths.some((root) => isUnder(n.id, root))),
		...nodes.filter(
			(n) => n.kind === 'focus' && n.level === 1 && focus.some((root) => isUnder(n.id, root))
		)
	];
	const describe = (n: GuidelineNode): NodeCoverage => ({
		nodeId: n.id,
		title: n.title,
		kind: n.kind,
		indicatorIds: cited.get(n.id) ?? []
	});
	const required = requiredNodes.map(describe);
	const byId = new Map(nodes.map((n) => [n.id, n]));
	return {
		rubricId: rubric.id,
		required,
		uncovered: required.filter((r) => r.indicatorIds.length === 0),
		cited: [...cited.keys()]
			.sort()
			.map((id) => byId.get(id))
			.filter((n): n is GuidelineNode => n !== undefined)
			.map(describe)
	};
}
