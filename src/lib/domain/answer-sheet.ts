/**
 * The answer workbook: four tables (答卷 answers, 得分 scores, 差距 gaps, 行动计划 action plan)
 * built from the rubric and an assessment with the same numbers the results page shows. One column
 * definition serves the CSV, the .xlsx writer and the importer of the 答卷 sheet.
 *
 * Every column has a stable machine key (`answers.level`), written in a hidden first row of its
 * sheet: a spreadsheet user may rename, reorder or translate headers and sheets, and the importer
 * still finds each column by its key, or reports it missing, but never reads the wrong one.
 */
import type { Citation, Rubric, Text } from '../rubrics/schema';
import type { ActionStatus, Assessment } from './assessment';
import { citationLabel } from './citation';
import { planMeasures, rankGaps } from './gaps';
import { glossaryTerm } from './glossary';
import type { ReportCatalog } from './report-model';
import { reportText, type ReportLocale } from './report-text';
import { indexIndicators, titleIndex } from './rubric-index';
import { scoreAssessment, type NodeResult } from './scoring';

export const ANSWER_SHEET_FORMAT = 'gd-digital-economy-answer-sheet';
export const ANSWER_SHEET_FORMAT_VERSION = 1;
/** The hidden sheet that says which rubric and assessment a workbook was exported from. */
export const META_SHEET = '_meta';

export type SheetKey = 'answers' | 'scores' | 'gaps' | 'plan';
export const SHEET_KEYS: readonly SheetKey[] = ['answers', 'scores', 'gaps', 'plan'];
export const SHEET_NAMES: Record<SheetKey, Text> = {
	answers: { zh: '答卷', en: 'Answers' },
	scores: { zh: '得分', en: 'Scores' },
	gaps: { zh: '差距', en: 'Gaps' },
	plan: { zh: '行动计划', en: 'Action plan' }
};

export type CellValue = string | number | null;
/** integer and number cells hold numbers; ratio cells a share 0–1 shown as a percentage. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'ratio';

export interface SheetColumn {
	/** Stable machine key, `<sheet>.<column>` */
	key: string;
	header: Text;
	kind: ColumnKind;
	/** Width in characters */
	width: number;
	/** An assessor may fill this column in the 答卷 sheet and import it back */
	input?: boolean;
}

export interface SheetTable {
	key: SheetKey;
	name: string;
	columns: SheetColumn[];
	rows: CellValue[][];
}

export interface AnswerWorkbook {
	meta: [string, string][];
	sheets: SheetTable[];
}

const col = (
	sheet: SheetKey,
	key: string,
	header: Text,
	kind: ColumnKind,
	width: number,
	input = false
): SheetColumn => ({ key: `${sheet}.${key}`, header, kind, width, ...(input ? { input } : {}) });
const term = (key: Parameters<typeof glossaryTerm>[0]): Text => ({
	zh: glossaryTerm(key, 'zh'),
	en: glossaryTerm(key, 'en')
});
const report = (key: Parameters<typeof reportText>[1]): Text => ({
	zh: reportText('zh', key),
	en: reportText('en', key)
});
const responsibleHeader = (rubric: Rubric) =>
	report(rubric.audience === 'city' ? 'responsible' : 'responsibleEnterprise');

/** Cells of the 不适用 column: 是 or empty; the importer also accepts yes/no, true/false, 1/0. */
export const YES: Text = { zh: '是', en: 'yes' };

export function answerColumns(rubric: Rubric): SheetColumn[] {
	const c = (key: string, header: Text, kind: ColumnKind, width: number, input = false) =>
		col('answers', key, header, kind, width, input);
	return [
		c('pillar', { zh: '板块', en: 'Pillar' }, 'text', 16),
		c('domain', report('domain'), 'text', 20),
		c('indicatorId', { zh: '指标编号', en: 'Indicator id' }, 'text', 16),
		c('indicator', report('indicator'), 'text', 36),
		c('level', term('level'), 'integer', 10, true),
		c('levelName', { zh: '等级名称', en: 'Level name' }, 'text', 12),
		c('notApplicable', report('notApplicable'), 'text', 10, true),
		c('target', term('target'), 'integer', 10, true),
		c('gap', term('gap'), 'integer', 10),
		c('value', { zh: '指标数值', en: 'Metric value' }, 'number', 12, true),
		c('unit', { zh: '单位', en: 'Unit' }, 'text', 12),
		c('note', report('note'), 'text', 40, true),
		c('evidence', { zh: '佐证链接', en: 'Evidence links' }, 'text', 30),
		c('responsible', responsibleHeader(rubric), 'text', 20),
		c('citation', report('basis'), 'text', 36)
	];
}

function scoreColumns(): SheetColumn[] {
	const c = (key: string, header: Text, kind: ColumnKind, width: number) =>
		col('scores', key, header, kind, width);
	return [
		c('kind', { zh: '类别', en: 'Kind' }, 'text', 8),
		c('id', { zh: '编号', en: 'Id' }, 'text', 14),
		c('name', { zh: '名称', en: 'Name' }, 'text', 30),
		c('score', term('score'), 'number', 10),
		c('maturity', report('maturity'), 'integer', 10),
		c('maturityName', { zh: '等级名称', en: 'Level name' }, 'text', 12),
		c('targetScore', report('targetScore'), 'number', 10),
		c('answered', { zh: '已答', en: 'Answered' }, 'integer', 8),
		c('applicable', { zh: '适用', en: 'Applicable' }, 'integer', 8),
		c('notApplicable', report('notApplicable'), 'integer', 8),
		c('coverage', term('coverage'), 'ratio', 10),
		c('provisional', { zh: '暂定', en: 'Provisional' }, 'text', 8)
	];
}

function gapColumns(rubric: Rubric): SheetColumn[] {
	const c = (key: string, header: Text, kind: ColumnKind, width: number) =>
		col('gaps', key, header, kind, width);
	return [
		c('rank', report('rank'), 'integer', 6),
		c('indicatorId', { zh: '指标编号', en: 'Indicator id' }, 'text', 16),
		c('indicator', report('indicator'), 'text', 36),
		c('domain', report('domain'), 'text', 20),
		c('level', term('level'), 'integer', 10),
		c('target', term('target'), 'integer', 10),
		c('gap', term('gap'), 'integer', 10),
		c('priority', term('priority'), 'number', 12),
		c('responsible', responsibleHeader(rubric), 'text', 24)
	];
}

function planColumns(rubric: Rubric): SheetColumn[] {
	const c = (key: string, header: Text, kind: ColumnKind, width: number) =>
		col('plan', key, header, kind, width);
	return [
		c('actor', responsibleHeader(rubric), 'text', 20),
		c('key', { zh: '措施编号', en: 'Measure key' }, 'text', 16),
		c('measure', report('measure'), 'text', 48),
		c('indicatorId', { zh: '指标编号', en: 'Indicator id' }, 'text', 16),
		c('indicator', report('indicator'), 'text', 30),
		c('target', term('target'), 'integer', 10),
		c('toLevel', report('toLevel'), 'integer', 10),
		c('priority', term('priority'), 'number', 12),
		c('basis', report('basis'), 'text', 36),
		c('status', report('status'), 'text', 10),
		c('owner', report('owner'), 'text', 14),
		c('due', report('due'), 'text', 12)
	];
}

const STATUS_TEXT: Record<ActionStatus, Parameters<typeof reportText>[1]> = {
	open: 'statusOpen',
	planned: 'statusPlanned',
	'in-progress': 'statusInProgress',
	done: 'statusDone'
};

/**
 * The four tables in one language. Numbers are kept at full precision (the spreadsheet formats
 * them), so a cell equals what `cli score --json` and `cli gaps --json` print.
 */
export function buildAnswerWorkbook(
	rubric: Rubric,
	assessment: Assessment,
	catalog: ReportCatalog,
	locale: ReportLocale
): AnswerWorkbook {
	const scores = scoreAssessment(rubric, assessment);
	const gaps = rankGaps(rubric, assessment, scores);
	const index = indexIndicators(rubric);
	const title = titleIndex(rubric, locale);
	const name = (id: string) => title.get(id) ?? id;
	const actor = (id: string) => rubric.actors.find((a) => a.id === id)?.name[locale] ?? id;
	const actors = (ids: readonly string[]) => ids.map(actor).join(locale === 'zh' ? '、' : ', ');
	const cite = (cites: readonly Citation[]) =>
		cites.map((c) => citationLabel(c, rubric, catalog.nodes, locale)).join('; ');
	const levelName = (level: number | null) =>
		level === null ? '' : (rubric.scale[level]?.name[locale] ?? '');
	const yes = (b: boolean) => (b ? YES[locale] : '');

	const answerRows = scores.indicators.map((r): CellValue[] => {
		const { indicator } = index.get(r.id)!;
		const answer = assessment.answers[r.id];
		const links = (answer?.evidence ?? []).flatMap((e) =>
			e.kind === 'link' && e.url ? [e.url] : []
		);
		return [
			name(r.pillarId),
			name(r.domainId),
			r.id,
			name(r.id),
			r.level,
			levelName(r.level),
			yes(r.status === 'notApplicable'),
			r.target,
			r.gap,
			answer?.value ?? null,
			indicator.metric?.unit[locale] ?? '',
			answer?.note ?? '',
			links.join('\n'),
			actors(indicator.responsible),
			cite(indicator.cites)
		];
	});

	const kind = (k: 'all' | 'pillar' | 'domain') =>
		k === 'all'
			? reportText(locale, 'all')
			: k === 'pillar'
				? SCOPE_NAMES.pillar[locale]
				: SCOPE_NAMES.domain[locale];
	const scoreRow = (k: 'all' | 'pillar' | 'domain', id: string, r: NodeResult): CellValue[] => [
		kind(k),
		id,
		k === 'all' ? reportText(locale, 'all') : name(id),
		r.score,
		r.level,
		levelName(r.level),
		r.targetScore,
		r.coverage.answered,
		r.coverage.applicable,
		r.coverage.notApplicable,
		r.coverage.ratio,
		yes(r.provisional)
	];
	const scoreRows = [
		scoreRow('all', 'overall', scores.overall),
		...scores.pillars.map((p) => scoreRow('pillar', p.id, p)),
		...scores.domains.map((d) => scoreRow('domain', d.id, d))
	];

	const gapRows = gaps.map((g, i): CellValue[] => [
		i + 1,
		g.indicatorId,
		name(g.indicatorId),
		name(g.domainId),
		g.current,
		g.target,
		g.gap,
		g.priority,
		actors(g.responsible)
	]);

	const planRows = planMeasures(gaps).flatMap((group) =>
		group.measures.map((m): CellValue[] => {
			const action = assessment.actions?.[m.key];
			return [
				actor(group.actorId),
				m.key,
				m.text[locale],
				m.indicatorId,
				name(m.indicatorId),
				m.target,
				m.toLevel,
				m.priority,
				cite(m.cites),
				reportText(locale, STATUS_TEXT[action?.status ?? 'open']),
				action?.owner ?? '',
				action?.due ?? ''
			];
		})
	);

	const table = (key: SheetKey, columns: SheetColumn[], rows: CellValue[][]): SheetTable => ({
		key,
		name: SHEET_NAMES[key][locale],
		columns,
		rows
	});
	return {
		meta: [
			['format', ANSWER_SHEET_FORMAT],
			['formatVersion', String(ANSWER_SHEET_FORMAT_VERSION)],
			['rubricId', rubric.id],
			['rubricVersion', rubric.version],
			['assessmentId', assessment.id],
			['subject', assessment.subject.name],
			['period', assessment.period],
			['locale', locale],
			['maxLevel', String(scores.maxLevel)]
		],
		sheets: [
			table('answers', answerColumns(rubric), answerRows),
			table('scores', scoreColumns(), scoreRows),
			table('gaps', gapColumns(rubric), gapRows),
			table('plan', planColumns(rubric), planRows)
		]
	};
}

const SCOPE_NAMES = {
	pillar: { zh: '板块', en: 'Pillar' },
	domain: { zh: '领域', en: 'Domain' }
} as const;
