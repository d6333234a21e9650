/**
 * The opening sections of the report model: the summary and the charts.
 */
import type { Block, ChartBlock } from './model-types';
import type { ReportSection } from './model-types';
import type { NodeResult } from '../scoring';
import { buildTrend } from '../compare';
import { projectTopGaps } from '../projection';
import { buildTrendCharts } from './trend-charts';
import type { ReportContext } from './context';

/** Key figures, pillar scores, the top gaps with the projection, and the narrative. */
export function summarySection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('summary')) return null;
	const {
		input,
		assessment,
		t,
		num,
		pct,
		scores,
		gaps,
		levelName,
		noGapsText,
		section,
		scoreRow,
		scoreColumns,
		gapRows,
		gapColumns
	} = ctx;
	const o = scores.overall;
	const blocks: Block[] = [
		{
			kind: 'figures',
			items: [
				{ label: t('overallScore'), value: num(o.score), detail: `/ 100` },
				{ label: t('maturity'), value: levelName(o.level) },
				{
					label: t('coverage'),
					value: pct(o.coverage.ratio),
					detail: t('coverageDetail', {
						answered: o.coverage.answered,
						applicable: o.coverage.applicable
					})
				},
				{ label: t('targetScore'), value: num(o.targetScore) }
			]
		}
	];
	if (o.provisional)
		blocks.push({
			kind: 'paragraph',
			tone: 'warning',
			text: t('provisional', { missing: o.coverage.applicable - o.coverage.answered })
		});
	blocks.push({ kind: 'heading', text: t('pillarScores') });
	blocks.push({
		kind: 'table',
		columns: scoreColumns,
		rows: [...scores.pillars.map((p) => scoreRow(p.id, p)), scoreRow('overall', o)]
	});
	const topCount = input.topGapCount ?? 5;
	blocks.push({ kind: 'heading', text: t('topGaps') });
	if (gaps.length === 0) blocks.push({ kind: 'paragraph', text: noGapsText });
	else {
		blocks.push({ kind: 'table', columns: gapColumns, rows: gapRows(gaps.slice(0, topCount)) });
		const projection = projectTopGaps(scores, gaps, topCount);
		if (projection)
			blocks.push({
				kind: 'paragraph',
				tone: projection.provisional ? 'warning' : 'note',
				text: t(projection.provisional ? 'closingTopGapsProvisional' : 'closingTopGaps', {
					n: projection.closed,
					from: num(projection.from),
					to: num(projection.to),
					answered: projection.coverage.answered,
					applicable: projection.coverage.applicable
				})
			});
	}
	if (assessment.narrative?.trim()) {
		blocks.push({ kind: 'heading', text: t('narrative') });
		for (const para of assessment.narrative.split(/\n\s*\n/))
			if (para.trim()) blocks.push({ kind: 'paragraph', text: para.trim() });
	}
	return section('summary', t('summary'), blocks);
}

/** Pillar and domain charts (current against target), and the trends over earlier assessments. */
export function chartsSection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('charts')) return null;
	const { input, rubric, assessment, locale, t, num, scores, title, section } = ctx;
	const chart = (
		chartTitle: string,
		kind: ChartBlock['chart'],
		nodes: NodeResult[]
	): ChartBlock => {
		const categories = nodes.map((n) => title(n.id));
		return {
			kind: 'chart',
			chart: kind,
			title: chartTitle,
			categories,
			max: 100,
			series: [
				{ name: t('current'), role: 'current', values: nodes.map((n) => n.score) },
				{ name: t('targetSeries'), role: 'target', values: nodes.map((n) => n.targetScore) }
			],
			table: {
				kind: 'table',
				caption: chartTitle,
				columns: [
					{ header: '', width: 4 },
					{ header: t('current'), width: 1, align: 'right' },
					{ header: t('targetSeries'), width: 1, align: 'right' }
				],
				rows: nodes.map((n, i) => [categories[i]!, num(n.score), num(n.targetScore)])
			}
		};
	};
	// A radar only where there are few axes (the four pillars); bars for the domains.
	const blocks: Block[] = [
		chart(t('chartPillars'), scores.pillars.length >= 3 ? 'radar' : 'bar', scores.pillars),
		chart(t('chartDomains'), 'bar', scores.domains)
	];
	const history = [...(input.history ?? [])];
	if (input.previous && !history.some((h) => h.assessment.id === input.previous!.assessment.id))
		history.push(input.previous);
	// The overall score and the pillars over time (at most MAX_SERIES lines per chart).
	if (history.length > 0)
		blocks.push(
			...buildTrendCharts(buildTrend([...history, { rubric, assessment }]), rubric, locale).pillars
		);
	return section('charts', t('charts'), blocks);
}
