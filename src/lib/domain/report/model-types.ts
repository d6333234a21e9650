/**
 * The shapes of the report model: sections of blocks (paragraphs, headings, key figures, lists,
 * tables, charts with their data tables), the cover and page furniture. Renderers draw these.
 */
import type { NodeLookup } from '../citation';
import type { CaseTitle } from '../../rubrics/guideline-titles';
import type { Rubric } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import type { ReportLocale } from '../report-text';

export type ReportSectionId =
	| 'summary'
	| 'compliance'
	| 'charts'
	| 'domains'
	| 'gaps'
	| 'plan'
	| 'comparison'
	| 'methodology'
	| 'evidence'
	| 'figures';

export const REPORT_SECTIONS: readonly ReportSectionId[] = [
	'summary',
	'compliance',
	'charts',
	'domains',
	'gaps',
	'plan',
	'comparison',
	'methodology',
	'evidence',
	'figures'
];

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
	header: string;
	/** Relative width */
	width: number;
	align?: Align;
}

export interface TableBlock {
	kind: 'table';
	caption?: string;
	columns: TableColumn[];
	rows: string[][];
}

export interface ChartSeries {
	name: string;
	role: 'current' | 'target' | 'previous' | 'line';
	values: (number | null)[];
}

export interface ChartBlock {
	kind: 'chart';
	chart: 'bar' | 'radar' | 'line';
	title: string;
	categories: string[];
	series: ChartSeries[];
	/** Values run from 0 to this (scores: 100) */
	max: number;
	/** The same data as a table, for readers who cannot see the chart */
	table: TableBlock;
}

export type Block =
	| { kind: 'paragraph'; text: string; tone?: 'normal' | 'note' | 'warning' }
	| { kind: 'heading'; text: string }
	| { kind: 'figures'; items: { label: string; value: string; detail?: string }[] }
	| { kind: 'list'; items: string[] }
	| TableBlock
	| ChartBlock;

export interface ReportSection {
	id: ReportSectionId | string;
	title: string;
	blocks: Block[];
	children: ReportSection[];
}

export interface ReportMeta {
	title: string;
	subjectName: string;
	period: string;
	assessor: string;
	date: string;
	generatedOn: string;
	rubricTitle: string;
	rubricId: string;
	rubricVersion: string;
	preparedBy?: string;
	language: string;
	/** Cover lines: label and value, in order */
	cover: { label: string; value: string }[];
}

export interface ReportModel {
	locale: ReportLocale;
	meta: ReportMeta;
	sections: ReportSection[];
	/** Labels renderers need for page furniture */
	furniture: { contents: string; pageOf: string };
}

/** What the report shows of the guideline: titles and numbering (the full catalog fits too) */
export interface ReportCatalog {
	nodes: NodeLookup;
	cases: ReadonlyMap<string, CaseTitle>;
}

export interface ReportInput {
	rubric: Rubric;
	assessment: Assessment;
	/** An earlier assessment of the same subject, with its rubric */
	previous?: { rubric: Rubric; assessment: Assessment };
	/** Earlier assessments for the trend chart (any order; the current one is added) */
	history?: { rubric: Rubric; assessment: Assessment }[];
	catalog: ReportCatalog;
	locale: ReportLocale;
	/** The date the report is produced (YYYY-MM-DD); passed in, never read from a clock */
	generatedOn: string;
	sections?: readonly ReportSectionId[];
	preparedBy?: string;
	/** Only these actors' lists in the action plan (a department's own report); all by default */
	planActors?: readonly string[];
	/** How many top gaps the summary lists */
	topGapCount?: number;
}
