/**
 * Reading untrusted assessment files: size and nesting limits, JSON errors with a position,
 * schema errors with a JSON path, and checks against the rubric the file claims to use.
 * Every failure is an InputError with one readable message; nothing here throws anything else
 * for bad input.
 */
import { splitActionKey } from './actions';
import type { z } from 'zod';
import type { Indicator, Ratio, Rubric } from '../rubrics/schema';
import { AssessmentSchema, type Answer, type Assessment, type RatioInputs } from './assessment';
import { computeRatio } from './ratio';
import { evidenceProblems, sharedFileIdProblems } from './evidence-check';
import { indexIndicators, matchesCondition, maxLevelOf } from './rubric-index';

import { formatJsonPath, InputError, parseJsonText, type Problem } from './json-input';

export {
	formatJsonPath,
	InputError,
	MAX_ASSESSMENT_BYTES,
	MAX_NESTING,
	parseJsonText,
	type Problem
} from './json-input';

/** A schema issue as a problem; a bad record key says what is wrong with it, not only "invalid". */
export function describeIssue(issue: z.core.$ZodIssue): Problem {
	const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
	return { path: formatJsonPath(issue.path), message: inner ?? issue.message };
}

/** Validates the shape of an assessment (not yet against its rubric). */
export function validateAssessment(data: unknown, file: string): Assessment {
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new InputError(file, [{ path: '$', message: 'expected a JSON object (an assessment)' }]);
	const format = (data as Record<string, unknown>).format;
	if (format !== undefined && format !== 'gd-digital-economy-assessment')
		throw new InputError(file, [
			{ path: '$.format', message: `"${String(format)}" is not an assessment of this app` }
		]);
	if (format === undefined && !('answers' in data))
		throw new InputError(file, [
			{
				path: '$',
				message: 'this JSON is not an assessment of this app (no "format", no "answers")'
			}
		]);
	const version = (data as Record<string, unknown>).formatVersion;
	if (typeof version === 'number' && version > 1)
		throw new InputError(file, [
			{
				path: '$.formatVersion',
				message: `format version ${version} is newer than this app supports (1); update the app to open it`
			}
		]);
	const result = AssessmentSchema.safeParse(data);
	if (!result.success)
		throw new InputError(file, result.error.issues.slice(0, 20).map(describeIssue));
	return result.data;
}

/** Problems with an assessment's answers and profile relative to its rubric. */
export function checkAgainstRubric(assessment: Assessment, rubric: Rubric): Problem[] {
	const problems: Problem[] = [];
	const max = maxLevelOf(rubric);
	const index = indexIndicators(rubric);
	for (const [id, answer] of Object.entries(assessment.answers)) {
		const path = formatJsonPath(['answers', id]);
		const entry = index.get(id);
		if (!entry) {
			problems.push({
				path,
				message: `unknown indicator id in rubric ${rubric.id} ${rubric.version}`
			});
			continue;
		}
		if (answer.level !== null && answer.level > max)
			problems.push({
				path: `${path}.level`,
				message: `level ${answer.level} is off the scale 0–${max}`
			});
		if (answer.target !== null && answer.target > max)
			problems.push({
				path: `${path}.target`,
				message: `target ${answer.target} is off the scale 0–${max}`
			});
		if (answer.notApplicable && !entry.indicator.allowNotApplicable)
			problems.push({
				path: `${path}.notApplicable`,
				message: 'this indicator cannot be marked not applicable'
			});
		if (answer.notApplicable && answer.level !== null)
			problems.push({ path, message: 'an answer cannot have a level and be not applicable' });
		problems.push(...recordedValueProblems(entry.indicator, answer, path));
	}
	problems.push(...complianceProblems(assessment, rubric));
	for (const [question, value] of Object.entries(assessment.profile)) {
		const q = rubric.profile.find((x) => x.id === question);
		const path = formatJsonPath(['profile', question]);
		if (!q) {
			problems.push({ path, message: `unknown profile question for rubric ${rubric.id}` });
			continue;
		}
		const values = Array.isArray(value) ? value : [value];
		if (Array.isArray(value) && !q.multiple)
			problems.push({ path, message: 'takes one option, not a list' });
		for (const v of values)
			if (!q.options.some((o) => o.id === v))
				problems.push({
					path,
					message: `"${v}" is not an option (${q.options.map((o) => o.id).join(', ')})`
				});
	}
	// Actions track the rubric's measures: by the measure's id, or (1.0 measures, which have
	// none) by a key naming an indicator and the level it leads to.
	const measureIds = new Set(
		[...index.values()].flatMap((e) => e.indicator.measures.flatMap((m) => (m.id ? [m.id] : [])))
	);
	const actorIds = new Set(rubric.actors.map((a) => a.id));
	for (const key of Object.keys(assessment.actions ?? {})) {
		const { measureKey, actorId } = splitActionKey(key);
		if (actorId !== undefined && !actorIds.has(actorId))
			problems.push({
				path: formatJsonPath(['actions', key]),
				message: `names actor "${actorId}", which rubric ${rubric.id} ${rubric.version} does not have (${[...actorIds].join(', ')})`
			});
		if (measureIds.has(measureKey)) continue;
		const [indicatorId = '', toLevel = ''] = measureKey.split(':');
		if (!index.has(indicatorId) || Number(toLevel) > max)
			problems.push({
				path: formatJsonPath(['actions', key]),
				message: `is not a measure of rubric ${rubric.id} ${rubric.version} (keys are measure@actor, where the measure is its id or indicatorId:toLevel:n)`
			});
	}
	if (assessment.subject.kind !== rubric.audience)
		problems.push({
			path: '$.subject.kind',
			message: `is "${assessment.subject.kind}" but rubric ${rubric.id} is for "${rubric.audience}"`
		});
	return problems;
}

/** A denominator of zero or less gives no meaningful ratio (per person, share of GDP). */
function ratioInputProblems(inputs: RatioInputs, path: string): Problem[] {
	const d = inputs.denominator;
	return d !== null && d !== undefined && d <= 0
		? [{ path: `${path}.denominator`, message: `is ${d}; a denominator must be greater than 0` }]
		: [];
}

/** Ratio inputs and figures must be ones the indicator asks for. */
function recordedValueProblems(indicator: Indicator, answer: Answer, path: string): Problem[] {
	const problems: Problem[] = [];
	if (answer.inputs) {
		if (!indicator.metric?.ratio)
			problems.push({
				path: `${path}.inputs`,
				message: 'this indicator has no ratio metric, so it takes no numerator or denominator'
			});
		else {
			const inputProblems = ratioInputProblems(answer.inputs, `${path}.inputs`);
			problems.push(...inputProblems);
			// The value of a ratio metric is its computed ratio; a file saying otherwise was edited.
			const computed = computeRatio(indicator.metric.ratio, answer.inputs);
			if (!inputProblems.length && computed.value !== null && answer.value !== computed.value)
				problems.push({
					path: `${path}.value`,
					message: `is ${answer.value ?? 'empty'} but the inputs give ${computed.working}; correct the value or the inputs`
				});
		}
	}
	for (const [figureId, value] of Object.entries(answer.figures ?? {})) {
		const figurePath = `${path}.figures${formatJsonPath([figureId]).slice(1)}`;
		const figure = indicator.figures.find((f) => f.id === figureId);
		if (!figure) {
			const known = indicator.figures.map((f) => f.id);
			problems.push({
				path: figurePath,
				message: `unknown figure for indicator ${indicator.id} (${known.length ? `its figures: ${known.join(', ')}` : 'it records no figures'})`
			});
			continue;
		}
		problems.push(...figureShapeProblems(figure.ratio, value, figurePath));
	}
	return problems;
}

function figureShapeProblems(
	ratio: Ratio | undefined,
	value: NonNullable<Answer['figures']>[string],
	path: string
): Problem[] {
	const isInputs = value !== null && typeof value === 'object';
	if (ratio && !isInputs && value !== null)
		return [
			{ path, message: 'is a ratio: give { "numerator": …, "denominator": … }, not one number' }
		];
	if (!ratio && isInputs)
		return [
			{ path, message: 'is a plain figure: give one number, not a numerator and denominator' }
		];
	return isInputs ? ratioInputProblems(value, path) : [];
}

/** Compliance answers name checks of the rubric that bind this profile. */
function complianceProblems(assessment: Assessment, rubric: Rubric): Problem[] {
	const problems: Problem[] = [];
	for (const [id, answer] of Object.entries(assessment.compliance ?? {})) {
		const path = formatJsonPath(['compliance', id]);
		const check = rubric.compliance.find((c) => c.id === id);
		if (!check)
			problems.push({
				path,
				message: `unknown compliance check in rubric ${rubric.id} ${rubric.version}`
			});
		else if (answer.status !== null && !matchesCondition(check.appliesTo, assessment.profile))
			problems.push({
				path: `${path}.status`,
				message:
					"this check does not apply to the subject's profile, so it takes no status; change the profile or remove the answer"
			});
	}
	return problems;
}

export interface RubricSource {
	/** The rubric with this id and version, or undefined when it is not known. */
	find(id: string, version: string): Rubric | undefined;
	/** Versions known for an id (for the error message). */
	versions(id: string): string[];
}

/**
 * Parse, validate and check an assessment file against the rubrics available, with the same
 * evidence rules as the app's import.
 */
export function readAssessment(
	text: string,
	file: string,
	rubrics: RubricSource
): { assessment: Assessment; rubric: Rubric } {
	const assessment = validateAssessment(parseJsonText(text, file), file);
	const { id, version } = assessment.rubric;
	const rubric = rubrics.find(id, version);
	if (!rubric) {
		const known = rubrics.versions(id);
		throw new InputError(file, [
			{
				path: '$.rubric',
				message: known.length
					? `rubric ${id} version ${version} is not available (available: ${known.join(', ')})`
					: `unknown rubric "${id}"`
			}
		]);
	}
	const problems = [
		...checkAgainstRubric(assessment, rubric),
		...evidenceProblems(assessment),
		...sharedFileIdProblems([assessment], () => '$')
	];
	if (problems.length) throw new InputError(file, problems.slice(0, 20));
	return { assessment, rubric };
}
