/**
 * Trend charts over many assessments of one subject. A line chart stays readable only with a few
 * lines: at most MAX_SERIES per chart, so the overall score and the pillars share one chart and
 * the domains get one chart per pillar (small multiples), split further where a pillar has more.
 */
import type { Rubric, Text } from '../../rubrics/schema';
import type { TrendPoint } from '../compare';
import type { ChartBlock, ChartSeries } from './model-types';
import { reportText, type ReportLocale } from '../report-text';

/** Most lines one chart shows: beyond this, colours and dash patterns stop being told apart. */
export const MAX_SERIES = 5;

const num = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** A line chart over the assessment periods, with its data table. */
export function lineChartBlock(
	title: string,
	categories: string[],
	series: ChartSeries[]
): ChartBlock {
	return {
		kind: 'chart',
		chart: 'line',
		title,
		categories,
		max: 100,
		series,
		table: {
			kind: 'table',
			caption: title,
			columns: [
				{ header: '', width: 3 },
				...categories.map((c) => ({ header: c, width: 1, align: 'right' as const }))
			],
			rows: series.map((s) => [s.name, ...s.values.map(num)])
		}
	};
}

/** "标题（1/2）" in Chinese, "Title (1/2)" in English. */
const aside = (title: string, note: string, locale: ReportLocale) =>
	locale === 'zh' ? `${title}（${note}）` : `${title} (${note})`;

/**
 * Splits a chart into charts of at most `max` series, as even in size as possible (8 → 4 + 4,
 * not 5 + 3); the parts are titled "(1/2)", "(2/2)". A chart within the limit is returned as is.
 */
export function limitSeries(
	block: ChartBlock,
	locale: ReportLocale,
	max = MAX_SERIES
): ChartBlock[] {
	if (block.series.length <= max) return [block];
	const parts = Math.ceil(block.series.length / max);
	const size = Math.ceil(block.series.length / parts);
	const charts: ChartBlock[] = [];
	for (let i = 0; i < parts; i++) {
		const series = block.series.slice(i * size, (i + 1) * size);
		const title = aside(block.title, `${i + 1}/${parts}`, locale);
		charts.push(lineChartBlock(title, block.categories, series));
	}
	return charts;
}

export interface TrendCharts {
	/** The overall score and the pillars */
	pillars: ChartBlock[];
	/** The domains, one chart per pillar (more where a pillar has over MAX_SERIES domains) */
	domains: ChartBlock[];
}

export function buildTrendCharts(
	trend: TrendPoint[],
	rubric: Rubric,
	locale: ReportLocale
): TrendCharts {
	const pick = (text: Text) => text[locale];
	const categories = trend.map((p) => p.period || p.date);
	const pillars = lineChartBlock(reportText(locale, 'chartTrend'), categories, [
		{ name: reportText(locale, 'all'), role: 'line', values: trend.map((p) => p.overall) },
		...rubric.pillars.map((p) => ({
			name: pick(p.title),
			role: 'line' as const,
			values: trend.map((x) => x.pillars[p.id] ?? null)
		}))
	]);
	const domains = rubric.pillars.flatMap((p) =>
		limitSeries(
			lineChartBlock(
				aside(reportText(locale, 'chartTrendDomains'), pick(p.title), locale),
				categories,
				p.domains.map((d) => ({
					name: pick(d.title),
					role: 'line' as const,
					values: trend.map((x) => x.domains[d.id] ?? null)
				}))
			),
			locale
		)
	);
	return { pillars: limitSeries(pillars, locale), domains };
}
