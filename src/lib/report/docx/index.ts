/**
 * The Word (.docx) report, for the app and the CLI: `renderReportDocx(buildReportModel(...),
 * { chartFont })`. The same report model as the PDF, written with the `docx` package as a
 * document a consultant finishes in Word or WPS: built-in heading styles (navigation pane and a
 * table of contents Word fills on opening), real tables, the charts as pictures each followed
 * by its data table, page numbers, the branding and a signature block. This module is its own
 * lazy entry: the PDF export never loads it, and it never loads jsPDF.
 */
import { yieldingProgress } from '../progress';
import { Document, Packer, Paragraph, TableOfContents, TextRun } from 'docx';
import type { ReportModel } from '../../domain/report-model';
import { REPORT_FONT_FILES } from '../font-files';
import { mapStrings } from '../model-text';
import { fullWidthPunctuation } from '../punctuation';
import { readNameTable } from '../sfnt';
import { makeTheme } from '../theme';
import { blockContent, heading, type BlockContext, type ChartPicture } from './blocks';
import { chartSvg } from './chart-svg';
import { cover, pageFooter, pageHeader, signatureBlock, type Logo } from './cover';
import { createRasterizer } from './rasterize';
import { documentStyles, numbering, PAGE } from './styles';

export { ChartRenderError } from './rasterize';

export interface DocxBranding {
	/** Consultant or organisation that prepared the report */
	preparedBy?: string;
	/** '#rrggbb' */
	accentColor?: string;
	logo?: Logo;
}

export interface RenderDocxOptions {
	/** The TrueType face the chart pictures are drawn with: the report's Hei face */
	chartFont: Uint8Array;
	branding?: DocxBranding;
	/** Called with the share of the work done (0–1), for a progress bar */
	onProgress?: (done: number) => void;
}

/** The name the document's properties give as the creating program. */
const CREATOR_APP = 'gd-digital-economy-assessment (数字经济发展水平自评估)';

/** Characters XML 1.0 cannot carry at all (controls other than tab and newline, lone surrogates). */
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- these very characters are what it removes
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Charts drawn at twice their size on the page: about 190 dpi, sharp in print. */
const CHART_ZOOM = 2;

export async function renderReportDocx(
	source: ReportModel,
	options: RenderDocxOptions
): Promise<Uint8Array> {
	const progress = yieldingProgress(options.onProgress);
	await progress(0);
	const clean = (text: string) => fullWidthPunctuation(text.replace(NOT_XML, '\ufffd'));
	const model = mapStrings(source, clean);
	const branding = options.branding ?? {};
	const preparedBy = clean(branding.preparedBy ?? model.meta.preparedBy ?? '').trim();
	const theme = makeTheme(branding.accentColor);
	const family = readNameTable(options.chartFont).get(1) ?? 'sans-serif';
	const rasterizer = await createRasterizer(options.chartFont, family);
	await progress(0.2);

	const drawChart: BlockContext['chart'] = (chart) => {
		const svg = chartSvg(chart, theme);
		return {
			png: rasterizer.png(svg.svg, CHART_ZOOM),
			width: svg.width,
			height: svg.height
		} satisfies ChartPicture;
	};
	const body: ReturnType<typeof blockContent> = [];
	const total = model.sections.length || 1;
	for (const [i, s] of model.sections.entries()) {
		// Every chapter on a new page, as in the PDF.
		body.push(heading(s.title, 1, { pageBreakBefore: true }));
		for (const b of s.blocks)
			body.push(...blockContent(b, { theme, headingLevel: 2, chart: drawChart }));
		for (const child of s.children) {
			body.push(heading(child.title, 2));
			for (const b of child.blocks)
				body.push(...blockContent(b, { theme, headingLevel: 3, chart: drawChart }));
		}
		await progress(0.2 + (0.6 * (i + 1)) / total);
	}
	body.push(...signatureBlock(model, theme, preparedBy));

	const contents = model.furniture.contents;
	// Titles only: Word fills in the page numbers when it updates the field on opening
	// (updateFields); a reader that does not update still shows the chapters.
	const cachedEntries = model.sections.flatMap((s) => [
		{ title: s.title, level: 1 },
		...s.children.map((c) => ({ title: c.title, level: 2 }))
	]);
	const m = model.meta;
	const page = {
		size: { width: PAGE.width, height: PAGE.height },
		margin: {
			top: PAGE.top,
			bottom: PAGE.bottom,
			left: PAGE.left,
			right: PAGE.right,
			header: PAGE.header,
			footer: PAGE.footer
		}
	};
	const doc = new Document({
		creator: preparedBy || m.assessor || CREATOR_APP,
		lastModifiedBy: CREATOR_APP,
		title: `${m.title} — ${m.subjectName}`,
		subject: [m.subjectName, m.period, `${m.rubricTitle} v${m.rubricVersion}`]
			.filter(Boolean)
			.join('; '),
		keywords: [m.rubricId, m.rubricVersion, m.period].filter(Boolean).join(', '),
		description: CREATOR_APP,
		features: { updateFields: true },
		styles: documentStyles(theme, m.language),
		numbering,
		sections: [
			{ properties: { page }, children: cover(model, theme, branding.logo) },
			{
				properties: { page },
				headers: { default: pageHeader(model, theme) },
				footers: { default: pageFooter(model) },
				children: [
					new Paragraph({ style: 'TOCHeading', children: [new TextRun(contents)] }),
					new TableOfContents(contents, {
						hyperlink: true,
						headingStyleRange: '1-2',
						cachedEntries
					}),
					...body
				]
			}
		]
	});
	const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
	options.onProgress?.(1);
	return bytes;
}

/**
 * Fetches the chart face from the app's static files (`base` is the app's base path). The
 * service worker caches it when first fetched, or with the offline reports pack from Settings.
 */
export async function fetchChartFont(base = ''): Promise<Uint8Array> {
	const response = await fetch(`${base}/fonts/${REPORT_FONT_FILES.hei}`);
	if (!response.ok)
		throw new Error(
			`could not load the report font ${REPORT_FONT_FILES.hei}: HTTP ${response.status}`
		);
	return new Uint8Array(await response.arrayBuffer());
}
