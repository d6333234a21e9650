/**
 * Assessments that would be created twice by accident: a second one of the same subject for the
 * same period. Allowed on purpose (a re-assessment within the year), then labelled apart.
 */

/** Periods compare as a reader sees them: "2026年度", "2026 年度" and "２０２６年度" are one period. */
export function normalisePeriod(period: string): string {
	return period.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The existing assessment of the same period, if any (the first in the order given). */
export function findSamePeriod<T extends { period: string }>(
	existing: readonly T[],
	period: string
): T | undefined {
	const wanted = normalisePeriod(period);
	return existing.find((a) => normalisePeriod(a.period) === wanted);
}

/**
 * A period label no existing assessment has, for a deliberate second assessment: the label
 * function words it ("2026年度（第 2 次）"), starting at the count of assessments of that period + 1.
 */
export function distinctPeriodLabel(
	existing: readonly { period: string }[],
	period: string,
	label: (period: string, n: number) => string
): string {
	const taken = new Set(existing.map((a) => normalisePeriod(a.period)));
	const base = normalisePeriod(period);
	let n = existing.filter((a) => normalisePeriod(a.period) === base).length + 1;
	while (taken.has(normalisePeriod(label(period, n)))) n++;
	return label(period, n);
}
