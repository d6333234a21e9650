/**
 * The Word report's fonts, styles and page geometry. Typography follows the PDF (theme.ts) and a
 * formal Chinese document (GB/T 9704): body in 宋体 小四 (12 pt) with Times New Roman for Latin
 * text, headings, table headers and figures in 黑体 with Arial. Fonts are named, not embedded:
 * every Chinese Windows has 宋体 and 黑体, and Word and WPS substitute elsewhere. They are set
 * in the document's styles (w:rFonts ascii/hAnsi/eastAsia), so text a user adds in Word takes
 * them too, and the headings are Word's built-in Heading 1–3, which make the navigation pane and
 * the table of contents.
 */
import {
	AlignmentType,
	LevelFormat,
	LineRuleType,
	type INumberingOptions,
	type IStylesOptions
} from 'docx';
import type { Rgb, Theme } from '../theme';

export const FONTS = {
	body: {
		ascii: 'Times New Roman',
		hAnsi: 'Times New Roman',
		cs: 'Times New Roman',
		eastAsia: '宋体'
	},
	heading: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' }
} as const;

/** Font sizes in half-points, by their Chinese names: 小四 12 pt, 五号 10.5 pt … */
export const SIZE = {
	title: 44, // 二号 22 pt
	h1: 32, // 三号 16 pt
	h2: 28, // 四号 14 pt
	h3: 24, // 小四 12 pt
	body: 24, // 小四
	table: 21, // 五号
	small: 18, // 小五 9 pt
	figure: 32
} as const;

/** A4 in twips (1/20 pt), margins after GB/T 9704 (top 37 mm, left 28 mm, right 26 mm). */
export const PAGE = {
	width: 11906,
	height: 16838,
	top: 2098,
	bottom: 1984,
	left: 1588,
	right: 1474,
	header: 1134,
	footer: 992
} as const;

export const CONTENT_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** The text width in pixels at 96 dpi, the unit docx sizes pictures in. */
export const CONTENT_PIXELS = Math.floor((CONTENT_TWIPS / 1440) * 96);

export const hex = ([r, g, b]: Rgb) =>
	[r, g, b]
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')
		.toUpperCase();

export const BULLETS = 'report-bullets';

export function documentStyles(theme: Theme, language: string): IStylesOptions {
	const heading = (size: number, before: number, after: number, outlineLevel: number) => ({
		run: { font: FONTS.heading, size, color: hex(theme.accentText), bold: false },
		paragraph: {
			spacing: { before, after, line: 360, lineRule: LineRuleType.AUTO },
			keepNext: true,
			keepLines: true,
			outlineLevel
		}
	});
	return {
		default: {
			document: {
				run: {
					font: FONTS.body,
					size: SIZE.body,
					color: hex(theme.ink),
					language: { value: language === 'en' ? 'en-GB' : 'zh-CN', eastAsia: 'zh-CN' }
				},
				// 1.5 lines: the usual spacing of a Chinese report.
				paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 120 } }
			},
			title: {
				run: { font: FONTS.heading, size: SIZE.title, color: hex(theme.accentText) },
				paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } }
			},
			heading1: heading(SIZE.h1, 360, 240, 0),
			heading2: heading(SIZE.h2, 300, 160, 1),
			heading3: heading(SIZE.h3, 240, 120, 2),
			caption: {
				run: { font: FONTS.heading, size: SIZE.table, color: hex(theme.accentText) },
				paragraph: { spacing: { before: 240, after: 80 }, keepNext: true }
			}
		},
		paragraphStyles: [
			{
				// Word's own style for the title of a table of contents: like a chapter heading,
				// but not itself an entry of the contents.
				id: 'TOCHeading',
				name: 'TOC Heading',
				basedOn: 'Normal',
				next: 'Normal',
				run: { font: FONTS.heading, size: SIZE.h1, color: hex(theme.accentText) },
				paragraph: { spacing: { before: 360, after: 240 } }
			},
			{
				id: 'TableText',
				name: 'Table Text',
				basedOn: 'Normal',
				quickFormat: true,
				run: { size: SIZE.table },
				paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }
			},
			{
				id: 'TableHeading',
				name: 'Table Heading',
				basedOn: 'TableText',
				run: { font: FONTS.heading, color: hex(theme.onAccent) }
			},
			{
				id: 'Note',
				name: 'Note',
				basedOn: 'Normal',
				run: { size: SIZE.table, color: hex(theme.muted) }
			},
			{
				id: 'Warning',
				name: 'Warning',
				basedOn: 'Normal',
				run: { color: hex(theme.warningInk) },
				paragraph: {
					shading: { type: 'clear', color: 'auto', fill: hex(theme.warningFill) },
					border: { left: { style: 'single', size: 24, color: hex(theme.warningBar), space: 6 } },
					indent: { left: 160 }
				}
			},
			{
				id: 'CoverLine',
				name: 'Cover Line',
				basedOn: 'Normal',
				run: { size: 26 },
				paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO, after: 60 } }
			},
			{
				id: 'Signature',
				name: 'Signature',
				basedOn: 'Normal',
				run: { size: 26 },
				paragraph: { spacing: { before: 200, after: 200, line: 360, lineRule: LineRuleType.AUTO } }
			},
			{
				id: 'FooterText',
				name: 'Footer Text',
				basedOn: 'Normal',
				run: { size: SIZE.small, color: hex(theme.muted) },
				paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } }
			}
		]
	};
}

export const numbering: INumberingOptions = {
	config: [
		{
			reference: BULLETS,
			levels: [
				{
					level: 0,
					format: LevelFormat.BULLET,
					text: '•',
					alignment: AlignmentType.LEFT,
					style: { paragraph: { indent: { left: 420, hanging: 280 } } }
				}
			]
		}
	]
};
