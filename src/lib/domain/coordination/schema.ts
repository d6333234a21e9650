/**
 * Several respondents, one assessment: the records a coordinating office keeps on its assessment
 * (who answers what, what was handed out, what came back, what it decided, the change log) and
 * the two files that move between offices with no server: the 填报包 (package, coordinator →
 * respondent) and the 回执 (return, respondent → coordinator). All optional on the assessment,
 * so files written before coordination existed read as before.
 */
import { z } from 'zod';
import {
	AnswerSchema,
	boundedRecord,
	calendarDate,
	ProfileSchema,
	safeKey,
	shortText
} from '../answer';

import {
	COORDINATION_FILE_VERSION,
	MAX_RESPONDENTS,
	PACKAGE_FORMAT,
	RETURN_FORMAT
} from './formats';

export {
	COORDINATION_FILE_VERSION,
	MAX_RESPONDENTS,
	PACKAGE_FORMAT,
	RETURN_FORMAT
} from './formats';
const MAX_INDICATORS = 2_000;
const MAX_LOG = 20_000;

/** A department (city) or a function (enterprise) that answers part of the assessment. */
export const RespondentSchema = z.strictObject({
	id: safeKey,
	name: shortText(200).min(1, 'must not be empty'),
	/** The rubric actor it stands for (表2 department or enterprise function), when it is one. */
	actorId: safeKey.optional(),
	contact: shortText(500).optional(),
	deadline: calendarDate().optional(),
	instruction: shortText(5_000).optional()
});
export type Respondent = z.infer<typeof RespondentSchema>;

/** One package handed out: what the respondent saw, so a later change can be told from it. */
export const PackageRecordSchema = z.strictObject({
	id: safeKey,
	respondentId: safeKey,
	issuedOn: calendarDate(),
	indicators: z.array(safeKey).max(MAX_INDICATORS),
	/** The answers as handed out (no notes or evidence), by indicator. */
	base: boundedRecord(safeKey, AnswerSchema, MAX_INDICATORS, 'answers')
});
export type PackageRecord = z.infer<typeof PackageRecordSchema>;

/** What one respondent answered for one indicator, from its latest return. */
export const ContributionSchema = z.strictObject({
	answer: AnswerSchema,
	packageId: safeKey,
	/** The return's sequence number: each export from the respondent's task counts up. */
	sequence: z.number().int().min(1),
	person: shortText(200).default(''),
	returnedOn: calendarDate()
});
export type Contribution = z.infer<typeof ContributionSchema>;

/**
 * The coordinator's decision on an indicator: a side chosen or a consolidated answer recorded,
 * or the coordinator's own edit. `basis` names the contributions it was made with (respondent →
 * sequence); a contribution that arrives later is weighed against it again.
 */
export const DecisionSchema = z.strictObject({
	answer: AnswerSchema,
	basis: boundedRecord(safeKey, shortText(200), MAX_RESPONDENTS, 'respondents'),
	by: shortText(200).default(''),
	on: calendarDate(),
	/** `respondent` when one respondent's answer was taken, `coordinator` otherwise. */
	choice: z.enum(['respondent', 'coordinator', 'consolidated']),
	respondentId: safeKey.optional(),
	note: shortText(5_000).optional()
});
export type Decision = z.infer<typeof DecisionSchema>;

export const LogEntrySchema = z.strictObject({
	on: calendarDate(),
	by: shortText(200).default(''),
	kind: z.enum(['answer', 'merge', 'decision', 'finalise', 'reopen']),
	indicatorId: safeKey.optional(),
	/** What changed in the answer, field by field (values as short text; `null` when empty). */
	changes: z
		.array(
			z.strictObject({
				field: z.enum(['level', 'notApplicable', 'target', 'value', 'figures', 'note', 'evidence']),
				from: shortText(500).nullable(),
				to: shortText(500).nullable()
			})
		)
		.max(20)
		.optional(),
	/** A merge's summary: how many answers a return brought, changed and left to decide. */
	counts: z
		.strictObject({
			answers: z.number().int().min(0),
			changed: z.number().int().min(0),
			conflicts: z.number().int().min(0)
		})
		.optional(),
	respondentId: safeKey.optional(),
	reason: shortText(5_000).optional()
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const CoordinationSchema = z.strictObject({
	coordinator: shortText(200).default(''),
	respondents: z.array(RespondentSchema).max(MAX_RESPONDENTS).default([]),
	/** Indicator → the respondents who answer it (several allowed). */
	assignments: boundedRecord(
		safeKey,
		z.array(safeKey).max(MAX_RESPONDENTS),
		MAX_INDICATORS,
		'assignments'
	).default({}),
	packages: z
		.array(PackageRecordSchema)
		.max(MAX_RESPONDENTS * 20)
		.default([]),
	/** Indicator → respondent → its latest contribution. */
	contributions: boundedRecord(
		safeKey,
		boundedRecord(safeKey, ContributionSchema, MAX_RESPONDENTS, 'respondents'),
		MAX_INDICATORS,
		'contributions'
	).default({}),
	/** The coordinator's own answer of an indicator, kept when respondents' answers first arrive. */
	own: boundedRecord(safeKey, AnswerSchema, MAX_INDICATORS, 'answers').default({}),
	decisions: boundedRecord(safeKey, DecisionSchema, MAX_INDICATORS, 'decisions').default({}),
	/** Set while the assessment is signed off (定稿); read-only until reopened. */
	finalised: z
		.strictObject({ by: shortText(200).min(1, 'must name who signed off'), on: calendarDate() })
		.optional(),
	log: z.array(LogEntrySchema).max(MAX_LOG).default([])
});
export type Coordination = z.infer<typeof CoordinationSchema>;

/** On a respondent's device: the assessment is a task from a package, limited to its indicators. */
export const TaskSchema = z.strictObject({
	packageId: safeKey,
	/** The coordinator's assessment the package came from */
	assessmentId: shortText(100).min(1),
	respondent: RespondentSchema,
	coordinator: shortText(200).default(''),
	issuedOn: calendarDate(),
	indicators: z.array(safeKey).max(MAX_INDICATORS),
	/** Returns exported so far; the next one is numbered one higher. */
	returned: z.number().int().min(0).default(0)
});
export type Task = z.infer<typeof TaskSchema>;

const RubricRefSchema = z.strictObject({
	id: safeKey,
	version: shortText(50).regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0')
});

const SubjectRefSchema = z.strictObject({
	id: shortText(100).min(1),
	name: shortText(200).min(1, 'must not be empty'),
	kind: z.enum(['city', 'enterprise'])
});

/** 填报包: what a respondent needs to answer its indicators, and nothing else. */
export const PackageFileSchema = z.strictObject({
	format: z.literal(PACKAGE_FORMAT),
	formatVersion: z.literal(COORDINATION_FILE_VERSION),
	package: z.strictObject({ id: safeKey, issuedOn: calendarDate() }),
	coordinator: shortText(200).default(''),
	assessment: z.strictObject({
		id: shortText(100).min(1),
		rubric: RubricRefSchema,
		subject: SubjectRefSchema,
		profile: ProfileSchema.default({}),
		mode: z.enum(['full', 'quick']).default('full'),
		period: shortText(100).default(''),
		date: calendarDate()
	}),
	respondent: RespondentSchema,
	indicators: z.array(safeKey).min(1, 'assigns no indicator').max(MAX_INDICATORS),
	answers: boundedRecord(safeKey, AnswerSchema, MAX_INDICATORS, 'answers')
});
export type PackageFile = z.infer<typeof PackageFileSchema>;

/** 回执: a respondent's answers to its package. */
export const ReturnFileSchema = z.strictObject({
	format: z.literal(RETURN_FORMAT),
	formatVersion: z.literal(COORDINATION_FILE_VERSION),
	packageId: safeKey,
	assessmentId: shortText(100).min(1),
	rubric: RubricRefSchema,
	respondentId: safeKey,
	person: shortText(200).default(''),
	returnedOn: calendarDate(),
	sequence: z.number().int().min(1),
	answers: boundedRecord(safeKey, AnswerSchema, MAX_INDICATORS, 'answers')
});
export type ReturnFile = z.infer<typeof ReturnFileSchema>;
