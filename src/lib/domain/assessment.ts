/**
 * The assessment file: the interchange format between the app, the CLI and other tools.
 *
 * Fixed parts other tools rely on: `rubric.id`, `rubric.version`, and `answers` keyed by indicator
 * id with `level` (integer or null), `notApplicable` and `target` (integer or null = the profile's
 * default). Everything else is this app's design and is documented by the JSON Schema that
 * `cli schema assessment` prints.
 */
import { z } from 'zod';
import { calendarDateProblem } from './calendar-date';

export const ASSESSMENT_FORMAT = 'gd-digital-economy-assessment';
export const ASSESSMENT_FORMAT_VERSION = 1;

/** Far above any rubric (the largest has under 200 indicators, a few measures each). */
export const MAX_ANSWERS = 2_000;
export const MAX_ACTIONS = 5_000;
/** A 5 MB evidence file as base64 is under 7 MB; evidence-check measures the file exactly. */
const MAX_DATA_URL_CHARS = 8 * 1024 * 1024;

/** Keys of user-supplied records: never `__proto__`, `constructor` or other odd names. */
const safeKey = z
	.string()
	.max(100, 'is not a valid id (at most 100 characters)')
	.regex(
		/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/,
		'is not a valid id (lower-case letters, digits, "." "-")'
	);

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** YYYY-MM-DD on the real calendar; the pattern also documents the format in the JSON Schema. */
const calendarDate = () =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, {
			message: 'is not a date; write YYYY-MM-DD, such as 2026-01-31',
			abort: true
		})
		.check((ctx) => {
			const problem = calendarDateProblem(ctx.value);
			if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
		});

/** A record with at most `max` keys: an unbounded one would let a file fill the device. */
const boundedRecord = <K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(
	key: K,
	value: V,
	max: number,
	what: string
) =>
	z.record(key, value).check((ctx) => {
		const count = Object.keys(ctx.value).length;
		if (count > max)
			ctx.issues.push({
				code: 'custom',
				message: `has ${count.toLocaleString('en')} ${what}; at most ${max.toLocaleString('en')} are allowed`,
				input: ctx.value
			});
	});

export const EvidenceSchema = z.strictObject({
	id: shortText(100).min(1, 'must not be empty'),
	kind: z.enum(['link', 'file']),
	title: shortText(500),
	url: shortText(2000).optional(),
	fileName: shortText(500).optional(),
	mimeType: shortText(200).optional(),
	size: z.number().int().min(0).optional(),
	/** Files are kept on the device; the interchange file carries them as data URLs. */
	dataUrl: z
		.string()
		.max(MAX_DATA_URL_CHARS, 'holds a file over the 5 MB evidence limit')
		.optional(),
	addedAt: shortText(40).optional()
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The two recorded values of a ratio (value = numerator ÷ denominator × factor). */
export const RatioInputsSchema = z.strictObject({
	numerator: z.number().finite().nullable().optional(),
	denominator: z.number().finite().nullable().optional()
});
export type RatioInputs = z.infer<typeof RatioInputsSchema>;

/** A recorded figure: a plain value, or the inputs of its ratio when the figure has one. */
export const FigureValueSchema = z.union([z.number().finite().nullable(), RatioInputsSchema]);
export type FigureValue = z.infer<typeof FigureValueSchema>;

export const AnswerSchema = z.strictObject({
	level: z.number().int().min(0).nullable(),
	notApplicable: z.boolean().default(false),
	target: z.number().int().min(0).nullable().default(null),
	value: z.number().finite().nullable().optional(),
	/** For a ratio metric: the value is computed from these. */
	inputs: RatioInputsSchema.optional(),
	/** Figures the indicator records (not scored), keyed by figure id. */
	figures: boundedRecord(safeKey, FigureValueSchema, 100, 'figures').optional(),
	note: shortText(20_000).optional(),
	evidence: z.array(EvidenceSchema).max(200).optional()
});
export type Answer = z.infer<typeof AnswerSchema>;

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

export const ProfileSchema = boundedRecord(
	safeKey,
	z.union([safeKey, z.array(safeKey).max(100, 'must list at most 100 options')]),
	100,
	'profile questions'
);
export type Profile = z.infer<typeof ProfileSchema>;

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
	createdAt: shortText(40).optional(),
	updatedAt: shortText(40).optional()
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;

export const emptyAnswer = (): Answer => ({ level: null, notApplicable: false, target: null });
