/**
 * Charts drawn as PDF vector graphics and real text: horizontal bars (current against target),
 * a radar for the pillars and a line chart for the trend. Crisp at any zoom, searchable, and a
 * few kilobytes each, where a screenshot would be blurry and large.
 */
import type { ChartBlock, ChartSeries } from '../domain/report-model';
import { CONTENT_WIDTH, PAGE, TYPE, type Rgb } from './theme';
import { Writer } from './writer';
import { hexToRgb, lineStyle, spreadLabels, type SeriesStyle } from '../charts/series-style';

const AXIS = { size: 7.5, lineHeight: 10 };
const TICKS = [0, 20, 40, 60, 80, 100];

function seriesColor(w: Writer, s: ChartSeries, index: number): Rgb {
	if (s.role === 'current') return w.theme.accent;
	if (s.role === 'target') return w.theme.target;
	if (s.role === 'previous') return w.theme.accentTint;
	return index === 0 ? w.theme.accent : w.theme.series[(index - 1) % w.theme.series.length]!;
}

const format = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Screen dash patterns are in pixels; on paper they are drawn a little shorter. */
const pdfDash = (style: SeriesStyle) => style.dash.map((d) => d * 0.6);

/** A point of a line in its shape (circle, square, triangle, diamond, cross). */
function marker(w: Writer, style: SeriesStyle, x: number, y: number, r: number) {
	const rgb = hexToRgb(style.color);
	w.setFill(rgb);
	if (style.point === 'circle') w.doc.circle(x, y, r, 'F');
	else if (style.point === 'rect') w.doc.rect(x - r, y - r, 2 * r, 2 * r, 'F');
	else if (style.point === 'triangle')
		w.doc.triangle(x, y - r * 1.2, x - r * 1.1, y + r * 0.8, x + r * 1.1, y + r * 0.8, 'F');
	else if (style.point === 'rectRot')
		w.doc.lines(
			[
				[r * 1.3, r * 1.3],
				[-r * 1.3, r * 1.3],
				[-r * 1.3, -r * 1.3]
			],
			x,
			y - r * 1.3,
			[1, 1],
			'F',
			true
		);
	else {
		w.setStroke(rgb, 1);
		w.doc.line(x - r, y - r, x + r, y + r);
		w.doc.line(x - r, y + r, x + r, y - r);
	}
}

/** The chart's title and legend; returns nothing, moves the cursor below them. */
function titleAndLegend(w: Writer, chart: ChartBlock, reserve: number, keepWith = 0) {
	const title = w.lines(chart.title, CONTENT_WIDTH, TYPE.heading.size, true);
	const head = title.length * TYPE.heading.lineHeight + 20;
	// With what follows (its data table) when all of it fits on a page.
	w.ensure(
		head + reserve + keepWith <= PAGE.bottom - PAGE.top ? head + reserve + keepWith : head + reserve
	);
	for (const line of title) {
		w.text(line, PAGE.left, Writer.baseline(w.y, TYPE.heading.lineHeight, TYPE.heading.size), {
			size: TYPE.heading.size,
			bold: true,
			color: w.theme.accentText
		});
		w.y += TYPE.heading.lineHeight;
	}
	w.y += 2;
	legend(w, chart.series);
	w.y += 6;
}

function legend(w: Writer, series: ChartSeries[]) {
	const size = 8.5;
	const lineHeight = 13;
	let x = PAGE.left;
	series.forEach((s, i) => {
		const label = w.fit(s.name, CONTENT_WIDTH - 30, size);
		const width = 12 + w.width(label, size) + 14;
		if (x + width > PAGE.left + CONTENT_WIDTH && x > PAGE.left) {
			x = PAGE.left;
			w.y += lineHeight;
		}
		const color = seriesColor(w, s, i);
		const mid = w.y + lineHeight / 2;
		if (s.role === 'line') {
			const style = lineStyle(i);
			w.setStroke(hexToRgb(style.color), 1.2);
			w.doc.setLineDashPattern(pdfDash(style), 0);
			w.doc.line(x - 2, mid, x + 11, mid);
			w.doc.setLineDashPattern([], 0);
			marker(w, style, x + 4.5, mid, 2.2);
		} else w.rect(x, mid - 4, 9, 8, color);
		w.text(label, x + 12, Writer.baseline(w.y, lineHeight, size), { size, color: w.theme.ink });
		x += width;
	});
	w.y += lineHeight;
}

/**
 * Horizontal bars: one row per category with its (wrapped) label, a bar per series and the value
 * at the bar's end. Rows continue on the next page with the axis repeated.
 */
export function barChart(w: Writer, chart: ChartBlock): void {
	const t = w.theme;
	const labelWidth = Math.min(170, CONTENT_WIDTH * 0.36);
	const plotX = PAGE.left + labelWidth + 10;
	const plotWidth = CONTENT_WIDTH - labelWidth - 10 - 30;
	const scale = (v: number) =>
		plotX + (Math.max(0, Math.min(chart.max, v)) / chart.max) * plotWidth;
	const barHeight = chart.series.length > 2 ? 5 : 7;
	const barGap = 2;
	const barsHeight = chart.series.length * barHeight + (chart.series.length - 1) * barGap;
	const rows = chart.categories.map((c) => {
		const label = w.balancedLines(c, labelWidth, AXIS.size + 0.5, 3);
		return { label, height: Math.max(barsHeight + 10, label.length * 10 + 6) };
	});
	const axisHeight = 16;
	const whole = rows.reduce((sum, r) => sum + r.height, 0) + axisHeight;
	// The whole chart on one page when it fits on one; else start it and run on.
	titleAndLegend(
		w,
		chart,
		whole <= PAGE.bottom - PAGE.top - 60 ? whole : (rows[0]?.height ?? 0) + axisHeight
	);

	const ticks = TICKS.filter((v) => v <= chart.max);
	const drawAxis = (top: number, bottom: number) => {
		for (const v of ticks) {
			const x = scale(v);
			w.setStroke(v === 0 ? t.muted : t.rule, v === 0 ? 0.6 : 0.4);
			w.doc.line(x, top, x, bottom);
			w.text(String(v), x, bottom + 10, { size: AXIS.size, color: t.muted, align: 'center' });
		}
	};
	let i = 0;
	while (i < rows.length) {
		// As many rows as fit above the axis on this page.
		let top = w.y;
		let bottom = top;
		const start = i;
		while (i < rows.length && bottom + rows[i]!.height + axisHeight <= PAGE.bottom) {
			bottom += rows[i]!.height;
			i++;
		}
		if (i === start) {
			w.newPage();
			continue;
		}
		drawAxis(top, bottom);
		for (let r = start; r < i; r++) {
			const row = rows[r]!;
			const labelTop = top + (row.height - row.label.length * 10) / 2;
			row.label.forEach((line, k) =>
				w.text(line, plotX - 8, Writer.baseline(labelTop + k * 10, 10, AXIS.size + 0.5), {
					size: AXIS.size + 0.5,
					align: 'right'
				})
			);
			let barTop = top + (row.height - barsHeight) / 2;
			chart.series.forEach((s, k) => {
				const v = s.values[r] ?? null;
				const color = seriesColor(w, s, k);
				if (v !== null && v > 0) w.rect(plotX, barTop, scale(v) - plotX, barHeight, color);
				w.text(
					format(v),
					(v === null ? plotX : scale(v)) + 3,
					barTop + barHeight / 2 + AXIS.size * 0.36,
					{ size: AXIS.size, color: s.role === 'current' ? t.ink : t.muted }
				);
				barTop += barHeight + barGap;
			});
			top += row.height;
		}
		w.y = bottom + axisHeight;
		if (i < rows.length) w.newPage();
	}
	w.y += 8;
}

/** A radar (spider) chart: one axis per category, a polygon per series, rings every 20 points. */
export function radarChart(w: Writer, chart: ChartBlock, keepWith = 0): void {
	const t = w.theme;
	const n = chart.categories.length;
	if (n < 3) return barChart(w, chart);
	const radius = 95;
	const angle = (k: number) => -Math.PI / 2 + (2 * Math.PI * k) / n;
	// Labels above and below the chart may be wide; those at the sides get the room to the margin.
	const labels = chart.categories.map((c, k) => {
		const cos = Math.cos(angle(k));
		const width = Math.abs(cos) < 0.2 ? 260 : CONTENT_WIDTH / 2 - radius * Math.abs(cos) - 12;
		return w.balancedLines(c, width, 8.5, 3);
	});
	const labelBlock = 3 * 11;
	const height = 2 * radius + 2 * labelBlock + 24;
	titleAndLegend(w, chart, height, keepWith);
	const cx = PAGE.left + CONTENT_WIDTH / 2;
	const cy = w.y + labelBlock + 12 + radius;
	const point = (k: number, v: number): [number, number] => {
		const r = (Math.max(0, Math.min(chart.max, v)) / chart.max) * radius;
		return [cx + r * Math.cos(angle(k)), cy + r * Math.sin(angle(k))];
	};
	const polygon = (pts: [number, number][], style: 'F' | 'S') => {
		const [first, ...rest] = pts;
		if (!first) return;
		const deltas = rest.map((p, k) => {
			const prev = k === 0 ? first : rest[k - 1]!;
			return [p[0] - prev[0], p[1] - prev[1]];
		});
		w.doc.lines(deltas, first[0], first[1], [1, 1], style, true);
	};

	// The current series' area first, so that the rings and outlines stay visible on top.
	const current = chart.series.find((s) => s.role === 'current');
	const complete = (s: ChartSeries) => s.values.every((v) => v !== null);
	if (current && complete(current)) {
		w.setFill(t.accentTint);
		polygon(
			current.values.map((v, k) => point(k, v!)),
			'F'
		);
	}
	for (const v of TICKS.filter((x) => x > 0 && x <= chart.max)) {
		w.setStroke(t.rule, 0.5);
		polygon(
			chart.categories.map((_, k) => point(k, v)),
			'S'
		);
		w.text(String(v), cx + 2, point(0, v)[1] + 3, { size: 6.5, color: t.muted });
	}
	for (let k = 0; k < n; k++) {
		const [x, y] = point(k, chart.max);
		w.setStroke(t.rule, 0.5);
		w.doc.line(cx, cy, x, y);
	}
	chart.series.forEach((s, i) => {
		const color = seriesColor(w, s, i);
		const pts = s.values.map((v, k) => (v === null ? null : point(k, v)));
		if (s.role === 'target') w.doc.setLineDashPattern([3, 2], 0);
		w.setStroke(color, s.role === 'current' ? 1.6 : 1.2);
		if (complete(s)) polygon(pts as [number, number][], 'S');
		w.doc.setLineDashPattern([], 0);
		w.setFill(color);
		for (const p of pts) if (p) w.doc.circle(p[0], p[1], s.role === 'current' ? 2.2 : 1.6, 'F');
	});
	// Axis labels outside the outer ring, aligned away from the centre.
	labels.forEach((lines, k) => {
		const a = angle(k);
		const cos = Math.cos(a);
		const sin = Math.sin(a);
		const [x, y] = point(k, chart.max);
		const ax = x + cos * 8;
		const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
		const blockHeight = lines.length * 11;
		const top = Math.abs(sin) < 0.2 ? y - blockHeight / 2 : sin < 0 ? y - 6 - blockHeight : y + 6;
		lines.forEach((line, j) =>
			w.text(line, ax, Writer.baseline(top + j * 11, 11, 8.5), { size: 8.5, align })
		);
	});
	w.y = cy + radius + labelBlock + 12;
}

/** A line chart over the categories (assessment periods), 0 to max on the vertical axis. */
export function lineChart(w: Writer, chart: ChartBlock, keepWith = 0): void {
	const t = w.theme;
	const plotHeight = 190;
	const axisLabelWidth = 24;
	const plotX = PAGE.left + axisLabelWidth;
	// Room at the right for each line's name beside its last point.
	const names = chart.series.map((s) => w.fit(s.name, 110, AXIS.size));
	const labelRoom = Math.max(0, ...names.map((name) => w.width(name, AXIS.size))) + 16;
	const plotWidth = CONTENT_WIDTH - axisLabelWidth - labelRoom;
	const n = chart.categories.length;
	const slot = plotWidth / Math.max(1, n);
	const categoryLabels = chart.categories.map((c) =>
		w.balancedLines(c, slot - 4, AXIS.size + 0.5, 2)
	);
	const labelHeight = Math.max(1, ...categoryLabels.map((l) => l.length)) * 10 + 6;
	titleAndLegend(w, chart, plotHeight + labelHeight + 10, keepWith);
	const top = w.y + 6;
	const bottom = top + plotHeight;
	const x = (k: number) => plotX + slot * (k + 0.5);
	const y = (v: number) => bottom - (Math.max(0, Math.min(chart.max, v)) / chart.max) * plotHeight;
	for (const v of TICKS.filter((x) => x <= chart.max)) {
		w.setStroke(v === 0 ? t.muted : t.rule, v === 0 ? 0.6 : 0.4);
		w.doc.line(plotX, y(v), plotX + plotWidth, y(v));
		w.text(String(v), plotX - 5, y(v) + 2.5, { size: AXIS.size, color: t.muted, align: 'right' });
	}
	categoryLabels.forEach((lines, k) =>
		lines.forEach((line, j) =>
			w.text(line, x(k), Writer.baseline(bottom + 5 + j * 10, 10, AXIS.size + 0.5), {
				size: AXIS.size + 0.5,
				align: 'center'
			})
		)
	);
	const ends: { index: number; y: number; x: number }[] = [];
	chart.series.forEach((s, i) => {
		const style = lineStyle(i);
		const main = i === 0;
		w.setStroke(hexToRgb(style.color), main ? 1.8 : 1.3);
		w.doc.setLineDashPattern(pdfDash(style), 0);
		// Null values break the line rather than dropping to zero.
		for (let k = 1; k < n; k++) {
			const a = s.values[k - 1];
			const b = s.values[k];
			if (a === null || a === undefined || b === null || b === undefined) continue;
			w.doc.line(x(k - 1), y(a), x(k), y(b));
		}
		w.doc.setLineDashPattern([], 0);
		s.values.forEach((v, k) => {
			if (v !== null) marker(w, style, x(k), y(v), main ? 2.6 : 2);
		});
		const last = s.values.findLastIndex((v) => v !== null);
		if (last >= 0) ends.push({ index: i, y: y(s.values[last]!), x: x(last) });
	});
	// Each line's name beside its last point (moved apart where lines end close together).
	for (const label of spreadLabels(ends, AXIS.size + 2, top, bottom)) {
		const end = ends.find((e) => e.index === label.index)!;
		w.text(names[label.index]!, plotX + plotWidth + 6, label.y + 2.5, {
			size: AXIS.size,
			color: t.ink
		});
		w.setStroke(t.rule, 0.4);
		w.doc.line(end.x + 3, end.y, plotX + plotWidth + 4, label.y);
	}
	// The overall series' values, labelled above its points.
	const overall = chart.series[0];
	overall?.values.forEach((v, k) => {
		if (v === null) return;
		// On a white patch, so that crossing lines do not run through the figures.
		const label = format(v);
		const width = w.width(label, AXIS.size, true);
		w.rect(x(k) - width / 2 - 1.5, y(v) - 14, width + 3, 10, [255, 255, 255]);
		w.text(label, x(k), y(v) - 6.5, { size: AXIS.size, bold: true, align: 'center' });
	});
	w.y = bottom + labelHeight + 10;
}

/** Draws the chart; `keepWith` is the height of what must stay on its page (its data table). */
export function chart(w: Writer, block: ChartBlock, keepWith = 0): void {
	if (block.chart === 'radar') radarChart(w, block, keepWith);
	else if (block.chart === 'line') lineChart(w, block, keepWith);
	else barChart(w, block);
}
