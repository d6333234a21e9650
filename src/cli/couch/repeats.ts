/**
 * Which assessments on the server are earlier repeats: a subject assessed more than once in a
 * period counts with its latest assessment only (src/lib/domain/sync/periods.ts). The
 * `subject-periods` view grouped by [period, subject] gives one small row per subject and
 * period — how many subjects each period counts, and the few assessed more than once; only
 * those few are read unreduced (which is latest) and only the earlier ones' summaries fetched,
 * so their scores can be taken out of the scores views' numbers.
 */
import { SUBJECT_PERIODS_VIEW } from '../../lib/domain/sync/design';
import { latestOf, subjectPeriodKey, type Recency } from '../../lib/domain/sync/periods';
import type { AssessmentSummary } from '../../lib/domain/sync/summary';
import type { ViewQuery } from './view-query';

/** Subject rows per request: a province of 10,000 subjects in two requests, none of them big. */
const PAGE = 5000;
/** Documents per request when fetching the repeats' summaries. */
const DOCS_PAGE = 200;

export interface ServerRepeats {
	/** Subjects counted in each period */
	subjects: Map<string, number>;
	/** The earlier repeats left out, by period: their document ids and summaries */
	repeats: Map<string, RepeatDocument[]>;
}

export interface RepeatDocument {
	_id: string;
	summary: AssessmentSummary;
}

type SubjectKey = [period: string, subject: string];

export async function findRepeats(query: ViewQuery, period?: string): Promise<ServerRepeats> {
	const subjects = new Map<string, number>();
	const repeated: SubjectKey[] = [];
	const range = period === undefined ? {} : { startkey: [period], endkey: [period, {}] };
	for (let skip = 0; ; skip += PAGE) {
		const rows = await query.view<SubjectKey, number>(SUBJECT_PERIODS_VIEW, {
			...range,
			group_level: 2,
			skip,
			limit: PAGE
		});
		for (const { key, value } of rows) {
			subjects.set(key[0], (subjects.get(key[0]) ?? 0) + 1);
			if (value > 1) repeated.push(key);
		}
		if (rows.length < PAGE) break;
	}

	const repeats = new Map<string, RepeatDocument[]>();
	if (!repeated.length) return { subjects, repeats };
	const rows = await query.view<SubjectKey, [string, string]>(
		SUBJECT_PERIODS_VIEW,
		{ reduce: false },
		{ keys: repeated }
	);
	const bySubject = new Map<string, (Recency & { docId: string })[]>();
	for (const { id, key, value } of rows) {
		const k = subjectPeriodKey(key[0], key[1]);
		const list = bySubject.get(k) ?? [];
		list.push({ docId: id, id: id.slice('assessment:'.length), date: value[0], savedAt: value[1] });
		bySubject.set(k, list);
	}
	const earlier: string[] = [];
	for (const list of bySubject.values()) {
		const latest = latestOf(list);
		for (const item of list) if (item !== latest) earlier.push(item.docId);
	}
	for (let i = 0; i < earlier.length; i += DOCS_PAGE) {
		const docs = await query.documents<RepeatDocument>(earlier.slice(i, i + DOCS_PAGE));
		for (const doc of docs) {
			const list = repeats.get(doc.summary.period) ?? [];
			list.push(doc);
			repeats.set(doc.summary.period, list);
		}
	}
	return { subjects, repeats };
}
