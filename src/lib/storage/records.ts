/**
 * What is stored on the device, and how older stored records are brought up to date.
 * Every record carries `schemaVersion`; records are validated on read; each migration is one
 * function from version n to n + 1; a record newer than this app is refused, never overwritten.
 */
import { z } from 'zod';
import { AssessmentSchema } from '$lib/domain/assessment';

export const RECORD_SCHEMA_VERSION = 1;

const isoDate = z.string().max(40);

export const SubjectSummarySchema = z.strictObject({
	assessmentIds: z.array(z.string()),
	latest: z
		.strictObject({
			assessmentId: z.string(),
			date: z.string(),
			period: z.string(),
			score: z.number().nullable(),
			coverage: z.number()
		})
		.nullable()
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

export const SubjectRecordSchema = z.strictObject({
	schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
	id: z.string().min(1).max(100),
	kind: z.enum(['city', 'enterprise']),
	name: z.string().min(1).max(200),
	rubricId: z.string().max(100),
	profile: AssessmentSchema.shape.profile,
	note: z.string().max(5000).default(''),
	archived: z.boolean().default(false),
	createdAt: isoDate,
	updatedAt: isoDate,
	summary: SubjectSummarySchema
});
export type SubjectRecord = z.infer<typeof SubjectRecordSchema>;

export const AssessmentRecordSchema = z.strictObject({
	schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
	/** Increases with every save; a save that expected another revision is a conflict */
	revision: z.number().int().min(0),
	updatedAt: isoDate,
	assessment: AssessmentSchema
});
export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>;

export const MetaRecordSchema = z.strictObject({
	schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
	lastExportAt: isoDate.nullable().default(null),
	firstRunDismissed: z.boolean().default(false)
});
export type MetaRecord = z.infer<typeof MetaRecordSchema>;

export type RecordKind = 'subject' | 'assessment' | 'meta';

const schemas = {
	subject: SubjectRecordSchema,
	assessment: AssessmentRecordSchema,
	meta: MetaRecordSchema
} as const;

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
): z.infer<(typeof schemas)[K]> {
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
	const parsed = schemas[kind].safeParse(record);
	if (!parsed.success)
		throw new CorruptRecordError(kind, key, parsed.error.issues[0]?.message ?? 'invalid');
	return parsed.data as z.infer<(typeof schemas)[K]>;
}
