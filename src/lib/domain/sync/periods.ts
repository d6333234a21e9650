/**
 * The province view reads one period at a time, and counts each subject once in it. A subject
 * assessed for 2025年度 and 2026年度 is in both periods' numbers, each with that year's scores; a
 * subject assessed twice in one period (a repeat made on purpose, "（第 2 次）" in the app) counts
 * with its latest assessment only: the later date, then the later saved, then — for two
 * identical in both — the greater assessment id, so that the server and the files always pick
 * the same one.
 */
import type { AssessmentSummary } from './summary';

/** What decides which of a subject's assessments in a period counts. */
export interface Recency {
	/** The assessment's id (the document id without `assessment:`) */
	id: string;
	/** The assessment's date (YYYY-MM-DD) */
	date: string;
	/** When it was last saved (the record's updatedAt, an ISO time); '' when it has none */
	savedAt: string;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when a is earlier than b, positive when later; never 0 for two different ids. */
export function compareRecency(a: Recency, b: Recency): number {
	return (
		compareText(a.date, b.date) || compareText(a.savedAt, b.savedAt) || compareText(a.id, b.id)
	);
}

/** The latest of several assessments (at least one). */
export function latestOf<T extends Recency>(items: readonly T[]): T {
	return items.reduce((latest, item) => (compareRecency(item, latest) > 0 ? item : latest));
}

/**
 * Periods newest first: "2026年度" before "2025年度" (a year leads the period names the app
 * suggests, so text order is time order), assessments without a period last.
 */
export function comparePeriods(a: string, b: string): number {
	return (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || compareText(b, a);
}

/** The key of a subject in a period. */
export const subjectPeriodKey = (period: string, subjectId: string) =>
	JSON.stringify([period, subjectId]);

/** An assessment with what the province view needs of it. */
export interface SummaryEntry extends Recency {
	summary: AssessmentSummary;
}

/**
 * Splits assessments into those that count (one per subject and period, the latest) and the
 * earlier repeats left out.
 */
export function latestPerSubject<T extends SummaryEntry>(
	entries: readonly T[]
): { counted: T[]; repeats: T[] } {
	const bySubject = new Map<string, T[]>();
	for (const entry of entries) {
		const key = subjectPeriodKey(entry.summary.period, entry.summary.subject.id);
		const list = bySubject.get(key);
		if (list) list.push(entry);
		else bySubject.set(key, [entry]);
	}
	const counted: T[] = [];
	const repeats: T[] = [];
	for (const list of bySubject.values()) {
		const latest = latestOf(list);
		counted.push(latest);
		for (const entry of list) if (entry !== latest) repeats.push(entry);
	}
	return { counted, repeats };
}
