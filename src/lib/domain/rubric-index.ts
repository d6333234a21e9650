/**
 * Flattened views of a rubric and the rules that depend on a subject's profile:
 * which indicators apply, and which target level each one has by default.
 */
import type { Condition, Domain, Indicator, Pillar, Rubric } from '../rubrics/schema';
import type { Profile } from './assessment';

export interface IndexedIndicator {
	indicator: Indicator;
	domain: Domain;
	pillar: Pillar;
}

export function maxLevelOf(rubric: Rubric): number {
	return rubric.scale.length - 1;
}

export function listIndicators(rubric: Rubric): IndexedIndicator[] {
	return rubric.pillars.flatMap((pillar) =>
		pillar.domains.flatMap((domain) =>
			domain.indicators.map((indicator) => ({ indicator, domain, pillar }))
		)
	);
}

export function indexIndicators(rubric: Rubric): Map<string, IndexedIndicator> {
	return new Map(listIndicators(rubric).map((entry) => [entry.indicator.id, entry]));
}

/** A condition holds when, for every question it names, one of its options is selected. */
export function matchesCondition(condition: Condition | undefined, profile: Profile): boolean {
	if (!condition) return true;
	return Object.entries(condition).every(([question, accepted]) => {
		const selected = profile[question];
		if (selected === undefined) return false;
		const values = Array.isArray(selected) ? selected : [selected];
		return values.some((v) => accepted.includes(v));
	});
}

/** Whether an indicator is part of the assessment for this profile and mode at all. */
export function isInScope(
	entry: IndexedIndicator,
	profile: Profile,
	mode: 'full' | 'quick'
): boolean {
	if (mode === 'quick' && !entry.indicator.quickScan) return false;
	return (
		matchesCondition(entry.domain.appliesTo, profile) &&
		matchesCondition(entry.indicator.appliesTo, profile)
	);
}

/**
 * The default target for an indicator and profile: the indicator's first matching rule, else its
 * own default, else the rubric's first matching rule, else the rubric's default.
 */
export function defaultTarget(rubric: Rubric, indicator: Indicator, profile: Profile): number {
	const fromRules = (rules: { when: Condition; target: number }[] | undefined) =>
		rules?.find((r) => matchesCondition(r.when, profile))?.target;
	const target =
		fromRules(indicator.targets?.rules) ??
		indicator.targets?.default ??
		fromRules(rubric.targets.rules) ??
		rubric.targets.default;
	return Math.min(target, maxLevelOf(rubric));
}

/** The level a metric value suggests through the indicator's thresholds (null without a value). */
export function suggestLevel(
	indicator: Indicator,
	value: number | null | undefined
): number | null {
	const metric = indicator.metric;
	if (!metric || value === null || value === undefined || !Number.isFinite(value)) return null;
	let level = 0;
	metric.thresholds.forEach((threshold, i) => {
		const reached = metric.direction === 'higher' ? value >= threshold : value <= threshold;
		if (reached) level = i + 1;
	});
	return level;
}

/** Titles of every pillar, domain and indicator in one language, by id. */
export function titleIndex(rubric: Rubric, locale: 'zh' | 'en'): Map<string, string> {
	return new Map(
		rubric.pillars.flatMap((p) => [
			[p.id, p.title[locale]] as const,
			...p.domains.flatMap((d) => [
				[d.id, d.title[locale]] as const,
				...d.indicators.map((i) => [i.id, i.title[locale]] as const)
			])
		])
	);
}

/** A subject's profile in words: "行政层级：地级以上市；所在区域：珠三角其他地市". */
export function describeProfile(rubric: Rubric, profile: Profile, locale: 'zh' | 'en'): string {
	return rubric.profile
		.map((q) => {
			const value = profile[q.id];
			const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
			const labels = values.map((v) => q.options.find((o) => o.id === v)?.label[locale] ?? v);
			if (!labels.length) return '';
			return locale === 'zh'
				? `${q.label.zh}：${labels.join('、')}`
				: `${q.label.en}: ${labels.join(', ')}`;
		})
		.filter(Boolean)
		.join(locale === 'zh' ? '；' : '; ');
}
