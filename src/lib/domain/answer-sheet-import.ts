/**
 * Importing a filled 答卷 sheet: every input cell is read and checked, the answers it implies are
 * validated with the same rules as any assessment file (AssessmentSchema and checkAgainstRubric),
 * and the result is a list of changes (indicator, field, old → new). Nothing here applies them: a
 * row with any problem is skipped, and the caller applies all or only the valid rows once the
 * user has seen exactly what will change.
 */
import type { Rubric, Text } from '../rubrics/schema';
import { answerColumns, type SheetColumn } from './answer-sheet';
import { sheetMessage, type SheetMessageKey } from './answer-sheet-messages';
import {
	cellAt,
	cellText,
	checkMeta,
	columnLetter,
	findAnswersSheet,
	FIRST_DATA_ROW,
	HEADER_ROW,
	locateColumns,
	rangeText,
	type ReadCell,
	type ReadSheet,
	type ReadWorkbook,
	type SheetProblem
} from './answer-sheet-read';
import { emptyAnswer } from './assessment-format';
import type { Answer, Assessment } from './assessment';
import { checkAnswer, parseNumber, parseYesNo, type Parsed } from './answer-sheet-cells';
import { defaultTarget, indexIndicators, isInScope, maxLevelOf } from './rubric-index';

export type ChangedField = 'level' | 'notApplicable' | 'target' | 'value' | 'note';
export type FieldValue = string | number | boolean | null;

export interface AnswerChange {
	indicatorId: string;
	row: number;
	field: ChangedField;
	before: FieldValue;
	after: FieldValue;
}

export interface SheetImport {
	/** Problems with the workbook itself: nothing can be imported */
	fatal: SheetProblem[];
	/** Problems with rows: those rows are skipped */
	problems: SheetProblem[];
	skippedRows: number[];
	/** Changes of the valid rows, in sheet order */
	changes: AnswerChange[];
	/** The workbook was exported from another assessment (same rubric and version) */
	fromOtherAssessment: boolean;
}

export function readAnswerSheet(
	book: ReadWorkbook,
	rubric: Rubric,
	assessment: Assessment
): SheetImport {
	const empty = (fatal: SheetProblem[]): SheetImport => ({
		fatal,
		problems: [],
		skippedRows: [],
		changes: [],
		fromOtherAssessment: false
	});
	const meta = checkMeta(book, rubric);
	if (meta.problems.length) return empty(meta.problems);
	const sheet = findAnswersSheet(book);
	if (!('rows' in sheet)) return empty([sheet]);
	const columns = answerColumns(rubric);
	const located = locateColumns(
		sheet,
		columns,
		(c) => c.input === true || c.key === 'answers.indicatorId'
	);
	const headerMerges = sheet.merges.filter((m) => m.top <= HEADER_ROW);
	const fatal = [
		...located.problems,
		...headerMerges.map((m) => ({
			sheet: sheet.name,
			row: m.top,
			column: columnLetter(m.left),
			columnName: null,
			message: sheetMessage('headerMerged', { range: rangeText(m) })
		}))
	];
	if (fatal.length) return empty(fatal);
	const result = readRows(sheet, located.at, columns, rubric, assessment);
	return {
		fatal: [],
		...result,
		fromOtherAssessment: meta.assessmentId !== null && meta.assessmentId !== assessment.id
	};
}

function readRows(
	sheet: ReadSheet,
	at: Map<string, number>,
	columns: SheetColumn[],
	rubric: Rubric,
	assessment: Assessment
): Omit<SheetImport, 'fatal' | 'fromOtherAssessment'> {
	const max = maxLevelOf(rubric);
	const index = indexIndicators(rubric);
	const byKey = new Map(columns.map((c) => [c.key, c]));
	const problems: SheetProblem[] = [];
	const changes: AnswerChange[] = [];
	const skipped = new Set<number>();
	const seen = new Map<string, number>();
	// Indicator names, to notice an id typed over another indicator's row.
	const titles = new Map<string, Set<string>>();
	for (const [id, { indicator }] of index)
		for (const title of [indicator.title.zh, indicator.title.en])
			titles.set(title, (titles.get(title) ?? new Set()).add(id));

	const report = (row: number, key: string | null, message: Text) => {
		const column = key ? at.get(key) : undefined;
		const def = key ? byKey.get(key) : undefined;
		problems.push({
			sheet: sheet.name,
			row,
			column: column ? columnLetter(column) : null,
			columnName: def ? def.header.zh + ' / ' + def.header.en : null,
			message
		});
		skipped.add(row);
	};
	const cell = (row: number, key: string): ReadCell => {
		const column = at.get(key);
		return column ? cellAt(sheet, row, column) : { t: 'empty' };
	};

	// A merged range keeps only its top-left value: every row it covers is skipped.
	for (const m of sheet.merges) {
		report(m.top, null, sheetMessage('merged', { range: rangeText(m) }));
		for (let row = m.top + 1; row <= m.bottom; row++) skipped.add(row);
	}

	const inputKeys = columns.filter((c) => c.input).map((c) => c.key);
	for (let row = FIRST_DATA_ROW; row <= sheet.rows.length; row++) {
		const idCell = cell(row, 'answers.indicatorId');
		const hasInput = inputKeys.some((k) => cell(row, k).t !== 'empty');
		if (idCell.t === 'empty' || cellText(idCell).trim() === '') {
			if (hasInput) report(row, 'answers.indicatorId', sheetMessage('noId'));
			continue;
		}
		// Formulas in input cells (or in the id) are never taken: say where each one is.
		let formulas = false;
		for (const key of ['answers.indicatorId', ...inputKeys]) {
			const c = cell(row, key);
			if (c.t === 'f') {
				report(row, key, sheetMessage('formula', { formula: `=${c.formula}`.slice(0, 80) }));
				formulas = true;
			} else if (c.t === 'e') {
				report(row, key, sheetMessage('cellError', { value: c.v }));
				formulas = true;
			}
		}
		if (formulas) continue;
		const id = cellText(idCell).trim();
		const entry = index.get(id);
		if (!entry) {
			report(
				row,
				'answers.indicatorId',
				sheetMessage('unknownIndicator', { rubric: rubric.id, version: rubric.version, id })
			);
			continue;
		}
		const first = seen.get(id);
		if (first !== undefined) {
			// Either row may be the one whose id was changed: neither is taken.
			report(row, 'answers.indicatorId', sheetMessage('duplicateId', { id, first }));
			if (!skipped.has(first))
				report(first, 'answers.indicatorId', sheetMessage('duplicateId', { id, first: row }));
			continue;
		}
		seen.set(id, row);
		const title = cellText(cell(row, 'answers.indicator')).trim();
		const namedIds = titles.get(title);
		if (title && namedIds && !namedIds.has(id)) {
			report(row, 'answers.indicatorId', sheetMessage('idChanged', { id, title }));
			continue;
		}
		if (!isInScope(entry, assessment.profile, assessment.mode)) {
			report(row, 'answers.indicatorId', sheetMessage('notInAssessment', { id }));
			continue;
		}

		const before = assessment.answers[id] ?? emptyAnswer();
		const next: Answer = { ...before };
		let bad = false;
		const take = <T>(key: string, parsed: Parsed<T>, message: SheetMessageKey): T | undefined => {
			if (parsed.ok) return parsed.value;
			report(
				row,
				key,
				sheetMessage(message, { max, value: cellText(cell(row, key)).slice(0, 80) })
			);
			bad = true;
			return undefined;
		};
		const level = take('answers.level', parseNumber(cell(row, 'answers.level')), 'notAnInteger');
		const notApplicable = take(
			'answers.notApplicable',
			parseYesNo(cell(row, 'answers.notApplicable')),
			'notYesNo'
		);
		const target = take('answers.target', parseNumber(cell(row, 'answers.target')), 'notATarget');
		const value = take('answers.value', parseNumber(cell(row, 'answers.value')), 'notANumber');
		const noteCell = cell(row, 'answers.note');
		const note = noteCell.t === 'empty' ? '' : cellText(noteCell);
		if (level !== undefined && level !== null && !Number.isInteger(level)) {
			report(row, 'answers.level', sheetMessage('notAnInteger', { max, value: level }));
			bad = true;
		}
		if (target !== undefined && target !== null && !Number.isInteger(target)) {
			report(row, 'answers.target', sheetMessage('notATarget', { max, value: target }));
			bad = true;
		}
		if (value !== undefined && value !== null && !entry.indicator.metric) {
			report(row, 'answers.value', sheetMessage('noMetric'));
			bad = true;
		}
		if (bad) continue;
		next.level = level ?? null;
		next.notApplicable = notApplicable ?? false;
		// An empty target cell keeps the profile's default; a number equal to it changes nothing.
		const inForce = before.target ?? defaultTarget(rubric, entry.indicator, assessment.profile);
		if (target !== undefined && target !== null && target !== inForce) next.target = target;
		if (value !== undefined && (value !== null || before.value !== undefined))
			next.value = value ?? null;
		if (before.value === undefined && value === null) delete next.value;
		if (note !== (before.note ?? '')) next.note = note;

		const ruleProblems = checkAnswer(next, id, rubric, assessment, max);
		if (ruleProblems.length) {
			for (const p of ruleProblems) report(row, p.key, p.message);
			continue;
		}
		changes.push(...diffAnswer(id, row, before, next, inForce));
	}
	return {
		skippedRows: [...skipped].sort((a, b) => a - b),
		changes: changes.filter((c) => !skipped.has(c.row)),
		problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
	};
}

/** `targetInForce`: the target shown as the old value when none of the assessor's own was set. */
function diffAnswer(
	id: string,
	row: number,
	before: Answer,
	next: Answer,
	targetInForce: number
): AnswerChange[] {
	const fields: ChangedField[] = ['level', 'notApplicable', 'target', 'value', 'note'];
	const normal = (a: Answer, f: ChangedField): FieldValue =>
		f === 'note'
			? (a.note ?? '')
			: f === 'value'
				? (a.value ?? null)
				: f === 'target'
					? (a.target ?? targetInForce)
					: a[f];
	return fields.flatMap((field) => {
		const b = normal(before, field);
		const a = normal(next, field);
		return b === a ? [] : [{ indicatorId: id, row, field, before: b, after: a }];
	});
}

/** The answers after the changes: only the indicators and fields listed change. */
export function applySheetChanges(
	assessment: Assessment,
	changes: readonly AnswerChange[]
): Record<string, Answer> {
	const next: Record<string, Answer> = {};
	for (const c of changes) {
		const answer = (next[c.indicatorId] ??= {
			...(assessment.answers[c.indicatorId] ?? emptyAnswer())
		});
		if (c.field === 'note') {
			if (c.after === '') delete answer.note;
			else answer.note = String(c.after);
		} else if (c.field === 'notApplicable') answer.notApplicable = c.after === true;
		else (answer as Record<string, unknown>)[c.field] = c.after;
	}
	return next;
}
