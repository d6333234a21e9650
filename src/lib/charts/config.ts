/**
 * Chart.js configurations built from the report model's chart blocks. Pure (no Chart.js import):
 * the same block drives the PDF's vector chart, so what a chart shows is decided in one place.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartBlock, ChartSeries } from '$lib/domain/report-model';

const COLORS: Record<ChartSeries['role'], { line: string; fill: string }> = {
	current: { line: '#0b5394', fill: 'rgba(11, 83, 148, 0.75)' },
	target: { line: '#c2410c', fill: 'rgba(194, 65, 12, 0.18)' },
	previous: { line: '#6b7280', fill: 'rgba(107, 114, 128, 0.35)' },
	line: { line: '#0b5394', fill: 'rgba(11, 83, 148, 0.1)' }
};
const LINE_PALETTE = ['#0b5394', '#c2410c', '#15803d', '#7c3aed', '#b45309', '#0e7490'];

/** Long axis labels wrap instead of being cut off. */
function wrapLabel(label: string, width = 10): string | string[] {
	if (label.length <= width) return label;
	const lines: string[] = [];
	for (let i = 0; i < label.length; i += width) lines.push(label.slice(i, i + width));
	return lines;
}

export function chartConfig(block: ChartBlock): ChartConfiguration {
	const labels = block.categories.map((c) => wrapLabel(c));
	const common = {
		responsive: true,
		maintainAspectRatio: false,
		animation: false as const,
		plugins: { legend: { position: 'bottom' as const } }
	};
	if (block.chart === 'radar')
		return {
			type: 'radar',
			data: {
				labels,
				datasets: block.series.map((s) => ({
					label: s.name,
					data: s.values,
					borderColor: COLORS[s.role].line,
					backgroundColor: COLORS[s.role].fill,
					borderDash: s.role === 'target' ? [6, 4] : undefined,
					pointRadius: 3
				}))
			},
			options: { ...common, scales: { r: { min: 0, max: block.max, ticks: { stepSize: 25 } } } }
		};
	if (block.chart === 'line')
		return {
			type: 'line',
			data: {
				labels,
				datasets: block.series.map((s, i) => ({
					label: s.name,
					data: s.values,
					borderColor: LINE_PALETTE[i % LINE_PALETTE.length],
					backgroundColor: LINE_PALETTE[i % LINE_PALETTE.length],
					borderWidth: i === 0 ? 3 : 1.5,
					spanGaps: true
				}))
			},
			options: { ...common, scales: { y: { min: 0, max: block.max } } }
		};
	return {
		type: 'bar',
		data: {
			labels,
			datasets: block.series.map((s) => ({
				label: s.name,
				data: s.values,
				backgroundColor: COLORS[s.role].fill,
				borderColor: COLORS[s.role].line,
				borderWidth: s.role === 'target' ? 2 : 0
			}))
		},
		options: {
			...common,
			indexAxis: 'y',
			scales: { x: { min: 0, max: block.max }, y: { ticks: { autoSkip: false } } }
		}
	};
}
