/**
 * What every section of the report model shares: the scores, gaps and measures computed once,
 * the report's language, and the helpers that name levels, indicators and actors and lay out the
 * score and gap tables the same way wherever they appear.
 */
import type { Citation, Text } from '../../rubrics/schema';
import { citationLabel } from '../citation';
import { planMeasures, rankGaps, type Gap } from '../gaps';
import { reportText, type ReportTextKey } from '../report-text';
import { indexIndicators, titleIndex } from '../rubric-index';
import { scoreAssessment, type NodeResult } from '../scoring';
import {
	REPORT_SECTIONS,
	type Block,
	type ReportInput,
	type ReportSection,
	type TableColumn
} from './model-types';

export type ReportContext = ReturnType<typeof createReportContext>;

export function createReportContext(input: ReportInput) {
	const { rubric, assessment, catalog, locale } = input;
	const t = (key: ReportTextKey, params?: Record<string, string | number>) =>
		reportText(locale, key, params);
	const pick = (text: Text) => text[locale];
	const num = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
	const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
	const include = new Set(input.sections ?? REPORT_SECTIONS);

	const scores = scoreAssessment(rubric, assessment);
	const gaps = rankGaps(rubric, assessment, scores);
	const plan = planMeasures(gaps);
	const index = indexIndicators(rubric);
	const levelName = (level: number | null) =>
		level === null ? '—' : `${level} ${pick(rubric.scale[level]!.name)}`;
	const actorName = new Map(rubric.actors.map((a) => [a.id, pick(a.name)]));
	const titles = titleIndex(rubric, locale);
	const title = (id: string) => titles.get(id) ?? id;
	const responsibleLabel =
		rubric.audience === 'city' ? t('responsible') : t('responsibleEnterprise');
	const citation = (c: Citation) => citationLabel(c, rubric, catalog.nodes, locale);
	const caseLine = (id: string) => {
		const k = catalog.cases.get(id);
		if (!k) return id;
		return locale === 'zh' ? k.title : `${k.title_en} (${k.place_en})`;
	};

	// "Every answered indicator meets its target" would mislead when nothing is answered.
	const noGapsText = scores.overall.coverage.answered === 0 ? t('noAnswers') : t('noGaps');
	const section = (
		id: string,
		sectionTitle: string,
		blocks: Block[],
		children: ReportSection[] = []
	): ReportSection => ({
		id,
		title: sectionTitle,
		blocks,
		children
	});
	const scoreRow = (id: string, r: NodeResult) => [
		id === 'overall' ? t('all') : title(id),
		num(r.score),
		levelName(r.level),
		num(r.targetScore),
		`${r.coverage.answered}/${r.coverage.applicable}`
	];
	const scoreColumns: TableColumn[] = [
		{ header: '', width: 4 },
		{ header: t('overallScore'), width: 1.4, align: 'right' },
		{ header: t('maturity'), width: 1.8 },
		{ header: t('targetScore'), width: 1.4, align: 'right' },
		{ header: t('coverage'), width: 1.2, align: 'right' }
	];

	const gapRows = (list: Gap[], offset = 0) =>
		list.map((g, i) => [
			String(offset + i + 1),
			title(g.indicatorId),
			title(g.domainId),
			levelName(g.current),
			levelName(g.target),
			String(g.gap),
			num(g.priority, 2),
			g.responsible.map((a) => actorName.get(a) ?? a).join('、')
		]);
	const gapColumns: TableColumn[] = [
		{ header: t('rank'), width: 0.6, align: 'right' },
		{ header: t('indicator'), width: 4 },
		{ header: t('domain'), width: 2.4 },
		{ header: t('level'), width: 1.6 },
		{ header: t('target'), width: 1.6 },
		{ header: t('gap'), width: 0.8, align: 'right' },
		{ header: t('priority'), width: 1.2, align: 'right' },
		{ header: responsibleLabel, width: 2.6 }
	];

	return {
		input,
		rubric,
		assessment,
		locale,
		t,
		pick,
		num,
		pct,
		include,
		scores,
		gaps,
		plan,
		index,
		levelName,
		actorName,
		title,
		responsibleLabel,
		citation,
		caseLine,
		noGapsText,
		section,
		scoreRow,
		scoreColumns,
		gapRows,
		gapColumns
	};
}
