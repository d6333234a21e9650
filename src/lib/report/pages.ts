/**
 * The fixed parts of the report's pages: cover, section titles, table of contents, bookmarks and
 * the running header and footer.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import type { ReportModel } from '../domain/report-model';
import { hexTextString } from './pdf-strings';
import type { ReportBranding } from './pdf';
import { CONTENT_WIDTH, PAGE, TYPE } from './theme';
import { Writer } from './writer';

export class ReportRenderError extends Error {}

export interface TocEntry {
	title: string;
	level: 1 | 2;
	page: number;
	children: TocEntry[];
}

export const TOC_LINE = { 1: 20, 2: 14.5 } as const;

export function sectionTitle(w: Writer, title: string) {
	const type = TYPE.section;
	const lines = w.clampLines(title, CONTENT_WIDTH, type.size, 3, true);
	for (const line of lines) {
		w.text(line, PAGE.left, Writer.baseline(w.y, type.lineHeight, type.size), {
			size: type.size,
			bold: true,
			color: w.theme.accentText
		});
		w.y += type.lineHeight;
	}
	w.y += 4;
	w.rect(PAGE.left, w.y, 36, 3, w.theme.accent);
	w.rule(PAGE.left + 36, w.y + 1.5, PAGE.left + CONTENT_WIDTH, w.theme.rule, 0.6);
	w.y += 14;
}

export function subsectionTitle(w: Writer, title: string) {
	const type = TYPE.subsection;
	const lines = w.clampLines(title, CONTENT_WIDTH - 12, type.size, 3, true);
	// Keep the title with the start of its content.
	w.ensure(10 + lines.length * type.lineHeight + 110);
	w.y += 10;
	w.rect(PAGE.left, w.y + 3, 4, lines.length * type.lineHeight - 6, w.theme.accent);
	for (const line of lines) {
		w.text(line, PAGE.left + 12, Writer.baseline(w.y, type.lineHeight, type.size), {
			size: type.size,
			bold: true
		});
		w.y += type.lineHeight;
	}
	w.y += 8;
}

export function tocLine(w: Writer, e: TocEntry) {
	const height = TOC_LINE[e.level];
	const size = e.level === 1 ? 11 : 9.5;
	const bold = e.level === 1;
	const indent = e.level === 1 ? 0 : 16;
	const number = String(e.page);
	const numberWidth = w.width(number, size, bold);
	const right = PAGE.left + CONTENT_WIDTH;
	const title = w.fit(e.title, CONTENT_WIDTH - indent - numberWidth - 30, size, bold);
	const baseline = Writer.baseline(w.y, height, size);
	const color = e.level === 1 ? w.theme.ink : w.theme.muted;
	w.text(title, PAGE.left + indent, baseline, { size, bold, color });
	w.text(number, right, baseline, { size, bold, color, align: 'right' });
	// Dotted leader between the title and the page number.
	const from = PAGE.left + indent + w.width(title, size, bold) + 6;
	const to = right - numberWidth - 6;
	if (to > from) {
		w.setStroke(w.theme.rule, 0.8);
		w.doc.setLineDashPattern([0.8, 2.4], 0);
		w.doc.line(from, baseline - 1, to, baseline - 1);
		w.doc.setLineDashPattern([], 0);
	}
	w.doc.link(PAGE.left, w.y, CONTENT_WIDTH, height, { pageNumber: e.page });
	w.y += height;
}

export function outline(doc: JsPdf, toc: TocEntry[], tocPage: number, contents: string) {
	// Titles as hex strings: jsPDF's literal strings garble characters such as 服 (pdf-strings.ts).
	(doc.outline as unknown as { makeString: (s: string) => string }).makeString = hexTextString;
	doc.outline.add(null, contents, { pageNumber: tocPage });
	for (const e of toc) {
		const node = doc.outline.add(null, e.title, { pageNumber: e.page });
		for (const c of e.children) doc.outline.add(node, c.title, { pageNumber: c.page });
	}
}

export function cover(
	w: Writer,
	model: ReportModel,
	preparedBy: string,
	logo: ReportBranding['logo'] | undefined
) {
	const t = w.theme;
	const meta = model.meta;
	const doc = w.doc;
	// A band of the accent colour along the top and a thin one at the foot.
	w.rect(0, 0, PAGE.width, 14, t.accent);
	w.rect(0, PAGE.height - 26, PAGE.width, 26, t.accent);

	if (logo) {
		let props: { width: number; height: number };
		try {
			props = doc.getImageProperties(logo.data);
		} catch {
			throw new ReportRenderError(`the logo is not a readable ${logo.type} image`);
		}
		const scale = Math.min(160 / props.width, 64 / props.height);
		const width = props.width * scale;
		const height = props.height * scale;
		try {
			doc.addImage(logo.data, logo.type, PAGE.left, 56, width, height, 'logo', 'FAST');
		} catch {
			throw new ReportRenderError(`the logo is not a readable ${logo.type} image`);
		}
	}

	let y = 230;
	const titleLines = w.clampLines(meta.title, CONTENT_WIDTH, 26, 3, true);
	for (const line of titleLines) {
		w.text(line, PAGE.left, Writer.baseline(y, 36, 26), {
			size: 26,
			bold: true,
			color: t.accentText
		});
		y += 36;
	}
	y += 6;
	for (const line of w.clampLines(meta.subjectName, CONTENT_WIDTH, 20, 3, true)) {
		w.text(line, PAGE.left, Writer.baseline(y, 28, 20), { size: 20, bold: true });
		y += 28;
	}
	y += 4;
	for (const line of w.clampLines(meta.rubricTitle, CONTENT_WIDTH, 11, 2)) {
		w.text(line, PAGE.left, Writer.baseline(y, 16, 11), { size: 11, color: t.muted });
		y += 16;
	}
	y += 14;
	w.rect(PAGE.left, y, 48, 3, t.accent);
	w.rule(PAGE.left + 48, y + 1.5, PAGE.left + CONTENT_WIDTH, t.rule, 0.6);
	y += 26;

	// Cover lines: label and value in two columns; long values wrap (at most three lines).
	const labelSize = 10;
	const labelWidth =
		Math.min(130, Math.max(...meta.cover.map((c) => w.width(c.label, labelSize)), 40)) + 16;
	const lineHeight = 17;
	const bottom = PAGE.height - 26 - 40 - (preparedBy ? 30 : 0);
	for (const line of meta.cover) {
		const values = w.clampLines(line.value, CONTENT_WIDTH - labelWidth, 11, 3);
		if (y + values.length * lineHeight > bottom) break;
		w.text(
			w.fit(line.label, labelWidth - 12, labelSize),
			PAGE.left,
			Writer.baseline(y, lineHeight, 11),
			{
				size: labelSize,
				color: t.muted
			}
		);
		for (const v of values) {
			w.text(v, PAGE.left + labelWidth, Writer.baseline(y, lineHeight, 11), { size: 11 });
			y += lineHeight;
		}
		y += 4;
	}
	if (preparedBy)
		w.text(w.fit(preparedBy, CONTENT_WIDTH, 13, true), PAGE.left, PAGE.height - 26 - 40, {
			size: 13,
			bold: true,
			color: t.accentText
		});
}

/** Running header and footer on every page but the cover. */
export function furniture(w: Writer, model: ReportModel, preparedBy: string) {
	const total = w.page;
	const t = w.theme;
	const half = CONTENT_WIDTH / 2 - 10;
	const subject = [model.meta.subjectName, model.meta.period].filter(Boolean).join(' ');
	const title = w.fit(model.meta.title, half, 8);
	const right = w.fit(subject, half, 8);
	for (let page = 2; page <= total; page++) {
		w.doc.setPage(page);
		w.text(title, PAGE.left, PAGE.headerBaseline, { size: 8, color: t.muted });
		w.text(right, PAGE.left + CONTENT_WIDTH, PAGE.headerBaseline, {
			size: 8,
			color: t.muted,
			align: 'right'
		});
		w.rule(PAGE.left, PAGE.headerBaseline + 7, PAGE.left + CONTENT_WIDTH);
		const label = model.furniture.pageOf
			.replace('{n}', String(page))
			.replace('{total}', String(total));
		w.rule(PAGE.left, PAGE.footerBaseline - 13, PAGE.left + CONTENT_WIDTH);
		w.text(label, PAGE.left + CONTENT_WIDTH / 2, PAGE.footerBaseline, {
			size: 8,
			color: t.muted,
			align: 'center'
		});
		if (preparedBy)
			w.text(w.fit(preparedBy, half - 40, 8), PAGE.left, PAGE.footerBaseline, {
				size: 8,
				color: t.muted
			});
	}
}
