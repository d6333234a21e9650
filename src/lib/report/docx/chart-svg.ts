/**
 * The report's charts as SVG, for the Word report, which embeds them as pictures: horizontal
 * bars (current against target), a radar for the pillars and a line chart for the trend, in the
 * same colours as the PDF's vector charts (charts.ts). Pure: a chart block in, a string out; the
 * text is measured by estimate (CJK one em, Latin about half), so labels are wrapped with room
 * to spare.
 */
import type { ChartBlock, ChartSeries } from '../../domain/report-model';
import type { Rgb, Theme } from '../theme';

export interface ChartSvg {
	svg: string;
	width: number;
	height: number;
}

/** Drawing width in CSS pixels: the text width of the Word page (16 cm) at 96 dpi. */
export const CHART_WIDTH = 600;
const TICKS = [0, 20, 40, 60, 80, 100];
const FONT = 'sans-serif';

const rgb = ([r, g, b]: Rgb) => `rgb(${r},${g},${b})`;
const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const r1 = (n: number) => Math.round(n * 10) / 10;

/** XML-escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

/** Estimated advance of `text` at `size`: full width for CJK and other wide characters. */
export function textWidth(text: string, size: number): number {
	let w = 0;
	for (const c of text) {
		const cp = c.codePointAt(0)!;
		w +=
			cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x115f) ? size : cp === 32 ? size * 0.3 : size * 0.56;
	}
	return w;
}

/** Wraps `text` into at most `maxLines` lines of `width`, ending the last in … if cut. */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		if (textWidth(line + c, size) > width && line) {
			if (lines.length === maxLines - 1) {
				while (line && textWidth(line + '…', size) > width) line = line.slice(0, -1);
				lines.push(line + '…');
				return lines;
			}
			// Latin words break at the last space when there is one.
			const space = /[A-Za-z0-9]/.test(c) ? line.lastIndexOf(' ') : -1;
			if (space > 0) {
				lines.push(line.slice(0, space));
				line = line.slice(space + 1);
			} else {
				lines.push(line);
				line = '';
			}
		}
		line += c;
	}
	if (line || lines.length === 0) lines.push(line.trimEnd());
	return lines;
}

function seriesColor(theme: Theme, s: ChartSeries, index: number): Rgb {
	if (s.role === 'current') return theme.accent;
	if (s.role === 'target') return theme.target;
	if (s.role === 'previous') return theme.accentTint;
	return index === 0 ? theme.accent : theme.series[(index - 1) % theme.series.length]!;
}

class Svg {
	parts: string[] = [];
	text(
		x: number,
		y: number,
		text: string,
		size: number,
		options: { anchor?: 'start' | 'middle' | 'end'; fill?: Rgb; bold?: boolean } = {}
	) {
		this.parts.push(
			`<text x="${r1(x)}" y="${r1(y)}" font-size="${size}" text-anchor="${options.anchor ?? 'start'}"` +
				`${options.fill ? ` fill="${rgb(options.fill)}"` : ''}${options.bold ? ' font-weight="bold"' : ''}>${escapeXml(text)}</text>`
		);
	}
	line(x1: number, y1: number, x2: number, y2: number, stroke: Rgb, width: number, dash = false) {
		this.parts.push(
			`<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${rgb(stroke)}" stroke-width="${width}"${dash ? ' stroke-dasharray="4 3"' : ''}/>`
		);
	}
	rect(x: number, y: number, w: number, h: number, fill: Rgb) {
		this.parts.push(
			`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(h)}" fill="${rgb(fill)}"/>`
		);
	}
	circle(x: number, y: number, r: number, fill: Rgb) {
		this.parts.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="${rgb(fill)}"/>`);
	}
	poly(points: [number, number][], attrs: string) {
		const d = points.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ');
		this.parts.push(`<polygon points="${d}" ${attrs}/>`);
	}
	done(width: number, height: number, theme: Theme): ChartSvg {
		const svg =
			`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${r1(height)}" viewBox="0 0 ${width} ${r1(height)}" font-family="${FONT}" fill="${rgb(theme.ink)}">` +
			`<rect width="100%" height="100%" fill="#ffffff"/>${this.parts.join('')}</svg>`;
		return { svg, width, height: Math.ceil(height) };
	}
}

/** The legend row(s) from `y`; returns the y below them. */
function legend(s: Svg, theme: Theme, series: ChartSeries[], y: number): number {
	const size = 11;
	let x = 0;
	series.forEach((item, i) => {
		const label = wrapText(item.name, CHART_WIDTH - 40, size, 1)[0]!;
		const width = 16 + textWidth(label, size) + 18;
		if (x + width > CHART_WIDTH && x > 0) {
			x = 0;
			y += 18;
		}
		const color = seriesColor(theme, item, i);
		if (item.role === 'line') {
			s.line(x, y + 7, x + 12, y + 7, color, 2);
			s.circle(x + 6, y + 7, 2.5, color);
		} else s.rect(x, y + 2, 12, 10, color);
		s.text(x + 16, y + 11.5, label, size);
		x += width;
	});
	return y + 24;
}

function barChart(chart: ChartBlock, theme: Theme): ChartSvg {
	const s = new Svg();
	const top = legend(s, theme, chart.series, 0);
	const labelWidth = 200;
	const plotX = labelWidth + 12;
	const plotWidth = CHART_WIDTH - plotX - 40;
	const scale = (v: number) =>
		plotX + (Math.max(0, Math.min(chart.max, v)) / chart.max) * plotWidth;
	const barHeight = chart.series.length > 2 ? 7 : 9;
	const barsHeight = chart.series.length * (barHeight + 3) - 3;
	const labelSize = 11;
	const rows = chart.categories.map((c) => {
		const label = wrapText(c, labelWidth, labelSize, 2);
		return { label, height: Math.max(barsHeight + 12, label.length * 14 + 8) };
	});
	const bottom = top + rows.reduce((sum, r) => sum + r.height, 0);
	for (const v of TICKS.filter((t) => t <= chart.max)) {
		s.line(scale(v), top, scale(v), bottom, v === 0 ? theme.muted : theme.rule, v === 0 ? 1 : 0.6);
		s.text(scale(v), bottom + 14, String(v), 10, { anchor: 'middle', fill: theme.muted });
	}
	let y = top;
	rows.forEach((row, r) => {
		const labelTop = y + (row.height - row.label.length * 14) / 2;
		row.label.forEach((line, k) =>
			s.text(plotX - 8, labelTop + k * 14 + 11, line, labelSize, { anchor: 'end' })
		);
		let barTop = y + (row.height - barsHeight) / 2;
		chart.series.forEach((series, k) => {
			const v = series.values[r] ?? null;
			if (v !== null && v > 0)
				s.rect(plotX, barTop, scale(v) - plotX, barHeight, seriesColor(theme, series, k));
			s.text((v === null ? plotX : scale(v)) + 4, barTop + barHeight - 0.5, fmt(v), 10, {
				fill: series.role === 'current' ? theme.ink : theme.muted
			});
			barTop += barHeight + 3;
		});
		y += row.height;
	});
	return s.done(CHART_WIDTH, bottom + 22, theme);
}

function radarChart(chart: ChartBlock, theme: Theme): ChartSvg {
	const n = chart.categories.length;
	if (n < 3) return barChart(chart, theme);
	const s = new Svg();
	const top = legend(s, theme, chart.series, 0);
	const radius = 120;
	const labelBlock = 3 * 14;
	const cx = CHART_WIDTH / 2;
	const cy = top + labelBlock + 10 + radius;
	const angle = (k: number) => -Math.PI / 2 + (2 * Math.PI * k) / n;
	const point = (k: number, v: number): [number, number] => {
		const r = (Math.max(0, Math.min(chart.max, v)) / chart.max) * radius;
		return [cx + r * Math.cos(angle(k)), cy + r * Math.sin(angle(k))];
	};
	const complete = (series: ChartSeries) => series.values.every((v) => v !== null);
	const current = chart.series.find((x) => x.role === 'current');
	if (current && complete(current))
		s.poly(
			current.values.map((v, k) => point(k, v!)),
			`fill="${rgb(theme.accentTint)}"`
		);
	for (const v of TICKS.filter((x) => x > 0 && x <= chart.max)) {
		s.poly(
			chart.categories.map((_, k) => point(k, v)),
			`fill="none" stroke="${rgb(theme.rule)}" stroke-width="0.8"`
		);
		s.text(cx + 3, point(0, v)[1] + 4, String(v), 9, { fill: theme.muted });
	}
	for (let k = 0; k < n; k++) {
		const [x, y] = point(k, chart.max);
		s.line(cx, cy, x, y, theme.rule, 0.8);
	}
	chart.series.forEach((series, i) => {
		const color = seriesColor(theme, series, i);
		const pts = series.values.map((v, k) => (v === null ? null : point(k, v)));
		if (complete(series))
			s.poly(
				pts as [number, number][],
				`fill="none" stroke="${rgb(color)}" stroke-width="${series.role === 'current' ? 2.2 : 1.6}"${series.role === 'target' ? ' stroke-dasharray="5 3"' : ''}`
			);
		for (const p of pts) if (p) s.circle(p[0], p[1], series.role === 'current' ? 3 : 2.2, color);
	});
	chart.categories.forEach((c, k) => {
		const cos = Math.cos(angle(k));
		const sin = Math.sin(angle(k));
		const width = Math.abs(cos) < 0.2 ? 320 : CHART_WIDTH / 2 - radius * Math.abs(cos) - 14;
		const lines = wrapText(c, width, 11, 3);
		const [x, y] = point(k, chart.max);
		const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
		const blockHeight = lines.length * 14;
		const first = Math.abs(sin) < 0.2 ? y - blockHeight / 2 : sin < 0 ? y - 6 - blockHeight : y + 6;
		lines.forEach((line, j) => s.text(x + cos * 8, first + j * 14 + 11, line, 11, { anchor }));
	});
	return s.done(CHART_WIDTH, cy + radius + labelBlock + 10, theme);
}

function lineChart(chart: ChartBlock, theme: Theme): ChartSvg {
	const s = new Svg();
	const top = legend(s, theme, chart.series, 0) + 8;
	const plotX = 32;
	const plotWidth = CHART_WIDTH - plotX - 10;
	const plotHeight = 230;
	const n = chart.categories.length;
	const slot = plotWidth / Math.max(1, n);
	const bottom = top + plotHeight;
	const x = (k: number) => plotX + slot * (k + 0.5);
	const y = (v: number) => bottom - (Math.max(0, Math.min(chart.max, v)) / chart.max) * plotHeight;
	for (const v of TICKS.filter((t) => t <= chart.max)) {
		s.line(
			plotX,
			y(v),
			plotX + plotWidth,
			y(v),
			v === 0 ? theme.muted : theme.rule,
			v === 0 ? 1 : 0.6
		);
		s.text(plotX - 6, y(v) + 4, String(v), 10, { anchor: 'end', fill: theme.muted });
	}
	const labels = chart.categories.map((c) => wrapText(c, slot - 6, 11, 2));
	labels.forEach((lines, k) =>
		lines.forEach((line, j) => s.text(x(k), bottom + 16 + j * 14, line, 11, { anchor: 'middle' }))
	);
	chart.series.forEach((series, i) => {
		const color = seriesColor(theme, series, i);
		// Null values break the line rather than dropping to zero.
		for (let k = 1; k < n; k++) {
			const a = series.values[k - 1];
			const b = series.values[k];
			if (a === null || a === undefined || b === null || b === undefined) continue;
			s.line(x(k - 1), y(a), x(k), y(b), color, i === 0 ? 2.6 : 1.6);
		}
		series.values.forEach((v, k) => {
			if (v !== null) s.circle(x(k), y(v), i === 0 ? 3.4 : 2.4, color);
		});
	});
	chart.series[0]?.values.forEach((v, k) => {
		if (v === null) return;
		const label = fmt(v);
		const width = textWidth(label, 10);
		s.rect(x(k) - width / 2 - 2, y(v) - 19, width + 4, 13, [255, 255, 255]);
		s.text(x(k), y(v) - 9, label, 10, { anchor: 'middle', bold: true });
	});
	const labelHeight = Math.max(1, ...labels.map((l) => l.length)) * 14 + 10;
	return s.done(CHART_WIDTH, bottom + labelHeight, theme);
}

/** The chart as an SVG document of CHART_WIDTH pixels, its height following its content. */
export function chartSvg(chart: ChartBlock, theme: Theme): ChartSvg {
	if (chart.chart === 'radar') return radarChart(chart, theme);
	if (chart.chart === 'line') return lineChart(chart, theme);
	return barChart(chart, theme);
}
