/**
 * A spreadsheet as the importer sees it, independent of the library that read it, and how the
 * answers sheet and its columns are found in it: by their hidden machine keys first, then by
 * their header or sheet name in either language. A column found by neither is reported, never
 * guessed.
 */
import type { Text } from '../rubrics/schema';
import {
	ANSWER_SHEET_FORMAT,
	ANSWER_SHEET_FORMAT_VERSION,
	META_SHEET,
	SHEET_NAMES,
	type SheetColumn
} from './answer-sheet';
import { sheetMessage } from './answer-sheet-messages';

export type ReadCell =
	| { t: 'empty' }
	| { t: 's'; v: string }
	| { t: 'n'; v: number }
	| { t: 'b'; v: boolean }
	| { t: 'd'; v: string }
	| { t: 'e'; v: string }
	/** A formula is never imported: its cached result may be anything the formula computed. */
	| { t: 'f'; formula: string };

/** 1-based, inclusive, as in a spreadsheet. */
export interface CellRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export interface ReadSheet {
	name: string;
	/** rows[0] is spreadsheet row 1; cells[0] is column A */
	rows: ReadCell[][];
	merges: CellRange[];
}

export interface ReadWorkbook {
	sheets: ReadSheet[];
}

export interface SheetProblem {
	sheet: string | null;
	/** Spreadsheet row number (1-based) */
	row: number | null;
	/** Column letter */
	column: string | null;
	columnName: string | null;
	message: Text;
}

/** The hidden row of column keys and the header row; data starts below them. */
export const KEY_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export function columnLetter(index1: number): string {
	let n = index1;
	let letters = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		letters = String.fromCharCode(65 + r) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}

export const rangeText = (r: CellRange) =>
	`${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;

export function cellText(cell: ReadCell | undefined): string {
	if (!cell) return '';
	switch (cell.t) {
		case 's':
		case 'd':
		case 'e':
			return cell.v;
		case 'n':
			return String(cell.v);
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'f':
			return `=${cell.formula}`;
		default:
			return '';
	}
}

export const cellAt = (sheet: ReadSheet, row: number, column: number): ReadCell =>
	sheet.rows[row - 1]?.[column - 1] ?? { t: 'empty' };

/** Problems that stop the import: the workbook is not a sheet of this assessment's rubric. */
export function checkMeta(
	book: ReadWorkbook,
	rubric: { id: string; version: string }
): { problems: SheetProblem[]; assessmentId: string | null } {
	const fatal = (message: Text) => ({
		problems: [{ sheet: null, row: null, column: null, columnName: null, message }],
		assessmentId: null
	});
	const meta = book.sheets.find((s) => s.name === META_SHEET);
	if (!meta) return fatal(sheetMessage('notAnswerSheet', { meta: META_SHEET }));
	const values = new Map(
		meta.rows.map((r) => [cellText(r[0]).trim(), cellText(r[1]).trim()] as const)
	);
	if (values.get('format') !== ANSWER_SHEET_FORMAT)
		return fatal(sheetMessage('notAnswerSheet', { meta: META_SHEET }));
	const version = values.get('formatVersion') ?? '';
	if (version !== String(ANSWER_SHEET_FORMAT_VERSION))
		return fatal(sheetMessage('newerFormat', { version, supported: ANSWER_SHEET_FORMAT_VERSION }));
	const rubricId = values.get('rubricId') ?? '';
	if (rubricId !== rubric.id)
		return fatal(sheetMessage('otherRubric', { sheet: rubricId, assessment: rubric.id }));
	const rubricVersion = values.get('rubricVersion') ?? '';
	if (rubricVersion !== rubric.version)
		return fatal(
			sheetMessage('otherVersion', {
				rubric: rubric.id,
				sheet: rubricVersion,
				assessment: rubric.version
			})
		);
	return { problems: [], assessmentId: values.get('assessmentId') ?? null };
}

/** The answers sheet: the one whose hidden key row names the indicator id column, else by name. */
export function findAnswersSheet(book: ReadWorkbook): ReadSheet | SheetProblem {
	const byKey = book.sheets.find((s) =>
		(s.rows[KEY_ROW - 1] ?? []).some((c) => cellText(c).trim() === 'answers.indicatorId')
	);
	const names = [SHEET_NAMES.answers.zh, SHEET_NAMES.answers.en].map((n) => n.toLowerCase());
	const byName = book.sheets.find((s) => names.includes(s.name.trim().toLowerCase()));
	const found = byKey ?? byName;
	if (found) return found;
	return {
		sheet: null,
		row: null,
		column: null,
		columnName: null,
		message: sheetMessage('noAnswersSheet', {
			names: book.sheets
				.filter((s) => s.name !== META_SHEET)
				.map((s) => `“${s.name}”`)
				.join('、')
		})
	};
}

/**
 * Where each column is (1-based), by key, else by its header in zh or en. Returns the columns
 * found and problems for those missing (only `required` ones matter) or given twice.
 */
export function locateColumns(
	sheet: ReadSheet,
	columns: readonly SheetColumn[],
	required: (column: SheetColumn) => boolean
): { at: Map<string, number>; problems: SheetProblem[] } {
	const keys = (sheet.rows[KEY_ROW - 1] ?? []).map((c) => cellText(c).trim());
	const headers = (sheet.rows[HEADER_ROW - 1] ?? []).map((c) => cellText(c).trim());
	const at = new Map<string, number>();
	const problems: SheetProblem[] = [];
	const problem = (message: Text): SheetProblem => ({
		sheet: sheet.name,
		row: null,
		column: null,
		columnName: null,
		message
	});
	for (const column of columns) {
		const byKey = keys.flatMap((k, i) => (k === column.key ? [i + 1] : []));
		const byHeader = headers.flatMap((h, i) =>
			h === column.header.zh || h === column.header.en ? [i + 1] : []
		);
		// A header counts only where no key claims the column for another purpose.
		const candidates = byKey.length
			? byKey
			: byHeader.filter((i) => !keys[i - 1] || keys[i - 1] === column.key);
		const name = `${column.header.zh} / ${column.header.en}`;
		if (candidates.length > 1)
			problems.push(
				problem(
					sheetMessage('duplicateColumn', {
						column: name,
						letters: candidates.map(columnLetter).join('、')
					})
				)
			);
		else if (candidates.length === 1) at.set(column.key, candidates[0]!);
		else if (required(column))
			problems.push(problem(sheetMessage('missingColumn', { column: name })));
	}
	return { at, problems };
}

/** “答卷，第 5 行，E 列（现状等级 / Current level）：…” — where, then what is wrong. */
export function formatSheetProblem(p: SheetProblem, locale: 'zh' | 'en'): string {
	const column = p.column ? { zh: `${p.column} 列`, en: `column ${p.column}` }[locale] : '';
	const name = p.columnName ? (locale === 'zh' ? `（${p.columnName}）` : ` (${p.columnName})`) : '';
	const where = [
		p.sheet ?? '',
		p.row !== null ? { zh: `第 ${p.row} 行`, en: `row ${p.row}` }[locale] : '',
		column ? column + name : ''
	].filter(Boolean);
	const separator = locale === 'zh' ? '，' : ', ';
	const colon = locale === 'zh' ? '：' : ': ';
	return where.length ? `${where.join(separator)}${colon}${p.message[locale]}` : p.message[locale];
}
