/**
 * One answer of an assessment and the pieces every file format of this app builds from: bounded
 * ids, texts, calendar dates and records, evidence, ratio inputs and figures. The assessment file,
 * the coordination records (several respondents) and the files moving between offices share them.
 */
import { z } from 'zod';
import { calendarDateProblem } from './calendar-date';

/** A 5 MB evidence file as base64 is under 7 MB; evidence-check measures the file exactly. */
const MAX_DATA_URL_CHARS = 8 * 1024 * 1024;

/** Keys of user-supplied records: never `__proto__`, `constructor` or other odd names. */
export const safeKey = z
	.string()
	.max(100, 'is not a valid id (at most 100 characters)')
	.regex(
		/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/,
		'is not a valid id (lower-case letters, digits, "." "-")'
	);

export const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** YYYY-MM-DD on the real calendar; the pattern also documents the format in the JSON Schema. */
export const calendarDate = () =>
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
export const boundedRecord = <K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(
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

export const ProfileSchema = boundedRecord(
	safeKey,
	z.union([safeKey, z.array(safeKey).max(100, 'must list at most 100 options')]),
	100,
	'profile questions'
);
export type Profile = z.infer<typeof ProfileSchema>;
