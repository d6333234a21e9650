/**
 * The PDF report: draws a report model (built by the domain) with jsPDF, with real text in an
 * embedded, subset CJK font — never page screenshots. Runs unchanged in Node (the CLI) and in
 * the browser; jsPDF is imported on first use, since it must not load during prerendering.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import type { Block, ReportModel, ReportSection } from '../domain/report-model';
import { chart } from './charts';
import { fullWidthPunctuation } from './punctuation';
import { binaryToBytes, hexTextString, rewriteInfoStrings } from './pdf-strings';
import { binaryString, prepareFonts, type ReportFonts } from './fonts';
import { CONTENT_WIDTH, PAGE, TYPE, makeTheme } from './theme';
import { Writer } from './writer';

export interface ReportBranding {
	/** Consultant or organisation that prepared the report */
	preparedBy?: string;
	/** '#rrggbb' */
	accentColor?: string;
	logo?: { data: Uint8Array; type: 'PNG' | 'JPEG' };
}

export interface RenderReportOptions {
	font: ReportFonts;
	branding?: ReportBranding;
	/** harfbuzz-subset.wasm bytes; by default read from the harfbuzzjs package (see subset.ts) */
	subsetWasm?: BufferSource;
	/**
	 * Called with the characters of the text that no report face can draw (emoji, scripts the
	 * faces lack, characters beyond the BMP, rare ones when the fallback face could not be
	 * loaded): each is printed as a visible placeholder (□), and the caller should say so.
	 */
	onUnprintable?: (characters: string[]) => void;
	/** Called with the share of the work done (0–1), for a progress bar */
	onProgress?: (done: number) => void;
}

export class ReportRenderError extends Error {}

/** The name the app and the PDF metadata give as the creating program. */
export const REPORT_CREATOR = 'gd-digital-economy-assessment (数字经济发展水平自评估)';

function mapStrings(model: ReportModel, clean: (s: string) => string): ReportModel {
	const block = (b: Block): Block => {
		switch (b.kind) {
			case 'paragraph':
			case 'heading':
				return { ...b, text: clean(b.text) };
			case 'list':
				return { ...b, items: b.items.map(clean) };
			case 'figures':
				return {
					...b,
					items: b.items.map((i) => ({
						label: clean(i.label),
						value: clean(i.value),
						detail: i.detail === undefined ? undefined : clean(i.detail)
					}))
				};
			case 'table':
				return {
					...b,
					caption: b.caption === undefined ? undefined : clean(b.caption),
					columns: b.columns.map((c) => ({ ...c, header: clean(c.header) })),
					rows: b.rows.map((r) => r.map(clean))
				};
			case 'chart':
				return {
					...b,
					title: clean(b.title),
					categories: b.categories.map(clean),
					series: b.series.map((s) => ({ ...s, name: clean(s.name) })),
					table: block(b.table) as typeof b.table
				};
		}
	};
	const section = (s: ReportSection): ReportSection => ({
		...s,
		title: clean(s.title),
		blocks: s.blocks.map(block),
		children: s.children.map(section)
	});
	const m = model.meta;
	return {
		...model,
		meta: {
			...m,
			title: clean(m.title),
			subjectName: clean(m.subjectName),
			period: clean(m.period),
			assessor: clean(m.assessor),
			rubricTitle: clean(m.rubricTitle),
			preparedBy: m.preparedBy === undefined ? undefined : clean(m.preparedBy),
			cover: m.cover.map((c) => ({ label: clean(c.label), value: clean(c.value) }))
		},
		sections: model.sections.map(section),
		furniture: { contents: clean(model.furniture.contents), pageOf: clean(model.furniture.pageOf) }
	};
}

/** Every string of the model, for the font subset. */
function allText(model: ReportModel): string {
	const parts: string[] = [];
	const block = (b: Block) => {
		if (b.kind === 'paragraph' || b.kind === 'heading') parts.push(b.text);
		else if (b.kind === 'list') parts.push(...b.items);
		else if (b.kind === 'figures')
			for (const i of b.items) parts.push(i.label, i.value, i.detail ?? '');
		else if (b.kind === 'table') {
			parts.push(b.caption ?? '', ...b.columns.map((c) => c.header));
			for (const r of b.rows) parts.push(...r);
		} else {
			parts.push(b.title, ...b.categories, ...b.series.map((s) => s.name));
			block(b.table);
		}
	};
	const section = (s: ReportSection) => {
		parts.push(s.title);
		s.blocks.forEach(block);
		s.children.forEach(section);
	};
	model.sections.forEach(section);
	const m = model.meta;
	parts.push(m.title, m.subjectName, m.period, m.assessor, m.rubricTitle, m.preparedBy ?? '');
	for (const c of m.cover) parts.push(c.label, c.value);
	parts.push(model.furniture.contents, model.furniture.pageOf);
	return parts.join('\n');
}

/** Characters the renderer itself draws: digits, leaders, bullets, ellipses, axis values. */
const FURNITURE_CHARS = '0123456789 .,/:;-+—–…•·%()[]|□?';

/** Six capital letters from a hash: the subset tag of a font name (PDF 32000 §9.6.4). */
function hashTag(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	let tag = '';
	for (let i = 0; i < 6; i++) {
		tag += String.fromCharCode(65 + (h % 26));
		h = Math.floor(h / 26) ^ Math.imul(h, 31);
		h >>>= 0;
	}
	return tag;
}

function hashHex(text: string): string {
	let out = '';
	for (let seed = 0; seed < 4; seed++) {
		let h = (0x811c9dc5 ^ seed) >>> 0;
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
		out += h.toString(16).padStart(8, '0');
	}
	return out.toUpperCase();
}

/**
 * Registers a font that is already a subset. jsPDF would subset it again when writing the file,
 * with an algorithm quadratic in the number of glyphs (seconds for a report's thousand CJK
 * glyphs); the font is embedded as it is instead. Its glyph ids are the ones jsPDF encodes text
 * with, since jsPDF parsed this very file. Should a jsPDF version lack the hook, its own
 * (slower) subsetting still gives a correct file.
 */
function addSubsetFont(doc: JsPdf, file: string, name: string, bytes: Uint8Array) {
	doc.addFileToVFS(file, binaryString(bytes));
	doc.addFont(file, name, 'normal', 'normal', 'Identity-H');
	doc.setFont(name, 'normal');
	const metadata = (doc.getFont() as { metadata?: FontMetadata }).metadata;
	if (!metadata?.subset || typeof metadata.subset.encode !== 'function') return null;
	metadata.subset.encode = () => bytes;
	return { metadata, bytes };
}

/** The parts of jsPDF's parsed TrueType font used here (jsPDF 4 keeps them on `metadata`). */
interface FontMetadata {
	subset?: { encode?: (...args: unknown[]) => unknown };
	/** Glyph ids drawn so far */
	glyIdsUsed?: number[];
	/** Glyph id → UTF-16 code unit drawn with it */
	toUnicode?: Record<string, number>;
}

interface TocEntry {
	title: string;
	level: 1 | 2;
	page: number;
	children: TocEntry[];
}

const TOC_LINE = { 1: 20, 2: 14.5 } as const;

export async function renderReportPdf(
	source: ReportModel,
	options: RenderReportOptions
): Promise<Uint8Array> {
	// With a progress bar to show, yield between long synchronous steps so the page can paint.
	// Without one (the CLI) never yield: in Node a yield right after subsetting waits for the
	// wasm engine's background work, where running on lets it finish in parallel.
	const onProgress = options.onProgress;
	const progress = async (done: number) => {
		if (!onProgress) return;
		onProgress(done);
		await new Promise<void>((resolve) => setTimeout(resolve, 0));
	};
	await progress(0);
	const { jsPDF } = await import('jspdf');
	const branding = options.branding ?? {};
	const fonts = await prepareFonts(
		options.font,
		allText(source) + (branding.preparedBy ?? ''),
		options.subsetWasm
	);
	const clean = (text: string) => fonts.sanitize(fullWidthPunctuation(text));
	const model = mapStrings(source, clean);
	const preparedBy = clean(branding.preparedBy ?? model.meta.preparedBy ?? '').trim();
	const text = allText(model) + preparedBy + FURNITURE_CHARS;
	const tag = hashTag(text);
	await progress(0.1);
	const embedded = fonts.subset(text);
	await progress(0.25);

	const doc: JsPdf = new jsPDF({
		unit: 'pt',
		format: 'a4',
		compress: true,
		putOnlyUsedFonts: true
	});
	const names = { ...fonts.names };
	const registered: NonNullable<ReturnType<typeof addSubsetFont>>[] = [];
	for (const face of ['song', 'hei', 'latin', 'fallback'] as const) {
		const bytes = embedded[face];
		names[face] = `${tag}+${fonts.names[face]}`;
		if (!bytes) continue;
		const font = addSubsetFont(doc, `report-${face}.ttf`, names[face], bytes);
		if (font) registered.push(font);
	}
	options.onUnprintable?.([...fonts.replaced]);
	const theme = makeTheme(branding.accentColor);
	const w = new Writer(doc, { names, faceOf: fonts.faceOf }, theme);

	const meta = model.meta;
	doc.setDocumentProperties({
		title: `${meta.title} — ${meta.subjectName}`,
		subject: [meta.subjectName, meta.period, `${meta.rubricTitle} v${meta.rubricVersion}`]
			.filter(Boolean)
			.join('; '),
		author: preparedBy || meta.assessor,
		keywords: [meta.rubricId, meta.rubricVersion, meta.period].filter(Boolean).join(', '),
		creator: REPORT_CREATOR
	});
	doc.setLanguage(meta.language as Parameters<JsPdf['setLanguage']>[0]);
	// Same model, same file: dates and the file id come from the model, not from the clock.
	if (/^\d{4}-\d{2}-\d{2}$/.test(meta.generatedOn))
		doc.setCreationDate(new Date(`${meta.generatedOn}T00:00:00Z`));
	doc.setFileId(hashHex(JSON.stringify(source)));
	doc.setDisplayMode('fullwidth', 'continuous', 'UseOutlines');

	cover(w, model, preparedBy, branding.logo);

	// The table of contents: its entries are known before layout, so its pages are reserved now
	// and filled in with page numbers at the end.
	const toc: TocEntry[] = model.sections.map((s) => ({
		title: s.title,
		level: 1,
		page: 0,
		children: s.children.map((c) => ({ title: c.title, level: 2, page: 0, children: [] }))
	}));
	const tocLines = toc.flatMap((e) => [e, ...e.children]);
	const tocStart = w.page + 1;
	const tocPages: TocEntry[][] = [[]];
	{
		let y = PAGE.top + TYPE.section.lineHeight + 18;
		for (const e of tocLines) {
			if (y + TOC_LINE[e.level] > PAGE.bottom) {
				tocPages.push([]);
				y = PAGE.top;
			}
			tocPages[tocPages.length - 1]!.push(e);
			y += TOC_LINE[e.level];
		}
	}
	for (let i = 0; i < tocPages.length; i++) w.newPage();

	const total = model.sections.length || 1;
	for (const [i, s] of model.sections.entries()) {
		w.newPage();
		toc[i]!.page = w.page;
		sectionTitle(w, s.title);
		for (const b of s.blocks) block(w, b);
		for (const [j, child] of s.children.entries()) {
			subsectionTitle(w, child.title);
			toc[i]!.children[j]!.page = w.page;
			for (const b of child.blocks) block(w, b);
		}
		await progress(0.25 + (0.65 * (i + 1)) / total);
	}

	// Contents, with page numbers and links.
	tocPages.forEach((entries, p) => {
		doc.setPage(tocStart + p);
		w.y = PAGE.top;
		if (p === 0) sectionTitle(w, model.furniture.contents);
		for (const e of entries) tocLine(w, e);
	});
	outline(doc, toc, tocStart, model.furniture.contents);
	furniture(w, model, preparedBy);
	// Now that every glyph is drawn, embed only those: the bold weight draws headings only.
	for (const font of registered) {
		const glyphs = font.metadata.glyIdsUsed;
		if (!glyphs || !font.metadata.toUnicode || !font.metadata.subset) continue;
		try {
			const trimmed = fonts.trim(font.bytes, Object.values(font.metadata.toUnicode), glyphs);
			font.metadata.subset.encode = () => trimmed;
		} catch {
			// Only a saving: the subset made before layout is complete and stays embedded.
		}
	}
	await progress(0.95);
	const bytes = binaryToBytes(rewriteInfoStrings(doc.output()));
	onProgress?.(1);
	return bytes;
}

function block(w: Writer, b: Block) {
	switch (b.kind) {
		case 'paragraph':
			return w.paragraph(b.text, b.tone);
		case 'heading':
			return w.heading(b.text);
		case 'list':
			return w.list(b.items);
		case 'figures':
			return w.figures(b.items);
		case 'table':
			return w.table(b);
		case 'chart':
			// Bars carry their values; from a radar or a trend line they cannot be read exactly,
			// so those are followed by their data table, kept on the same page.
			if (b.chart === 'bar') return chart(w, b);
			chart(w, b, w.tableHeight(b.table));
			return w.table(b.table);
	}
}

function sectionTitle(w: Writer, title: string) {
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

function subsectionTitle(w: Writer, title: string) {
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

function tocLine(w: Writer, e: TocEntry) {
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

function outline(doc: JsPdf, toc: TocEntry[], tocPage: number, contents: string) {
	// Titles as hex strings: jsPDF's literal strings garble characters such as 服 (pdf-strings.ts).
	(doc.outline as unknown as { makeString: (s: string) => string }).makeString = hexTextString;
	doc.outline.add(null, contents, { pageNumber: tocPage });
	for (const e of toc) {
		const node = doc.outline.add(null, e.title, { pageNumber: e.page });
		for (const c of e.children) doc.outline.add(node, c.title, { pageNumber: c.page });
	}
}

function cover(
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
function furniture(w: Writer, model: ReportModel, preparedBy: string) {
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
