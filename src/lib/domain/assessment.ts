/**
 * The assessment file: the interchange format between the app, the CLI and other tools.
 *
 * Fixed parts other tools rely on: `rubric.id`, `rubric.version`, and `answers` keyed by indicator
 * id with `level` (integer or null), `notApplicable` and `target` (integer or null = the profile's
 * default). Everything else is this app's design and is documented by the JSON Schema that
 * `cli schema assessment` prints.
 */
import { z } from 'zod';

export const ASSESSMENT_FORMAT = 'gd-digital-economy-assessment';
export const ASSESSMENT_FORMAT_VERSION = 1;

/** Keys of user-supplied records: never `__proto__`, `constructor` or other odd names. */
const safeKey = z
	.string()
	.regex(
		/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/,
		'is not a valid id (lower-case letters, digits, "." "-")'
	);

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const EvidenceSchema = z.strictObject({
	id: shortText(100),
	kind: z.enum(['link', 'file']),
	title: shortText(500),
	url: shortText(2000).optional(),
	fileName: shortText(500).optional(),
	mimeType: shortText(200).optional(),
	size: z.number().int().min(0).optional(),
	/** Files are kept on the device; the interchange file carries them as data URLs. */
	dataUrl: z.string().optional(),
	addedAt: shortText(40).optional()
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AnswerSchema = z.strictObject({
	level: z.number().int().min(0).nullable(),
	notApplicable: z.boolean().default(false),
	target: z.number().int().min(0).nullable().default(null),
	value: z.number().finite().nullable().optional(),
	note: shortText(20_000).optional(),
	evidence: z.array(EvidenceSchema).max(200).optional()
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ActionStatusSchema = z.enum(['open', 'planned', 'in-progress', 'done']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ActionSchema = z.strictObject({
	status: ActionStatusSchema,
	owner: shortText(200).optional(),
	due: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
		.optional(),
	note: shortText(5000).optional()
});
export type Action = z.infer<typeof ActionSchema>;

export const ProfileSchema = z.record(safeKey, z.union([safeKey, z.array(safeKey)]));
export type Profile = z.infer<typeof ProfileSchema>;

export const AssessmentSchema = z.strictObject({
	$schema: z.string().optional(),
	format: z.literal(ASSESSMENT_FORMAT),
	formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION),
	id: shortText(100).min(1),
	rubric: z.strictObject({
		id: safeKey,
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0')
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
	date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
	answers: z.record(safeKey, AnswerSchema),
	narrative: shortText(50_000).optional(),
	actions: z.record(z.string().regex(/^[a-z0-9.:-]+$/), ActionSchema).optional(),
	createdAt: shortText(40).optional(),
	updatedAt: shortText(40).optional()
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;

export const emptyAnswer = (): Answer => ({ level: null, notApplicable: false, target: null });
