/**
 * The .xlsx adapter over exceljs: writes the answer workbook the domain builds, and reads a
 * workbook back into the library-neutral cells the importer checks. Loaded only when a workbook
 * is exported or imported (dynamic import), in the browser and the CLI alike.
 *
 * User text is always written as a string cell, never as a formula, whatever it starts with.
 */
import type ExcelJSNamespace from 'exceljs';
import type { AnswerWorkbook, SheetColumn } from '../domain/answer-sheet';
import { META_SHEET } from '../domain/answer-sheet';
import {
	columnLetter,
	FIRST_DATA_ROW,
	HEADER_ROW,
	type CellRange,
	type ReadCell,
	type ReadWorkbook
} from '../domain/answer-sheet-read';
import { sheetMessage } from '../domain/answer-sheet-messages';
import { repackWorkbook, unpackWorkbook, WorkbookFileError } from './zip-guard';

export { checkWorkbookBytes, MAX_WORKBOOK_BYTES, WorkbookFileError } from './zip-guard';

type ExcelJS = typeof ExcelJSNamespace;

async function loadExcelJs(): Promise<ExcelJS> {
	const module = (await import('exceljs')) as unknown as { default?: ExcelJS } & ExcelJS;
	return module.default ?? module;
}

/** Rows and columns read from one sheet: far above an answer sheet (a few hundred rows). */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 100;

const NUMBER_FORMAT: Record<SheetColumn['kind'], string | undefined> = {
	text: '@',
	integer: '0',
	number: '0.00',
	ratio: '0.0%'
};

export async function writeAnswerWorkbook(book: AnswerWorkbook): Promise<Uint8Array> {
	const Excel = await loadExcelJs();
	const wb = new Excel.Workbook();
	wb.creator = 'gd-digital-economy-assessment';
	for (const table of book.sheets) {
		const freezeColumns = table.key === 'answers' ? 4 : 0;
		const ws = wb.addWorksheet(table.name, {
			views: [{ state: 'frozen', xSplit: freezeColumns, ySplit: HEADER_ROW }]
		});
		ws.columns = table.columns.map((c) => ({ width: c.width }));
		const keys = ws.getRow(1);
		keys.values = table.columns.map((c) => c.key);
		keys.hidden = true;
		const headers = ws.getRow(HEADER_ROW);
		headers.values = table.columns.map(
			(c) => c.header[book.meta.find(([k]) => k === 'locale')?.[1] === 'en' ? 'en' : 'zh']
		);
		headers.font = { bold: true };
		headers.alignment = { vertical: 'middle', wrapText: true };
		table.rows.forEach((values, i) => {
			const row = ws.getRow(FIRST_DATA_ROW + i);
			values.forEach((value, j) => {
				const column = table.columns[j]!;
				const cell = row.getCell(j + 1);
				// A plain string value is a string cell in exceljs: never a formula.
				cell.value = value === null || value === '' ? null : value;
				const format = NUMBER_FORMAT[column.kind];
				if (format && column.kind !== 'text') cell.numFmt = format;
				if (column.kind === 'text' && column.width >= 30)
					cell.alignment = { vertical: 'top', wrapText: true };
				if (column.input) cell.fill = INPUT_FILL;
			});
		});
		if (table.key === 'answers') addInputValidation(ws, table.columns, table.rows.length, book);
		ws.autoFilter = {
			from: { row: HEADER_ROW, column: 1 },
			to: { row: HEADER_ROW, column: table.columns.length }
		};
	}
	const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
	for (const [key, value] of book.meta) meta.addRow([key, value]);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const INPUT_FILL = {
	type: 'pattern' as const,
	pattern: 'solid' as const,
	fgColor: { argb: 'FFFFF8E1' }
};

interface RangeValidations {
	add(range: string, validation: ExcelJSNamespace.DataValidation): void;
}

/** Excel's own checks on the input cells: a level on the scale, 是 or empty for 不适用. */
function addInputValidation(
	ws: ExcelJSNamespace.Worksheet,
	columns: SheetColumn[],
	rows: number,
	book: AnswerWorkbook
) {
	const max = Number(book.meta.find(([k]) => k === 'maxLevel')?.[1] ?? 4);
	const yes = book.meta.find(([k]) => k === 'locale')?.[1] === 'en' ? 'yes' : '是';
	columns.forEach((column, j) => {
		let validation: ExcelJSNamespace.DataValidation | undefined;
		if (column.key === 'answers.level' || column.key === 'answers.target')
			validation = {
				type: 'whole',
				operator: 'between',
				allowBlank: true,
				formulae: [0, max],
				showErrorMessage: true,
				errorTitle: column.header.zh,
				error: `0–${max}`
			};
		else if (column.key === 'answers.notApplicable')
			validation = { type: 'list', allowBlank: true, formulae: [`"${yes}"`] };
		if (!validation || rows === 0) return;
		// One range per column: cell by cell, exceljs merges them into overlapping ranges, which
		// Excel reports as damaged content.
		const letter = columnLetter(j + 1);
		const range = `${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + rows - 1}`;
		(ws as unknown as { dataValidations: RangeValidations }).dataValidations.add(range, validation);
	});
}

/** Reads a workbook from untrusted bytes within the caps of the zip guard. */
export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
	const parts = unpackWorkbook(bytes);
	const Excel = await loadExcelJs();
	const wb = new Excel.Workbook();
	try {
		await wb.xlsx.load(repackWorkbook(parts) as unknown as ArrayBuffer);
	} catch (e) {
		throw new WorkbookFileError(
			sheetMessage('corrupt', {
				detail: (e instanceof Error ? e.message : String(e)).slice(0, 100)
			})
		);
	}
	return {
		sheets: wb.worksheets.map((ws) => {
			if (ws.rowCount > MAX_ROWS)
				throw new WorkbookFileError(
					sheetMessage('corrupt', {
						detail: `“${ws.name}”: ${ws.rowCount} rows, more than ${MAX_ROWS}`
					})
				);
			const width = Math.min(ws.columnCount, MAX_COLUMNS);
			const rows: ReadCell[][] = [];
			for (let r = 1; r <= ws.rowCount; r++) {
				const row = ws.getRow(r);
				const cells: ReadCell[] = [];
				for (let c = 1; c <= width; c++) cells.push(readCell(row.getCell(c)));
				rows.push(cells);
			}
			return { name: ws.name, rows, merges: mergesOf(ws) };
		})
	};
}

function readCell(cell: ExcelJSNamespace.Cell): ReadCell {
	const value = cell.value as unknown;
	if (
		cell.formula ||
		(value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
	)
		return {
			t: 'f',
			formula: String(cell.formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '')
		};
	if (cell.isMerged && cell.master !== cell) return { t: 'empty' };
	if (value === null || value === undefined) return { t: 'empty' };
	if (typeof value === 'number') return { t: 'n', v: value };
	if (typeof value === 'string') return { t: 's', v: value };
	if (typeof value === 'boolean') return { t: 'b', v: value };
	if (value instanceof Date) return { t: 'd', v: value.toISOString().slice(0, 10) };
	if (typeof value === 'object') {
		if ('error' in value) return { t: 'e', v: String((value as { error: unknown }).error) };
		if ('richText' in value)
			return {
				t: 's',
				v: (value as { richText: { text: string }[] }).richText.map((p) => p.text).join('')
			};
		if ('text' in value) return { t: 's', v: String((value as { text: unknown }).text) };
	}
	return { t: 's', v: String(value) };
}

function mergesOf(ws: ExcelJSNamespace.Worksheet): CellRange[] {
	const ranges = (ws.model as { merges?: string[] }).merges ?? [];
	return ranges.flatMap((range) => {
		const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
		if (!m) return [];
		const col = (letters: string) =>
			[...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
		return [{ top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) }];
	});
}
