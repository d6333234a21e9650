/**
 * Tables in the report: column widths that fit the longest word of each column, wrapped cells,
 * rows that break across pages, and the header repeated on each page.
 */
import type { TableBlock } from '../domain/report-model';
import { pieces } from './line-break';
import { CONTENT_WIDTH, PAGE, TYPE } from './theme';
import { Writer } from './writer';

const TABLE_PAD = { x: 4, y: 4 };
/** Space after a table */
const TABLE_GAP = 12;

function tableLayout(writer: Writer, block: TableBlock, total: number) {
	const type = TYPE.table;
	const sum = block.columns.reduce((s, c) => s + Math.max(0, c.width), 0) || 1;
	const widths = columnWidths(
		writer,
		block,
		block.columns.map((c) => (total * Math.max(0, c.width)) / sum),
		total
	);
	const cellWidth = (i: number) => Math.max(1, widths[i]! - 2 * TABLE_PAD.x);
	const header = block.columns.map((c, i) => writer.lines(c.header, cellWidth(i), type.size, true));
	const hasHeader = block.columns.some((c) => c.header.trim() !== '');
	const headerHeight = hasHeader
		? Math.max(...header.map((l) => l.length)) * type.lineHeight + 2 * TABLE_PAD.y
		: 0;
	const rows = block.rows.map((row) =>
		block.columns.map((_, i) => writer.lines(row[i] ?? '', cellWidth(i), type.size))
	);
	const rowHeights = rows.map((r) => Math.max(1, ...r.map((c) => c.length)));
	const caption = block.caption ? writer.lines(block.caption, total, TYPE.note.size, true) : [];
	const captionHeight = caption.length ? caption.length * TYPE.note.lineHeight + 2 : 0;
	const height =
		captionHeight +
		headerHeight +
		rowHeights.reduce((s, n) => s + n * type.lineHeight + 2 * TABLE_PAD.y, 0);
	return {
		widths,
		header,
		hasHeader,
		headerHeight,
		rows,
		rowHeights,
		caption,
		captionHeight,
		height
	};
}

/**
 * Column widths from the model's relative widths, widened where a column is narrower than its
 * longest word or number (as "Established" in a level column), the room taken from the
 * columns that have some to spare; words are then cut only when no width would do.
 */
function columnWidths(
	writer: Writer,
	block: TableBlock,
	natural: number[],
	total: number
): number[] {
	const size = TYPE.table.size;
	const widest = (text: string, bold: boolean) => {
		let max = 0;
		for (const line of text.split('\n'))
			for (const p of pieces(line)) max = Math.max(max, writer.width(p.text, size, bold));
		return max;
	};
	const mins = block.columns.map((c, i) => {
		// A short header ("序号", "差距") reads badly broken between its characters.
		const header = c.header.trim();
		let max =
			[...header].length <= 4 && !/\s/.test(header)
				? writer.width(header, size, true)
				: widest(header, true);
		for (const row of block.rows) max = Math.max(max, widest(row[i] ?? '', false));
		// No column may claim more than a third of the table for one long word.
		return Math.min(max + 2 * TABLE_PAD.x, total / 3);
	});
	const sumMin = mins.reduce((s, m) => s + m, 0);
	if (sumMin >= total) return mins.map((m) => (m * total) / sumMin);
	const deficit = natural.reduce((s, w, i) => s + Math.max(0, mins[i]! - w), 0);
	if (deficit === 0) return natural;
	const slack = natural.reduce((s, w, i) => s + Math.max(0, w - mins[i]!), 0);
	return natural.map((w, i) => (w <= mins[i]! ? mins[i]! : w - (deficit * (w - mins[i]!)) / slack));
}

/** The height `table` will take, when it is not split across pages. */
export function tableHeight(writer: Writer, block: TableBlock): number {
	return tableLayout(writer, block, CONTENT_WIDTH).height + TABLE_GAP;
}

/**
 * A table: column widths from the relative widths, wrapped cells, rows that break across
 * pages (a row taller than a page is split between lines), the header repeated on each page.
 */
export function drawTable(
	writer: Writer,
	block: TableBlock,
	options: { width?: number; x?: number } = {}
): void {
	const t = writer.theme;
	const type = TYPE.table;
	const padX = TABLE_PAD.x;
	const padY = TABLE_PAD.y;
	const x0 = options.x ?? PAGE.left;
	const total = options.width ?? CONTENT_WIDTH;
	const {
		widths,
		header,
		hasHeader,
		headerHeight,
		rows,
		rowHeights,
		caption,
		captionHeight,
		height
	} = tableLayout(writer, block, total);
	const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));
	const linesPerPage = Math.floor(
		(PAGE.bottom - PAGE.top - headerHeight - 2 * padY) / type.lineHeight
	);

	const drawHeader = () => {
		if (!hasHeader) return;
		writer.rect(x0, writer.y, total, headerHeight, t.accent);
		header.forEach((lines, i) => {
			const align = block.columns[i]!.align ?? 'left';
			lines.forEach((line, k) => {
				const anchor =
					align === 'right'
						? xs[i]! + widths[i]! - padX
						: align === 'center'
							? xs[i]! + widths[i]! / 2
							: xs[i]! + padX;
				const baseline = Writer.baseline(
					writer.y + padY + k * type.lineHeight,
					type.lineHeight,
					type.size
				);
				writer.text(line, anchor, baseline, {
					size: type.size,
					bold: true,
					color: t.onAccent,
					align
				});
			});
		});
		writer.y += headerHeight;
	};
	const pageBreak = () => {
		writer.newPage();
		drawHeader();
	};

	// A short table is not split; a long one starts once its header and a row or so fit.
	writer.ensure(
		height <= 220
			? height
			: captionHeight + headerHeight + 2 * padY + Math.min(rowHeights[0] ?? 0, 3) * type.lineHeight
	);
	for (const line of caption) {
		writer.text(line, x0, Writer.baseline(writer.y, TYPE.note.lineHeight, TYPE.note.size), {
			size: TYPE.note.size,
			bold: true
		});
		writer.y += TYPE.note.lineHeight;
	}
	if (caption.length) writer.y += 2;
	drawHeader();

	rows.forEach((cells, r) => {
		const count = Math.max(1, ...cells.map((c) => c.length));
		let from = 0;
		while (from < count) {
			const fit = Math.floor((writer.room - 2 * padY) / type.lineHeight);
			const need = count - from;
			// A row that fits on a fresh page moves there whole; a taller one is split.
			if ((from === 0 && need <= linesPerPage && fit < need) || fit < Math.min(2, need)) {
				pageBreak();
				continue;
			}
			const take = Math.min(fit, need);
			const height = take * type.lineHeight + 2 * padY;
			if (r % 2 === 1) writer.rect(x0, writer.y, total, height, t.zebra);
			cells.forEach((lines, i) => {
				const align = block.columns[i]!.align ?? 'left';
				const anchor =
					align === 'right'
						? xs[i]! + widths[i]! - padX
						: align === 'center'
							? xs[i]! + widths[i]! / 2
							: xs[i]! + padX;
				lines.slice(from, from + take).forEach((line, k) => {
					const baseline = Writer.baseline(
						writer.y + padY + k * type.lineHeight,
						type.lineHeight,
						type.size
					);
					writer.text(line, anchor, baseline, { size: type.size, align });
				});
			});
			writer.y += height;
			writer.rule(x0, writer.y, x0 + total);
			from += take;
			if (from < count) pageBreak();
		}
	});
	writer.y += TABLE_GAP;
}
