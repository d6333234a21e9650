/**
 * What is stored on the device: the record schemas. Every record carries `schemaVersion`; records
 * are validated on read; each migration is one function from version n to n + 1; a record newer
 * than this app is refused, never overwritten (record-upgrade.ts, which pages load without zod;
 * database.ts loads this module while it opens the database).
 */
import { z } from 'zod';
import { AssessmentSchema } from '$lib/domain/assessment';
import type { ScoreSummary } from '$lib/domain/score-summary';
import { SubjectSchema } from '$lib/domain/subject';
import { RECORD_SCHEMA_VERSION, useRecordSchemas } from './record-upgrade';

export {
	CorruptRecordError,
	NewerRecordError,
	RECORD_SCHEMA_VERSION,
	migrations,
	repairStoredDates,
	upgradeRecord,
	type RecordKind
} from './record-upgrade';

const isoDate = z.string().max(40);

const scoreMap = z.record(z.string().max(100), z.number().nullable());

/** See domain/score-summary.ts: what a stored summary says and how it goes stale. */
export const ScoreSummarySchema = z.strictObject({
	method: z.number().int(),
	rubric: z.strictObject({
		id: z.string().max(100),
		version: z.string().max(40),
		hash: z.string().max(40)
	}),
	fingerprint: z.string().max(40),
	task: z.boolean(),
	overall: z.number().nullable(),
	coverage: z.number(),
	answered: z.number().int(),
	applicable: z.number().int(),
	pillars: scoreMap,
	domains: scoreMap
}) satisfies z.ZodType<ScoreSummary>;

export const SubjectSummarySchema = z.strictObject({
	assessmentIds: z.array(z.string()),
	latest: z
		.strictObject({
			assessmentId: z.string(),
			date: z.string(),
			period: z.string(),
			score: z.number().nullable(),
			coverage: z.number(),
			/**
			 * The latest assessment's scores in full (for the benchmark). Absent on records stored
			 * before summaries were kept, and after a write that could not score: computed lazily.
			 */
			scores: ScoreSummarySchema.optional()
		})
		.nullable()
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

export const SubjectRecordSchema = z.strictObject({
	schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
	...SubjectSchema.shape,
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

// Reading records (record-upgrade.ts) validates against these from now on.
useRecordSchemas({
	subject: SubjectRecordSchema,
	assessment: AssessmentRecordSchema,
	meta: MetaRecordSchema
});
