/**
 * The PDF report: draws a report model (built by the domain) with jsPDF, with real text in an
 * embedded, subset CJK font — never page screenshots. Runs unchanged in Node (the CLI) and in
 * the browser; jsPDF is imported on first use, since it must not load during prerendering.
 */
import { yieldingProgress } from './progress';
import type { jsPDF as JsPdf } from 'jspdf';
import type { Block, ReportModel } from '../domain/report-model';
import { allText, mapStrings } from './model-text';
import {
	cover,
	furniture,
	outline,
	sectionTitle,
	subsectionTitle,
	TOC_LINE,
	tocLine,
	type TocEntry
} from './pages';
import { chart } from './charts';
import { fullWidthPunctuation } from './punctuation';
import { binaryToBytes, rewriteInfoStrings } from './pdf-strings';
import { binaryString, prepareFonts, type ReportFonts } from './fonts';
import { PAGE, TYPE, makeTheme } from './theme';
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

export { ReportRenderError } from './pages';

/** The name the app and the PDF metadata give as the creating program. */
export const REPORT_CREATOR = 'gd-digital-economy-assessment (数字经济发展水平自评估)';

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

export async function renderReportPdf(
	source: ReportModel,
	options: RenderReportOptions
): Promise<Uint8Array> {
	const progress = yieldingProgress(options.onProgress);
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
	options.onProgress?.(1);
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
