/**
 * One cell and one answer of the 答卷 sheet: how a cell is read as a number or a yes/no, and the
 * rules an imported answer must meet, which are the assessment file's own (AssessmentSchema and
 * checkAgainstRubric) with their problems placed in the sheet's columns.
 */
import type { Rubric, Text } from '../rubrics/schema';
import { YES } from './answer-sheet';
import { sheetMessage, type SheetMessageKey } from './answer-sheet-messages';
import { cellText, type ReadCell } from './answer-sheet-read';
import { AnswerSchema, type Answer, type Assessment } from './assessment';
import { checkAgainstRubric, describeIssue, formatJsonPath } from './assessment-file';

const YES_WORDS = new Set(['是', 'yes', 'y', 'true', '1', '√', '✓', 'x', YES.zh, YES.en]);
const NO_WORDS = new Set(['', '否', 'no', 'n', 'false', '0']);
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type Parsed<T> =
	{ ok: true; value: T } | { ok: false; key: SheetMessageKey; params?: object };

export function parseNumber(cell: ReadCell): Parsed<number | null> {
	if (cell.t === 'empty') return { ok: true, value: null };
	if (cell.t === 'n') return { ok: true, value: cell.v };
	if (cell.t === 's') {
		const text = cell.v.trim();
		if (text === '') return { ok: true, value: null };
		if (NUMBER_TEXT.test(text)) return { ok: true, value: Number(text) };
	}
	return { ok: false, key: 'notANumber' };
}

export function parseYesNo(cell: ReadCell): Parsed<boolean> {
	if (cell.t === 'empty') return { ok: true, value: false };
	if (cell.t === 'b') return { ok: true, value: cell.v };
	const text = cellText(cell).trim().toLowerCase();
	if (YES_WORDS.has(text)) return { ok: true, value: true };
	if (NO_WORDS.has(text)) return { ok: true, value: false };
	return { ok: false, key: 'notYesNo' };
}

/** The one set of rules: the assessment schema and the checks against the rubric. */
export function checkAnswer(
	next: Answer,
	id: string,
	rubric: Rubric,
	assessment: Assessment,
	max: number
): { key: string | null; message: Text }[] {
	const path = formatJsonPath(['answers', id]);
	const column = (problemPath: string) => {
		const rest = problemPath.slice(path.length);
		const field = /^\.(level|notApplicable|target|value|note|inputs)/.exec(rest)?.[1];
		if (field === 'inputs') return 'answers.value';
		return field ? `answers.${field}` : null;
	};
	const parsed = AnswerSchema.safeParse(next);
	if (!parsed.success)
		return parsed.error.issues.map((issue) => {
			const p = describeIssue(issue);
			const field = issue.path[0];
			return {
				key: typeof field === 'string' ? `answers.${field}` : null,
				message: sheetMessage('invalid', { detail: p.message })
			};
		});
	return checkAgainstRubric({ ...assessment, answers: { [id]: parsed.data } }, rubric)
		.filter((p) => p.path.startsWith(path))
		.map((p) => {
			const key = column(p.path);
			const message =
				key === 'answers.level' && next.level !== null && next.level > max
					? sheetMessage('offScale', { value: next.level, max })
					: key === 'answers.target'
						? sheetMessage('notATarget', { value: next.target ?? '', max })
						: key === 'answers.notApplicable'
							? sheetMessage('notApplicableRefused')
							: key === null && next.notApplicable && next.level !== null
								? sheetMessage('levelAndNotApplicable')
								: sheetMessage('invalid', { detail: p.message });
			return { key: key ?? 'answers.level', message };
		});
}
