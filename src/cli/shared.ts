/** Helpers several commands share: rubric and profile options, titles, number formats. */
import { MAX_ASSESSMENT_BYTES, readAssessment } from '../lib/domain/assessment-file';
import { defaultProfile } from '../lib/domain/sample';
import type { Rubric } from '../lib/rubrics/schema';
import { InputError, UsageError } from './errors';
import { readInputText } from './io';
import type { Lang } from './options';
import {
	findRubricById,
	loadShippedRubrics,
	shippedRubricSource,
	versionsOf
} from './rubric-files';

export const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
export const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function loadAssessmentFile(file: string) {
	return readAssessment(readInputText(file, MAX_ASSESSMENT_BYTES), file, shippedRubricSource);
}

export function requireRubric(id: string | undefined, version?: string): Rubric {
	if (!id) throw new UsageError('missing --rubric ID (see "rubrics" for the ids)');
	const rubric = findRubricById(id, version);
	if (!rubric && version && findRubricById(id))
		throw new InputError(id, [
			{
				path: '',
				message: `no version ${version} of this rubric; versions: ${versionsOf(id).join(', ')}`
			}
		]);
	if (!rubric)
		throw new InputError(id, [
			{
				path: '',
				message: `unknown rubric; available: ${loadShippedRubrics()
					.map((r) => r.id)
					.join(', ')}`
			}
		]);
	return rubric;
}

/** `--profile level=county,region=ewn,sector=manufacturing+services` */
export function parseProfile(rubric: Rubric, spec: string | undefined) {
	const choices: Record<string, string | string[]> = {};
	for (const part of (spec ?? '').split(',').filter(Boolean)) {
		const [key, value] = part.split('=');
		const question = rubric.profile.find((q) => q.id === key);
		if (!question || !value)
			throw new UsageError(
				`--profile: "${part}" is not question=option; questions: ${rubric.profile.map((q) => q.id).join(', ')}`
			);
		const values = value.split('+');
		for (const v of values)
			if (!question.options.some((o) => o.id === v))
				throw new UsageError(
					`--profile: "${v}" is not an option of ${key} (${question.options.map((o) => o.id).join(', ')})`
				);
		choices[question.id] = question.multiple ? values : values[0]!;
	}
	return defaultProfile(rubric, choices);
}

export function titleOf(rubric: Rubric, lang: Lang) {
	const titles = new Map<string, string>();
	for (const p of rubric.pillars) {
		titles.set(p.id, p.title[lang]);
		for (const d of p.domains) {
			titles.set(d.id, d.title[lang]);
			for (const i of d.indicators) titles.set(i.id, i.title[lang]);
		}
	}
	return (id: string) => titles.get(id) ?? id;
}

/** Today in the local time zone, YYYY-MM-DD: the report's generation date. */
export function today(): string {
	const d = new Date();
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
