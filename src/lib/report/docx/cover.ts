/**
 * The Word report's page furniture: the cover (logo, title, subject, the model's cover lines),
 * the running header and the page-number footer, and the signature block at the end with blank
 * lines to sign and seal.
 */
import {
	AlignmentType,
	BorderStyle,
	Footer,
	Header,
	ImageRun,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType
} from 'docx';
import type { ReportModel } from '../../domain/report-model';
import { reportText } from '../../domain/report-text';
import type { Theme } from '../theme';
import { runs } from './blocks';
import { CONTENT_TWIPS, FONTS, SIZE, hex } from './styles';

export interface Logo {
	data: Uint8Array;
	type: 'PNG' | 'JPEG';
}

/** Width and height of a PNG or JPEG from its header, or null when it has none. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50)
		return { width: view.getUint32(16), height: view.getUint32(20) };
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	// JPEG: walk the segments to the frame header (SOF0–SOF15, not DHT/JPG/DAC).
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1]!;
		const length = view.getUint16(at + 2);
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
			return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
		at += 2 + length;
	}
	return null;
}

function logoParagraph(logo: Logo): Paragraph | null {
	const size = imageSize(logo.data);
	if (!size || size.width === 0 || size.height === 0) return null;
	// At most 5 cm wide and 2.5 cm high (pixels at 96 dpi), never enlarged.
	const scale = Math.min(1, 190 / size.width, 95 / size.height);
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { after: 480 },
		children: [
			new ImageRun({
				type: logo.type === 'PNG' ? 'png' : 'jpg',
				data: logo.data,
				transformation: {
					width: Math.max(1, Math.round(size.width * scale)),
					height: Math.max(1, Math.round(size.height * scale))
				},
				altText: { name: 'logo', title: 'logo', description: 'logo' }
			})
		]
	});
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
	top: NO_BORDER,
	bottom: NO_BORDER,
	left: NO_BORDER,
	right: NO_BORDER,
	insideHorizontal: NO_BORDER,
	insideVertical: NO_BORDER
};

/** Label and value side by side, without borders; `underline` draws a line to write on. */
function labelledRows(
	rows: { label: string; value: string }[],
	labelShare: number,
	style: string,
	underline?: string,
	keepTogether = false
): Table {
	// Signature lines align at the bottom, where the pen writes; cover lines at the top.
	const verticalAlign = underline ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP;
	const labelWidth = Math.round(CONTENT_TWIPS * labelShare);
	const valueWidth = CONTENT_TWIPS - labelWidth;
	const line = underline
		? { ...NO_BORDERS, bottom: { style: BorderStyle.SINGLE, size: 6, color: underline } }
		: NO_BORDERS;
	return new Table({
		width: { size: CONTENT_TWIPS, type: WidthType.DXA },
		columnWidths: [labelWidth, valueWidth],
		layout: TableLayoutType.FIXED,
		borders: NO_BORDERS,
		rows: rows.map(
			(r) =>
				new TableRow({
					cantSplit: true,
					children: [
						new TableCell({
							width: { size: labelWidth, type: WidthType.DXA },
							verticalAlign,
							borders: NO_BORDERS,
							children: [
								new Paragraph({
									style,
									alignment: AlignmentType.RIGHT,
									keepNext: keepTogether,
									children: [new TextRun({ text: r.label, font: FONTS.heading })]
								})
							]
						}),
						new TableCell({
							width: { size: valueWidth, type: WidthType.DXA },
							verticalAlign,
							borders: line,
							margins: { left: 160 },
							children: [new Paragraph({ style, keepNext: keepTogether, children: runs(r.value) })]
						})
					]
				})
		)
	});
}

/** The cover; who prepared the report is among the model's cover lines. */
export function cover(model: ReportModel, theme: Theme, logo?: Logo): (Paragraph | Table)[] {
	const m = model.meta;
	const logoPara = logo ? logoParagraph(logo) : null;
	return [
		new Paragraph({ spacing: { before: logoPara ? 240 : 1200 }, children: [] }),
		...(logoPara ? [logoPara] : []),
		new Paragraph({ style: 'Title', children: runs(m.title) }),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before: 240, after: 720 },
			children: [
				new TextRun({
					text: m.subjectName,
					font: FONTS.heading,
					size: SIZE.h1,
					color: hex(theme.ink)
				})
			]
		}),
		labelledRows(
			m.cover.map((c) => ({
				label: `${c.label}${model.locale === 'zh' ? '：' : ':'}`,
				value: c.value
			})),
			0.34,
			'CoverLine'
		)
	];
}

/** Blank lines to sign: organisation (prefilled when branded), preparer, reviewer, date. */
export function signatureBlock(model: ReportModel, theme: Theme, preparedBy: string) {
	const t = (key: Parameters<typeof reportText>[1]) => reportText(model.locale, key);
	const colon = model.locale === 'zh' ? '：' : ':';
	return [
		new Paragraph({
			spacing: { before: 600, after: 240 },
			keepNext: true,
			children: [
				new TextRun({
					text: t('signature'),
					font: FONTS.heading,
					size: SIZE.h2,
					color: hex(theme.accentText)
				})
			]
		}),
		labelledRows(
			[
				{ label: t('signatureOrganisation') + colon, value: preparedBy },
				{ label: t('signaturePreparer') + colon, value: '' },
				{ label: t('signatureReviewer') + colon, value: '' },
				{ label: t('signatureDate') + colon, value: t('signatureDateBlank') }
			],
			model.locale === 'zh' ? 0.3 : 0.38,
			'Signature',
			hex(theme.ink),
			true
		)
	];
}

export function pageHeader(model: ReportModel, theme: Theme): Header {
	return new Header({
		children: [
			new Paragraph({
				style: 'FooterText',
				alignment: AlignmentType.RIGHT,
				border: {
					bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(theme.rule), space: 4 }
				},
				children: [
					new TextRun(`${model.meta.title} · ${model.meta.subjectName} ${model.meta.period}`.trim())
				]
			})
		]
	});
}

/**
 * "第 {n} / {total} 页" from the model, with Word's PAGE and NUMPAGES fields in place of the
 * numbers. Pages are counted from the cover, which shows no number, as in the PDF: WPS and
 * LibreOffice do not draw SECTIONPAGES, so the count cannot restart after the cover.
 */
export function pageFooter(model: ReportModel): Footer {
	const children: (TextRun | string)[] = [];
	for (const part of model.furniture.pageOf.split(/(\{n\}|\{total\})/)) {
		if (part === '{n}') children.push(new TextRun({ children: [PageNumber.CURRENT] }));
		else if (part === '{total}') children.push(new TextRun({ children: [PageNumber.TOTAL_PAGES] }));
		else if (part) children.push(new TextRun(part));
	}
	return new Footer({
		children: [
			new Paragraph({
				style: 'FooterText',
				alignment: AlignmentType.CENTER,
				children: children as TextRun[]
			})
		]
	});
}
