/**
 * Dates as the files carry them: YYYY-MM-DD on the real calendar (no 2026-02-30), in a range
 * that makes sense for an assessment or a due date. One rule for every date field and the CLI.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Why `text` is not a usable date, in plain words, or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return `"${shown}" is not a date; write YYYY-MM-DD, such as 2026-01-31`;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (year < MIN_YEAR || year > MAX_YEAR)
		return `${text} is outside the years ${MIN_YEAR}–${MAX_YEAR}; write YYYY-MM-DD`;
	const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!)
		return `${text} is not a calendar date; write YYYY-MM-DD`;
	return undefined;
}

export const isCalendarDate = (text: string) => calendarDateProblem(text) === undefined;
