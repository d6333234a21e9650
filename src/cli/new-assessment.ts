/**
 * What `template` and `sample` print: an assessment built from the options, checked by the same
 * rules as `validate` before it is printed, so the CLI never writes a file it would refuse.
 */
import type { Assessment } from '../lib/domain/assessment';
import { readAssessment } from '../lib/domain/assessment-file';
import { calendarDateProblem } from '../lib/domain/calendar-date';
import type { Rubric } from '../lib/rubrics/schema';
import { UsageError } from './errors';
import { writeJson } from './io';
import type { Options } from './options';
import { shippedRubricSource } from './rubric-files';

/** The text options, checked against the file's limits with the option named. */
export function checkedOptions(opts: Options) {
	if (opts.date !== undefined) {
		const problem = calendarDateProblem(opts.date);
		if (problem) throw new UsageError(`--date: ${problem}`);
	}
	const limit = (name: string, value: string | undefined, max: number) => {
		if (value !== undefined && value.length > max)
			throw new UsageError(`--${name} must be at most ${max} characters (it has ${value.length})`);
		return value;
	};
	const subject = limit('subject', opts.subject, 200);
	if (subject !== undefined && subject.trim() === '')
		throw new UsageError('--subject must not be empty');
	return { date: opts.date, subject, period: limit('period', opts.period, 100) };
}

export function newSubject(rubric: Rubric, name?: string) {
	return {
		id: 'subject-1',
		name: name ?? (rubric.audience === 'city' ? '示例市' : '示例企业'),
		kind: rubric.audience
	};
}

export function printAssessment(assessment: Assessment) {
	const text = JSON.stringify(assessment);
	try {
		readAssessment(text, '(the generated file)', shippedRubricSource);
	} catch (e) {
		// Only the options can make a generated file invalid.
		throw new UsageError(
			`these options make a file that validate would refuse: ${(e as Error).message}`
		);
	}
	writeJson(assessment);
}
