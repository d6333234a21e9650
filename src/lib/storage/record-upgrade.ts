/**
 * Stored records without their schemas: the format version, the migrations, the errors and the
 * upgrade of an old record. The zod schemas (records.ts) are a large module that pages need only
 * once they read the database: database.ts loads them while it opens the database and hands out
 * no connection before they are in place, so every record read is still validated.
 */
import { isCalendarDate } from '$lib/domain/calendar-date';
import type { AssessmentRecord, MetaRecord, SubjectRecord } from './records';

export type { AssessmentRecord, MetaRecord, SubjectRecord, SubjectSummary } from './records';

export const RECORD_SCHEMA_VERSION = 1;

export type RecordKind = 'subject' | 'assessment' | 'meta';

interface RecordTypes {
	subject: SubjectRecord;
	assessment: AssessmentRecord;
	meta: MetaRecord;
}

/** What a record schema offers here: zod's safeParse, without importing zod. */
interface RecordSchema<T> {
	safeParse(
		value: unknown
	): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export type RecordSchemas = { [K in RecordKind]: RecordSchema<RecordTypes[K]> };

let schemas: RecordSchemas | undefined;

/** Called by records.ts when it loads: from then on records can be read. */
export function useRecordSchemas(loaded: RecordSchemas) {
	schemas = loaded;
}

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[kind][n] turns a version-n record into a version-(n + 1) record. Version 1 is the
 * first stored format, so there are none yet; each future one gets a fixture test.
 */
export const migrations: Record<RecordKind, Record<number, Migration>> = {
	subject: {},
	assessment: {},
	meta: {}
};

export class NewerRecordError extends Error {
	constructor(
		readonly kind: RecordKind,
		readonly version: number,
		readonly key = ''
	) {
		super(
			`A ${kind} record was saved by a newer version of this app (format ${version}); update the app to open it. It has not been changed.`
		);
		this.name = 'NewerRecordError';
	}
}

export class CorruptRecordError extends Error {
	constructor(
		readonly kind: RecordKind,
		readonly key: string,
		detail: string
	) {
		super(`Stored ${kind} "${key}" cannot be read (${detail}); it has been left as it is.`);
		this.name = 'CorruptRecordError';
	}
}

/** Brings a stored record to the current version and validates it. */
export function upgradeRecord<K extends RecordKind>(
	kind: K,
	key: string,
	raw: unknown
): RecordTypes[K] {
	// Never read a record unvalidated: the database hands out no connection before this is set.
	if (!schemas) throw new Error('Record schemas are not loaded: open the database first.');
	if (typeof raw !== 'object' || raw === null)
		throw new CorruptRecordError(kind, key, 'not an object');
	let record = raw as Record<string, unknown>;
	let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0;
	if (version > RECORD_SCHEMA_VERSION) throw new NewerRecordError(kind, version, key);
	while (version < RECORD_SCHEMA_VERSION) {
		const migrate = migrations[kind][version];
		if (!migrate) throw new CorruptRecordError(kind, key, `no migration from version ${version}`);
		record = { ...migrate(record), schemaVersion: version + 1 };
		version += 1;
	}
	if (kind === 'assessment') record = repairStoredDates(record);
	const parsed = (schemas[kind] as RecordSchema<RecordTypes[K]>).safeParse(record);
	if (!parsed.success)
		throw new CorruptRecordError(kind, key, parsed.error.issues[0]?.message ?? 'invalid');
	return parsed.data;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Dates became strict (a real calendar date, years 1900–2100) after records were already being
 * stored: a browser date field could save a year such as 0202. Such a record must not turn
 * unreadable, and what the user typed must not vanish: an impossible due date moves into the
 * action's note, an impossible assessment date is replaced by the day the record was created and
 * the original is kept in the narrative, where the user sees and can correct it.
 */
export function repairStoredDates(record: Record<string, unknown>): Record<string, unknown> {
	const assessment = record.assessment;
	if (!isRecord(assessment)) return record;
	let repaired = assessment;
	const actions = assessment.actions;
	if (isRecord(actions)) {
		const fixed = Object.fromEntries(
			Object.entries(actions).map(([k, action]) => {
				if (!isRecord(action) || typeof action.due !== 'string' || isCalendarDate(action.due))
					return [k, action];
				const { due, ...rest } = action;
				const moved = `原定完成日期 ${due} 不是有效日期，已从日期栏移入备注。`;
				const note = typeof rest.note === 'string' && rest.note ? `${rest.note}\n${moved}` : moved;
				return [k, { ...rest, note }];
			})
		);
		repaired = { ...repaired, actions: fixed };
	}
	const date = assessment.date;
	if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date)) {
		const created = [assessment.createdAt, record.updatedAt]
			.map((d) => (typeof d === 'string' ? d.slice(0, 10) : ''))
			.find(isCalendarDate);
		if (created) {
			const moved = `评估日期 ${date} 不是有效日期，已改为记录创建日 ${created}，请核对。`;
			const narrative =
				typeof assessment.narrative === 'string' && assessment.narrative
					? `${assessment.narrative}\n\n${moved}`
					: moved;
			repaired = { ...repaired, date: created, narrative };
		}
	}
	return repaired === assessment ? record : { ...record, assessment: repaired };
}
