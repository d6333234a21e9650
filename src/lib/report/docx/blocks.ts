/**
 * Report-model blocks as Word content: paragraphs in the report's styles, real tables (header
 * row repeated on every page, rows never split across pages), lists, key figures, and charts as
 * pictures always followed by their data table.
 */
import {
	AlignmentType,
	BorderStyle,
	HeadingLevel,
	ImageRun,
	LineRuleType,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType,
	type ParagraphChild
} from 'docx';
import type { Align, Block, ChartBlock, TableBlock } from '../../domain/report-model';
import type { Theme } from '../theme';
import { BULLETS, CONTENT_PIXELS, CONTENT_TWIPS, FONTS, SIZE, hex } from './styles';

/** A chart drawn as a PNG, with its size in pixels at 96 dpi. */
export interface ChartPicture {
	png: Uint8Array;
	width: number;
	height: number;
}

export interface BlockContext {
	theme: Theme;
	/** Heading level of a `heading` block at this depth: 2 in a section, 3 in a subsection */
	headingLevel: 2 | 3;
	chart: (chart: ChartBlock) => ChartPicture;
}

const HEADINGS = {
	1: HeadingLevel.HEADING_1,
	2: HeadingLevel.HEADING_2,
	3: HeadingLevel.HEADING_3
} as const;

/** Text runs of `text`, a line break for each newline (table cells carry several lines). */
export function runs(text: string, options: { bold?: boolean } = {}): TextRun[] {
	return text
		.split('\n')
		.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

export function heading(
	text: string,
	level: 1 | 2 | 3,
	options: { pageBreakBefore?: boolean } = {}
): Paragraph {
	return new Paragraph({ heading: HEADINGS[level], children: runs(text), ...options });
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
	left: AlignmentType.LEFT,
	right: AlignmentType.RIGHT,
	center: AlignmentType.CENTER
};

/** Cell padding left + right, in twips (see the cell margins below). */
const CELL_PADDING = 160;
/** A table-size character (五号, 10.5 pt) is 210 twips wide; CJK headers need that per character. */
const CHAR_TWIPS = 210;

/**
 * Column widths in twips: the model's relative widths, but never so narrow that a header breaks
 * after every character (差/距/（/级/）down the cell). A column gets room for its header's first
 * three characters, or its whole header when shorter; the others give way in proportion.
 */
export function columnWidths(block: TableBlock): number[] {
	const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
	const wanted = block.columns.map((c) => (c.width / total) * CONTENT_TWIPS);
	const floors = block.columns.map(
		(c) => Math.min(3, Math.max(1, [...c.header].length)) * CHAR_TWIPS + CELL_PADDING
	);
	const short = wanted.map((w, i) => w < floors[i]!);
	const fixed = floors.reduce((sum, f, i) => sum + (short[i] ? f : 0), 0);
	const flexible = wanted.reduce((sum, w, i) => sum + (short[i] ? 0 : w), 0) || 1;
	const scale = Math.max(0, CONTENT_TWIPS - fixed) / flexible;
	return wanted.map((w, i) => Math.floor(short[i] ? floors[i]! : w * scale));
}

export function table(block: TableBlock, theme: Theme): Table {
	const widths = columnWidths(block);
	const border = { style: BorderStyle.SINGLE, size: 4, color: hex(theme.rule) };
	const cell = (text: string, i: number, header: boolean, zebra: boolean) =>
		new TableCell({
			width: { size: widths[i]!, type: WidthType.DXA },
			verticalAlign: VerticalAlignTable.CENTER,
			shading: header
				? { type: ShadingType.CLEAR, color: 'auto', fill: hex(theme.accent) }
				: zebra
					? { type: ShadingType.CLEAR, color: 'auto', fill: hex(theme.zebra) }
					: undefined,
			margins: { top: 40, bottom: 40, left: 80, right: 80 },
			children: [
				new Paragraph({
					style: header ? 'TableHeading' : 'TableText',
					alignment: ALIGN[block.columns[i]!.align ?? 'left'],
					children: runs(text)
				})
			]
		});
	return new Table({
		width: { size: CONTENT_TWIPS, type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		borders: {
			top: border,
			bottom: border,
			left: border,
			right: border,
			insideHorizontal: border,
			insideVertical: border
		},
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: block.columns.map((c, i) => cell(c.header, i, true, false))
			}),
			...block.rows.map(
				(row, r) =>
					new TableRow({
						cantSplit: true,
						children: block.columns.map((_, i) => cell(row[i] ?? '', i, false, r % 2 === 1))
					})
			)
		]
	});
}

/** Key figures: one bordered cell each, the label above the figure. */
function figures(items: { label: string; value: string; detail?: string }[], theme: Theme): Table {
	const width = Math.floor(CONTENT_TWIPS / Math.max(1, items.length));
	const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
	const white = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };
	return new Table({
		width: { size: width * items.length, type: WidthType.DXA },
		columnWidths: items.map(() => width),
		layout: TableLayoutType.FIXED,
		borders: {
			top: none,
			bottom: none,
			left: none,
			right: none,
			insideHorizontal: none,
			insideVertical: white
		},
		rows: [
			new TableRow({
				cantSplit: true,
				children: items.map(
					(item) =>
						new TableCell({
							width: { size: width, type: WidthType.DXA },
							shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(theme.accentWash) },
							margins: { top: 100, bottom: 100, left: 140, right: 140 },
							children: [
								new Paragraph({
									style: 'Note',
									spacing: { after: 40 },
									children: runs(item.label)
								}),
								new Paragraph({
									spacing: { after: 0, line: 300, lineRule: LineRuleType.AUTO },
									children: [
										new TextRun({
											text: item.value,
											font: FONTS.heading,
											size: SIZE.figure,
											color: hex(theme.accentText)
										}),
										...(item.detail
											? [
													new TextRun({
														text: ` ${item.detail}`,
														size: SIZE.table,
														color: hex(theme.muted)
													})
												]
											: [])
									]
								})
							]
						})
				)
			})
		]
	});
}

function chart(block: ChartBlock, context: BlockContext): (Paragraph | Table)[] {
	const picture = context.chart(block);
	// Never wider than the text; the height keeps the drawing's proportions.
	const scale = Math.min(1, CONTENT_PIXELS / picture.width);
	const image: ParagraphChild = new ImageRun({
		type: 'png',
		data: picture.png,
		transformation: {
			width: Math.round(picture.width * scale),
			height: Math.round(picture.height * scale)
		},
		altText: { name: block.title, title: block.title, description: block.title }
	});
	return [
		new Paragraph({ style: 'Caption', keepNext: true, children: runs(block.title) }),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			keepNext: true,
			// Single, automatic line height: the line grows to the picture's height.
			spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60, after: 120 },
			children: [image]
		}),
		// The data behind the picture, for readers who need the figures (and screen readers).
		table(block.table, context.theme),
		new Paragraph({ spacing: { after: 120 }, children: [] })
	];
}

export function blockContent(block: Block, context: BlockContext): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'paragraph':
			return [
				new Paragraph({
					style: block.tone === 'warning' ? 'Warning' : block.tone === 'note' ? 'Note' : undefined,
					children: runs(block.text)
				})
			];
		case 'heading':
			return [heading(block.text, context.headingLevel)];
		case 'list':
			return block.items.map(
				(item) =>
					new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) })
			);
		case 'figures':
			return [figures(block.items, context.theme), new Paragraph({ children: [] })];
		case 'table': {
			const caption = block.caption
				? [new Paragraph({ style: 'Caption', keepNext: true, children: runs(block.caption) })]
				: [];
			// An empty paragraph after a table keeps the next table from joining it in Word.
			return [
				...caption,
				table(block, context.theme),
				new Paragraph({ spacing: { after: 60 }, children: [] })
			];
		}
		case 'chart':
			return chart(block, context);
	}
}
