/**
 * Chart.js configurations built from the report model's chart blocks. Pure (no Chart.js import):
 * the same block drives the PDF's vector chart, so what a chart shows is decided in one place.
 */
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { ChartBlock, ChartSeries } from '$lib/domain/report-model';
import { lineStyle, spreadLabels } from './series-style';

const COLORS: Record<ChartSeries['role'], { line: string; fill: string }> = {
	current: { line: '#0b5394', fill: 'rgba(11, 83, 148, 0.75)' },
	target: { line: '#c2410c', fill: 'rgba(194, 65, 12, 0.18)' },
	previous: { line: '#6b7280', fill: 'rgba(107, 114, 128, 0.35)' },
	line: { line: '#0b5394', fill: 'rgba(11, 83, 148, 0.1)' }
};
const LABEL_FONT = 12;
const LABEL_CHARS = 8;

/** A direct label is short: the legend and the data table carry the full name. */
export function shortLabel(name: string): string {
	return [...name].length > LABEL_CHARS ? `${[...name].slice(0, LABEL_CHARS - 1).join('')}…` : name;
}

/** Rough width of a label in pixels: CJK characters are square, Latin ones about half as wide. */
const labelWidth = (text: string) =>
	[...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? LABEL_FONT : LABEL_FONT * 0.58), 0);

/**
 * Writes each line's name beside its last point, so the reader need not match colours against
 * the legend. Labels are moved apart where lines end close together.
 */
const directLabels: Plugin<'line'> = {
	id: 'directLabels',
	afterDatasetsDraw(chart: Chart<'line'>) {
		const { ctx, chartArea } = chart;
		const ends = chart.data.datasets.flatMap((dataset, index) => {
			const points = chart.getDatasetMeta(index).data;
			const values = dataset.data as (number | null)[];
			let k = values.length - 1;
			while (k >= 0 && (values[k] === null || values[k] === undefined)) k--;
			const point = k >= 0 ? points[k] : undefined;
			return point ? [{ index, y: point.y, x: point.x }] : [];
		});
		const placed = spreadLabels(ends, LABEL_FONT + 3, chartArea.top, chartArea.bottom);
		ctx.save();
		ctx.font = `${LABEL_FONT}px system-ui, sans-serif`;
		ctx.textBaseline = 'middle';
		for (const label of placed) {
			const end = ends.find((e) => e.index === label.index)!;
			const style = lineStyle(label.index);
			const x = end.x + 8;
			ctx.fillStyle = style.color;
			ctx.fillRect(x, label.y - 1.5, 8, 3);
			ctx.fillStyle = '#1f2328';
			ctx.fillText(
				shortLabel(String(chart.data.datasets[label.index]!.label ?? '')),
				x + 11,
				label.y
			);
		}
		ctx.restore();
	}
};

/** Long axis labels wrap instead of being cut off. */
function wrapLabel(label: string, width = 10): string | string[] {
	if (label.length <= width) return label;
	const lines: string[] = [];
	for (let i = 0; i < label.length; i += width) lines.push(label.slice(i, i + width));
	return lines;
}

export function chartConfig(block: ChartBlock): ChartConfiguration {
	// A radar's labels sit left and right of the plot: narrow lines leave it room on a phone.
	const labels = block.categories.map((c) => wrapLabel(c, block.chart === 'radar' ? 7 : 10));
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
	if (block.chart === 'line') {
		const room = Math.max(...block.series.map((s) => labelWidth(shortLabel(s.name)))) + 24;
		return {
			type: 'line',
			data: {
				labels,
				datasets: block.series.map((s, i) => {
					const style = lineStyle(i);
					return {
						label: s.name,
						data: s.values,
						borderColor: style.color,
						backgroundColor: style.color,
						borderDash: style.dash,
						borderWidth: 2,
						pointStyle: style.point,
						pointRadius: 4,
						pointHoverRadius: 6,
						spanGaps: true
					};
				})
			},
			options: {
				...common,
				layout: { padding: { right: room } },
				// Each line is named at its end, and the data table below has the full names: a legend
				// would only repeat them (and is cut off on a phone).
				plugins: { legend: { display: false } },
				scales: { y: { min: 0, max: block.max } }
			},
			plugins: [directLabels]
		} as ChartConfiguration;
	}
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
