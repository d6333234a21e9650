/**
 * Trend charts stay readable: no chart draws more than five lines, every line has its own colour,
 * dash pattern and point shape, and no series is lost in the split.
 */
import { describe, expect, it } from 'vitest';
import { buildTrend } from '../../src/lib/domain/compare';
import {
	buildReportModel,
	buildTrendCharts,
	limitSeries,
	MAX_SERIES,
	type ChartBlock
} from '../../src/lib/domain/report-model';
import { lineChartBlock } from '../../src/lib/domain/report/trend-charts';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { LINE_STYLES } from '../../src/lib/charts/series-style';
import { chartConfig, shortLabel } from '../../src/lib/charts/config';
import { readFileSync } from 'node:fs';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';

const loadShippedRubric = (id: string) =>
	loadRubricText(readFileSync(`rubrics/${id}.yaml`, 'utf8'), id);

function history(rubric: Rubric, kind: 'city' | 'enterprise') {
	return ['2024-06-30', '2025-06-30', '2026-06-30'].map((date, i) => ({
		rubric,
		assessment: createSampleAssessment(
			rubric,
			{
				id: `a${i}`,
				subject: { id: 's', name: '示例', kind },
				profile: defaultProfile(rubric),
				date,
				period: date.slice(0, 4)
			},
			i + 1
		)
	}));
}

describe('trend charts', () => {
	for (const [id, kind] of [
		['gd-city-readiness', 'city'],
		['gd-enterprise-maturity', 'enterprise']
	] as const)
		it(`draws at most ${MAX_SERIES} lines per chart and keeps every domain (${id})`, () => {
			const rubric = loadShippedRubric(id);
			const charts = buildTrendCharts(buildTrend(history(rubric, kind)), rubric, 'zh');
			const all: ChartBlock[] = [...charts.pillars, ...charts.domains];
			for (const chart of all) {
				expect(chart.series.length, chart.title).toBeLessThanOrEqual(MAX_SERIES);
				expect(chart.table.rows.map((r) => r[0])).toEqual(chart.series.map((s) => s.name));
			}
			const domainNames = rubric.pillars.flatMap((p) => p.domains.map((d) => d.title.zh));
			expect(charts.domains.flatMap((c) => c.series.map((s) => s.name))).toEqual(domainNames);
			// Small multiples: one chart per pillar at least, each titled with its pillar.
			for (const p of rubric.pillars)
				expect(charts.domains.some((c) => c.title.includes(p.title.zh))).toBe(true);
		});

	it('splits evenly and titles the parts with full-width brackets in Chinese', () => {
		const series = Array.from({ length: 8 }, (_, i) => ({
			name: `领域${i}`,
			role: 'line' as const,
			values: [i, i + 1]
		}));
		const parts = limitSeries(lineChartBlock('趋势', ['2025', '2026'], series), 'zh');
		expect(parts.map((p) => p.series.length)).toEqual([4, 4]);
		expect(parts.map((p) => p.title)).toEqual(['趋势（1/2）', '趋势（2/2）']);
		expect(parts.flatMap((p) => p.series)).toEqual(series);
		const en = limitSeries(lineChartBlock('Trend', ['2025'], series.slice(0, 6)), 'en', 5);
		expect(en.map((p) => [p.title, p.series.length])).toEqual([
			['Trend (1/2)', 3],
			['Trend (2/2)', 3]
		]);
	});

	it('keeps the PDF trend chart within the limit too', () => {
		const rubric = loadShippedRubric('gd-enterprise-maturity');
		const [first, ...rest] = history(rubric, 'enterprise').reverse();
		const model = buildReportModel({
			rubric,
			assessment: first!.assessment,
			history: rest,
			catalog: { nodes: new Map(), cases: new Map() },
			locale: 'zh',
			generatedOn: '2026-07-01',
			sections: ['charts']
		});
		const lines = model.sections[0]!.blocks.filter(
			(b): b is ChartBlock => b.kind === 'chart' && b.chart === 'line'
		);
		expect(lines.length).toBeGreaterThan(0);
		for (const chart of lines) expect(chart.series.length).toBeLessThanOrEqual(MAX_SERIES);
	});
});

describe('line styles', () => {
	it('gives each of the five lines its own colour, dash pattern and point shape', () => {
		expect(LINE_STYLES.length).toBeGreaterThanOrEqual(MAX_SERIES);
		const distinct = (values: string[]) => new Set(values).size === values.length;
		expect(distinct(LINE_STYLES.map((s) => s.color.toLowerCase()))).toBe(true);
		expect(distinct(LINE_STYLES.map((s) => JSON.stringify(s.dash)))).toBe(true);
		expect(distinct(LINE_STYLES.map((s) => s.point))).toBe(true);
		// Okabe–Ito colours only (colour-blind safe).
		const okabeIto = [
			'#000000',
			'#e69f00',
			'#56b4e9',
			'#009e73',
			'#f0e442',
			'#0072b2',
			'#d55e00',
			'#cc79a7'
		];
		for (const s of LINE_STYLES) expect(okabeIto).toContain(s.color.toLowerCase());
	});

	it('draws each series of a chart in its own style, with a direct label', () => {
		const series = Array.from({ length: 5 }, (_, i) => ({
			name: `数字经济核心产业领域${i}`,
			role: 'line' as const,
			values: [10 * i, 10 * i + 5]
		}));
		const config = chartConfig(lineChartBlock('趋势', ['2025', '2026'], series));
		const datasets = config.data.datasets as {
			borderColor: string;
			borderDash: number[];
			pointStyle: string;
		}[];
		expect(new Set(datasets.map((d) => d.borderColor)).size).toBe(5);
		expect(new Set(datasets.map((d) => JSON.stringify(d.borderDash))).size).toBe(5);
		expect(new Set(datasets.map((d) => d.pointStyle)).size).toBe(5);
		expect(config.plugins?.map((p) => p.id)).toContain('directLabels');
		expect(shortLabel(series[0]!.name)).toBe('数字经济核心产…');
	});
});
