/**
 * Layout primitives over a jsPDF document: a cursor that flows down the page and onto new pages,
 * text measured with the embedded font, and the text blocks of the report model (paragraphs,
 * lists, key figures; tables are drawn by table.ts). Charts are in charts.ts.
 */
import type { jsPDF } from 'jspdf';
import type { Align, TableBlock } from '../domain/report-model';
import { breakLines } from './line-break';
import type { ReportFace } from './font-files';
import type { Style } from './fonts';
import { drawTable, tableHeight } from './table';
import { CONTENT_WIDTH, PAGE, TYPE, type Rgb, type Theme } from './theme';

export interface TextStyle {
	size: number;
	/** Set in the Hei face (headings, table headers, key figures) instead of the body face */
	bold?: boolean;
	color?: Rgb;
	align?: Align;
}

/** What the writer needs of the prepared fonts: the embedded names and the face of each character. */
export interface WriterFonts {
	names: Record<ReportFace, string>;
	faceOf(chars: readonly string[], i: number, style: Style): ReportFace;
}

/** A stretch of a line drawn in one face. */
interface Run {
	face: ReportFace;
	text: string;
	units: number;
}

export class Writer {
	/** Top of the free space on the current page */
	y: number = PAGE.top;
	/** Per face, per character: advance width in units of the font size */
	private readonly unitWidths = new Map<string, number>();
	private current = { font: '', size: 0, color: '' };

	constructor(
		readonly doc: jsPDF,
		readonly fonts: WriterFonts,
		readonly theme: Theme
	) {}

	get page(): number {
		return this.doc.getNumberOfPages();
	}

	/** Space left on this page. */
	get room(): number {
		return PAGE.bottom - this.y;
	}

	newPage(): void {
		this.doc.addPage();
		this.y = PAGE.top;
	}

	/** Starts a new page unless `height` still fits on this one. */
	ensure(height: number): void {
		if (this.y + height > PAGE.bottom && this.y > PAGE.top) this.newPage();
	}

	private useFont(face: ReportFace, size: number) {
		const font = this.fonts.names[face];
		if (font !== this.current.font) {
			this.doc.setFont(font, 'normal');
			this.current.font = font;
		}
		if (size !== this.current.size) {
			this.doc.setFontSize(size);
			this.current.size = size;
		}
	}

	private unitWidth(face: ReportFace, c: string): number {
		const key = face + c;
		let w = this.unitWidths.get(key);
		if (w === undefined) {
			this.useFont(face, this.current.size || 10);
			w = this.doc.getStringUnitWidth(c);
			this.unitWidths.set(key, w);
		}
		return w;
	}

	/**
	 * `text` split where the face changes: body text (`bold` false) is Song with Latin in the
	 * serif face, headings (`bold` true) are Hei; either may take characters from the fallback.
	 */
	private runs(text: string, bold: boolean | undefined): Run[] {
		const chars = [...text];
		const style = bold ? 'hei' : 'song';
		const runs: Run[] = [];
		let last: Run | undefined;
		for (let i = 0; i < chars.length; i++) {
			const face = this.fonts.faceOf(chars, i, style);
			const units = this.unitWidth(face, chars[i]!);
			if (last && last.face === face) {
				last.text += chars[i];
				last.units += units;
			} else runs.push((last = { face, text: chars[i]!, units }));
		}
		return runs;
	}

	/** Width of `text` in points; per-character widths are measured once with each face. */
	width(text: string, size: number, bold = false): number {
		let units = 0;
		for (const run of this.runs(text, bold)) units += run.units;
		return units * size;
	}

	lines(text: string, maxWidth: number, size: number, bold = false): string[] {
		return breakLines(text, maxWidth, (s) => this.width(s, size, bold));
	}

	/**
	 * Like `clampLines`, but with lines of even length: a label that needs two lines is split
	 * near its middle rather than leaving one or two characters alone on the second line.
	 */
	balancedLines(text: string, maxWidth: number, size: number, max: number, bold = false): string[] {
		const lines = this.clampLines(text, maxWidth, size, max, bold);
		if (lines.length < 2 || lines.length >= max) return lines;
		const total = this.width(text, size, bold);
		for (let width = total / lines.length; width < maxWidth; width += size / 2) {
			const even = this.lines(text, width, size, bold);
			if (even.length === lines.length) return even;
		}
		return lines;
	}

	/** `text` cut to `maxWidth` with an ellipsis, on one line. */
	fit(text: string, maxWidth: number, size: number, bold = false): string {
		const flat = text.replace(/\s*\n\s*/g, ' ');
		if (this.width(flat, size, bold) <= maxWidth) return flat;
		let out = '';
		let width = 0;
		const budget = maxWidth - this.width('…', size, bold);
		for (const c of flat) {
			width += this.width(c, size, bold);
			if (width > budget) break;
			out += c;
		}
		return out.trimEnd() + '…';
	}

	/** At most `max` lines, the last one ending in an ellipsis when text was left out. */
	clampLines(text: string, maxWidth: number, size: number, max: number, bold = false): string[] {
		const all = this.lines(text, maxWidth, size, bold);
		if (all.length <= max) return all;
		const kept = all.slice(0, max);
		kept[max - 1] = this.fit(kept[max - 1]! + '…', maxWidth, size, bold);
		return kept;
	}

	setFill(rgb: Rgb) {
		this.doc.setFillColor(rgb[0], rgb[1], rgb[2]);
	}

	setStroke(rgb: Rgb, width = 0.5) {
		this.doc.setDrawColor(rgb[0], rgb[1], rgb[2]);
		this.doc.setLineWidth(width);
	}

	rect(x: number, y: number, w: number, h: number, fill: Rgb) {
		this.setFill(fill);
		this.doc.rect(x, y, w, h, 'F');
	}

	rule(x1: number, y: number, x2: number, color: Rgb = this.theme.rule, width = 0.5) {
		this.setStroke(color, width);
		this.doc.line(x1, y, x2, y);
	}

	/** Draws one line of text with its baseline at `baseline`; `x` is the left, right or centre. */
	text(text: string, x: number, baseline: number, style: TextStyle): void {
		if (!text) return;
		const color = style.color ?? this.theme.ink;
		const key = color.join(',');
		if (key !== this.current.color) {
			this.doc.setTextColor(color[0], color[1], color[2]);
			this.current.color = key;
		}
		const runs = this.runs(text, style.bold);
		const width = runs.reduce((s, r) => s + r.units, 0) * style.size;
		let left = x;
		if (style.align === 'right') left = x - width;
		else if (style.align === 'center') left = x - width / 2;
		for (const run of runs) {
			this.useFont(run.face, style.size);
			this.doc.text(run.text, left, baseline);
			left += run.units * style.size;
		}
	}

	/** The baseline that centres a line of `size` text in a line box starting at `top`. */
	static baseline(top: number, lineHeight: number, size: number): number {
		return top + lineHeight / 2 + size * 0.36;
	}

	/**
	 * Flows lines down the page, starting new pages as needed. `box` is called for each run of
	 * lines that lands on one page, before they are drawn, to paint a background.
	 */
	flowLines(
		lines: string[],
		x: number,
		style: TextStyle & { lineHeight: number },
		options: { width?: number; pad?: number; box?: (top: number, height: number) => void } = {}
	): void {
		const pad = options.pad ?? 0;
		let i = 0;
		while (i < lines.length) {
			// Keep at least two lines of a paragraph together at a page break (no orphans).
			const fit = Math.floor((this.room - 2 * pad) / style.lineHeight);
			const left = lines.length - i;
			if (fit < Math.min(2, left)) {
				this.newPage();
				continue;
			}
			const take = Math.min(fit, left);
			const height = take * style.lineHeight + 2 * pad;
			options.box?.(this.y, height);
			let top = this.y + pad;
			for (const line of lines.slice(i, i + take)) {
				const anchor =
					style.align === 'right'
						? x + (options.width ?? 0)
						: style.align === 'center'
							? x + (options.width ?? 0) / 2
							: x;
				this.text(line, anchor, Writer.baseline(top, style.lineHeight, style.size), style);
				top += style.lineHeight;
			}
			this.y += height;
			i += take;
			if (i < lines.length) this.newPage();
		}
	}

	paragraph(text: string, tone: 'normal' | 'note' | 'warning' = 'normal'): void {
		const t = this.theme;
		if (tone === 'warning') {
			const pad = 7;
			const inset = 12;
			const lines = this.lines(text, CONTENT_WIDTH - inset - pad, TYPE.body.size);
			this.flowLines(
				lines,
				PAGE.left + inset,
				{ ...TYPE.body, color: t.warningInk },
				{
					pad,
					box: (top, height) => {
						this.rect(PAGE.left, top, CONTENT_WIDTH, height, t.warningFill);
						this.rect(PAGE.left, top, 3, height, t.warningBar);
					}
				}
			);
			this.y += 10;
			return;
		}
		const type = tone === 'note' ? TYPE.note : TYPE.body;
		const lines = this.lines(text, CONTENT_WIDTH, type.size);
		this.flowLines(lines, PAGE.left, { ...type, color: tone === 'note' ? t.muted : t.ink });
		this.y += 8;
	}

	heading(text: string): void {
		const type = TYPE.heading;
		const lines = this.lines(text, CONTENT_WIDTH, type.size, true);
		// Keep the heading with the first lines of what follows it.
		this.ensure(8 + lines.length * type.lineHeight + 60);
		this.y += 8;
		this.flowLines(lines, PAGE.left, { ...type, bold: true, color: this.theme.accentText });
		this.y += 4;
	}

	list(items: string[]): void {
		const type = TYPE.body;
		const indent = 14;
		for (const item of items) {
			const lines = this.lines(item, CONTENT_WIDTH - indent, type.size);
			this.ensure(type.lineHeight * Math.min(2, lines.length));
			this.text('•', PAGE.left + 3, Writer.baseline(this.y, type.lineHeight, type.size), {
				size: type.size,
				color: this.theme.accent
			});
			this.flowLines(lines, PAGE.left + indent, type);
			this.y += 3;
		}
		this.y += 6;
	}

	/** Key figures as a row of cards. */
	figures(items: { label: string; value: string; detail?: string }[]): void {
		if (items.length === 0) return;
		const t = this.theme;
		const perRow = Math.min(4, items.length);
		const gap = 10;
		const pad = 9;
		const cardWidth = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
		const inner = cardWidth - 2 * pad - 3;
		const label = TYPE.small;
		const value = { size: 17, lineHeight: 22 };
		for (let start = 0; start < items.length; start += perRow) {
			const row = items.slice(start, start + perRow).map((item) => ({
				label: this.clampLines(item.label, inner, label.size, 2),
				value: this.clampLines(item.value, inner, value.size, 2, true),
				detail: item.detail ? this.clampLines(item.detail, inner, label.size, 2) : []
			}));
			const height =
				2 * pad +
				Math.max(
					...row.map(
						(c) =>
							(c.label.length + c.detail.length) * label.lineHeight +
							c.value.length * value.lineHeight +
							4
					)
				);
			this.ensure(height);
			row.forEach((card, i) => {
				const x = PAGE.left + i * (cardWidth + gap);
				this.rect(x, this.y, cardWidth, height, t.accentWash);
				this.rect(x, this.y, 3, height, t.accent);
				let top = this.y + pad;
				const tx = x + pad + 3;
				for (const line of card.label) {
					this.text(line, tx, Writer.baseline(top, label.lineHeight, label.size), {
						size: label.size,
						color: t.muted
					});
					top += label.lineHeight;
				}
				top += 2;
				for (const line of card.value) {
					this.text(line, tx, Writer.baseline(top, value.lineHeight, value.size), {
						size: value.size,
						bold: true,
						color: t.accentText
					});
					top += value.lineHeight;
				}
				top += 2;
				for (const line of card.detail) {
					this.text(line, tx, Writer.baseline(top, label.lineHeight, label.size), {
						size: label.size,
						color: t.muted
					});
					top += label.lineHeight;
				}
			});
			this.y += height + 10;
		}
	}

	/** The height `table` will take, when it is not split across pages. */
	tableHeight(block: TableBlock): number {
		return tableHeight(this, block);
	}

	/** Draws a table (see table.ts). */
	table(block: TableBlock, options: { width?: number; x?: number } = {}): void {
		drawTable(this, block, options);
	}
}
