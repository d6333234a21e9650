/**
 * The assessment file: the interchange format between the app, the CLI and other tools.
 *
 * Fixed parts other tools rely on: `rubric.id`, `rubric.version`, and `answers` keyed by indicator
 * id with `level` (integer or null), `notApplicable` and `target` (integer or null = the profile's
 * default). Everything else is this app's design and is documented by the JSON Schema that
 * `cli schema assessment` prints.
 */
import { z } from 'zod';
import { CoordinationSchema, TaskSchema } from './coordination/schema';
import {
	ASSESSMENT_FORMAT,
	ASSESSMENT_FORMAT_VERSION,
	MAX_ACTIONS,
	MAX_ANSWERS
} from './assessment-format';
import {
	AnswerSchema,
	ProfileSchema,
	boundedRecord,
	calendarDate,
	EvidenceSchema,
	safeKey,
	shortText
} from './answer';

export {
	AnswerSchema,
	EvidenceSchema,
	FigureValueSchema,
	ProfileSchema,
	RatioInputsSchema,
	type Answer,
	type Profile,
	type Evidence,
	type FigureValue,
	type RatioInputs
} from './answer';

export {
	ASSESSMENT_FORMAT,
	ASSESSMENT_FORMAT_VERSION,
	MAX_ACTIONS,
	MAX_ANSWERS,
	emptyAnswer
} from './assessment-format';

export const ActionStatusSchema = z.enum(['open', 'planned', 'in-progress', 'done']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ActionSchema = z.strictObject({
	status: ActionStatusSchema,
	owner: shortText(200).optional(),
	due: calendarDate().optional(),
	note: shortText(5000).optional()
});
export type Action = z.infer<typeof ActionSchema>;

export const ComplianceStatusSchema = z.enum(['met', 'not-met', 'not-applicable']);
export type ComplianceStatusValue = z.infer<typeof ComplianceStatusSchema>;

/** The answer to a compliance check (a legal duty): kept apart from the maturity answers. */
export const ComplianceAnswerSchema = z.strictObject({
	status: ComplianceStatusSchema.nullable(),
	note: shortText(20_000).optional(),
	evidence: z.array(EvidenceSchema).max(200).optional()
});
export type ComplianceAnswer = z.infer<typeof ComplianceAnswerSchema>;

export const AssessmentSchema = z.strictObject({
	$schema: shortText(500).optional(),
	format: z.literal(ASSESSMENT_FORMAT),
	formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION),
	id: shortText(100).min(1),
	rubric: z.strictObject({
		id: safeKey,
		version: shortText(50).regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0')
	}),
	subject: z.strictObject({
		id: shortText(100).min(1),
		name: shortText(200).min(1, 'must not be empty'),
		kind: z.enum(['city', 'enterprise'])
	}),
	profile: ProfileSchema.default({}),
	mode: z.enum(['full', 'quick']).default('full'),
	period: shortText(100).default(''),
	assessor: shortText(200).default(''),
	date: calendarDate(),
	answers: boundedRecord(safeKey, AnswerSchema, MAX_ANSWERS, 'answers'),
	/** Compliance checks by id; never part of the maturity score. */
	compliance: boundedRecord(safeKey, ComplianceAnswerSchema, 500, 'compliance answers').optional(),
	narrative: shortText(50_000).optional(),
	/** Keyed by measure and actor (see domain/actions.ts); older files by measure only. */
	actions: boundedRecord(
		z
			.string()
			.max(200, 'is not a measure key (too long)')
			.regex(
				/^[a-z0-9.:-]+(?:@[a-z0-9]+(?:[.-][a-z0-9]+)*)?$/,
				'is not a measure key (measureKey@actorId, or measureKey alone)'
			),
		ActionSchema,
		MAX_ACTIONS,
		'actions'
	)
		.optional()
		.describe(
			'Action-plan statuses. Key: "<measure>@<actor>" — the status of one measure for one responsible actor (actor id from the rubric\'s "actors"). <measure> is the measure\'s id, or indicatorId:toLevel:n for rubric 1.0 measures, which have no id. A key without "@<actor>" (files written before statuses were per actor) is the status of every actor of that measure that has none of its own.'
		),
	/** Several respondents: assignments, returns, decisions, sign-off and change log. */
	coordination: CoordinationSchema.optional(),
	/** On a respondent's device: this assessment answers a package (填报包). */
	task: TaskSchema.optional(),
	createdAt: shortText(40).optional(),
	updatedAt: shortText(40).optional()
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
