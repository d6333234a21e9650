/**
 * Empty templates and realistic filled examples of assessments. Deterministic: ids, dates and the
 * random choices come from the caller's arguments and seed, never from the clock.
 */
import type { Rubric } from '../rubrics/schema';
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, emptyAnswer } from './assessment-format';
import type { Answer, Assessment, Profile } from './assessment';
import { defaultTarget, isInScope, listIndicators, maxLevelOf } from './rubric-index';

export interface NewAssessmentInput {
	id: string;
	subject: Assessment['subject'];
	profile: Profile;
	date: string;
	period?: string;
	assessor?: string;
	mode?: Assessment['mode'];
}

/** An assessment with every indicator of the rubric present and unanswered. */
export function createAssessment(rubric: Rubric, input: NewAssessmentInput): Assessment {
	const answers: Record<string, Answer> = {};
	for (const { indicator } of listIndicators(rubric)) answers[indicator.id] = emptyAnswer();
	return {
		format: ASSESSMENT_FORMAT,
		formatVersion: ASSESSMENT_FORMAT_VERSION,
		id: input.id,
		rubric: { id: rubric.id, version: rubric.version },
		subject: input.subject,
		profile: input.profile,
		mode: input.mode ?? 'full',
		period: input.period ?? '',
		assessor: input.assessor ?? '',
		date: input.date,
		answers
	};
}

/** mulberry32: a tiny, well-known seeded PRNG, so samples are reproducible from their seed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A profile with the first option of each question, overridden by `choices`. */
export function defaultProfile(rubric: Rubric, choices: Profile = {}): Profile {
	const profile: Profile = {};
	for (const q of rubric.profile) {
		const first = q.options[0]!.id;
		const chosen = choices[q.id];
		// An optional question (e.g. legal-duty flags) stays unanswered unless someone chose.
		if (chosen !== undefined) profile[q.id] = chosen;
		else if (q.required) profile[q.id] = q.multiple ? [first] : first;
	}
	return profile;
}

/**
 * A filled example: each domain gets its own strength around the profile's target, so results
 * differ by domain as they do in real assessments; a few indicators are marked not applicable.
 */
export function createSampleAssessment(
	rubric: Rubric,
	input: NewAssessmentInput,
	seed = 1
): Assessment {
	const random = seededRandom(seed);
	const maxLevel = maxLevelOf(rubric);
	const assessment = createAssessment(rubric, input);
	const domainBias = new Map<string, number>();
	for (const entry of listIndicators(rubric)) {
		const { indicator, domain } = entry;
		if (!isInScope(entry, assessment.profile, assessment.mode)) continue;
		if (!domainBias.has(domain.id)) domainBias.set(domain.id, random() * 2.4 - 1.4);
		if (indicator.allowNotApplicable && random() < 0.04) {
			assessment.answers[indicator.id] = { level: null, notApplicable: true, target: null };
			continue;
		}
		const target = defaultTarget(rubric, indicator, assessment.profile);
		const raw = target + domainBias.get(domain.id)! + (random() * 2 - 1);
		const level = Math.max(0, Math.min(maxLevel, Math.round(raw)));
		const answer: Answer = { level, notApplicable: false, target: null };
		const metric = indicator.metric;
		if (metric) {
			// A value consistent with the chosen level: between its threshold and the next one.
			const t = metric.thresholds;
			const low = level === 0 ? (metric.direction === 'higher' ? 0 : t[0]! * 1.5) : t[level - 1]!;
			const high = level < t.length ? t[level]! : low * (metric.direction === 'higher' ? 1.3 : 0.8);
			const value = low + (high - low) * (0.2 + random() * 0.6);
			answer.value = Math.round(value * 100) / 100;
		}
		assessment.answers[indicator.id] = answer;
	}
	return assessment;
}
