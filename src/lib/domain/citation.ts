/**
 * Citations as an official writes them: by the cited document's own structure, never by an
 * internal id or a file line. 《指引》第三篇 发展路径（二）2. 生产制造数字化 — the node ids stay in
 * the data as stable keys and are available separately for traceability (citationReference).
 */
import type { GuidelineNode } from '../rubrics/guideline';
import type { Citation, Rubric } from '../rubrics/schema';

export type CatalogNode = Pick<
	GuidelineNode,
	'chapter' | 'kind' | 'style' | 'label' | 'parent' | 'title' | 'title_en'
>;
export type NodeLookup = ReadonlyMap<string, CatalogNode>;

type Locale = 'zh' | 'en';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2 → 二, 11 → 十一: the guideline numbers its parts (篇) up to eleven. */
function chineseNumber(n: number): string {
	if (n <= 10) return CHINESE_DIGITS[n] ?? String(n);
	if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
	return String(n);
}

/** （二） → (2) for English; other labels (1. ①) read the same in both languages. */
function englishLabel(label: string): string {
	const inner = /^（(.+)）$/.exec(label)?.[1];
	if (!inner) return label;
	const value = inner === '十' ? 10 : CHINESE_DIGITS.indexOf(inner);
	return value > 0 ? `(${value})` : label;
}

const SHORT_TITLE = { zh: '《指引》', en: 'Guideline 1.0' } as const;

/** The chain of nodes from the top of the part down to `node`. */
function lineage(node: CatalogNode, nodes: NodeLookup): CatalogNode[] {
	const chain = [node];
	const seen = new Set<CatalogNode>([node]);
	let current = node;
	while (current.parent) {
		const parent = nodes.get(current.parent);
		if (!parent || seen.has(parent)) break;
		chain.unshift(parent);
		seen.add(parent);
		current = parent;
	}
	return chain;
}

/**
 * "第三篇 发展路径（二）2. 生产制造数字化": the part, the section, the numbers of the enclosing
 * items and the cited item's title. An un-numbered sub-item follows its numbered parent's title.
 */
export function describeGuidelineNode(
	node: CatalogNode,
	nodes: NodeLookup,
	locale: Locale
): string {
	const zh = locale === 'zh';
	const title = (n: CatalogNode) => (zh ? n.title : n.title_en);
	// "1." reads better followed by a space; "（二）" and "①" carry their own spacing.
	const numbered = (n: CatalogNode) => {
		const label = zh ? (n.label ?? '') : englishLabel(n.label ?? '');
		return `${label}${label.endsWith('.') || !zh ? ' ' : ''}${title(n)}`;
	};
	const label = (n: CatalogNode) => (zh ? (n.label ?? '') : englishLabel(n.label ?? ''));
	const enclosing = lineage(node, nodes)
		.slice(0, -1)
		.filter((n) => n.style === 'numbered');
	let own: string;
	if (node.style === 'numbered') own = numbered(node);
	else {
		const parent = enclosing.pop();
		own = parent ? `${numbered(parent)}${zh ? '：' : ': '}${title(node)}` : title(node);
	}
	const trail = enclosing.map(label).join(zh ? '' : ' ');
	if (zh) {
		const section = node.kind === 'path' ? '发展路径' : '发展重点';
		return `第${chineseNumber(node.chapter)}篇 ${section}${trail}${own}`;
	}
	const section = node.kind === 'path' ? 'development paths' : 'development focus';
	return `Part ${node.chapter}, ${section} ${trail ? `${trail} ` : ''}${own}`;
}

/** A citation as a reader sees it, in the interface or report language. */
export function citationLabel(
	citation: Citation,
	rubric: Rubric,
	nodes: NodeLookup,
	locale: Locale
): string {
	if ('node' in citation) {
		const node = nodes.get(citation.node);
		if (!node) return SHORT_TITLE[locale];
		return `${SHORT_TITLE[locale]}${locale === 'zh' ? '' : ', '}${describeGuidelineNode(node, nodes, locale)}`;
	}
	const source = rubric.sources.find((s) => s.id === citation.source);
	return source ? source.title[locale] : citation.source;
}

/** The stable key behind a citation, for traceability on request: "c03.p2.2", "doc004:1597". */
export function citationReference(citation: Citation): string {
	return 'node' in citation ? citation.node : `${citation.source}:${citation.line}`;
}
