/**
 * Measurement checks on a rubric's content, beyond what the format validator enforces: the
 * faults an audit of the 1.0 rubrics found, as functions a test runs on every shipped rubric.
 * Each returns the places that fail, so a test can show them all at once.
 */
import type { Indicator, Rubric } from './schema';

export interface Finding {
	indicatorId: string;
	/** Level index, where the finding is about one level descriptor */
	level?: number;
	detail: string;
}

function eachIndicator(rubric: Rubric): Indicator[] {
	return rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators));
}

/** One row of 表2 数字经济发展工作职责分工 (rubrics/table2.json). */
export interface Table2Row {
	line: number;
	departments: string[];
}

/**
 * An indicator that cites a row of 表2 names every department that row names among those
 * responsible for it: a city must know which of its departments answers for each item.
 */
export function findMissingDepartments(rubric: Rubric, rows: readonly Table2Row[]): Finding[] {
	const byLine = new Map(rows.map((r) => [r.line, r]));
	return eachIndicator(rubric).flatMap((indicator) => {
		const named = new Set(indicator.responsible);
		const missing = new Set<string>();
		for (const c of indicator.cites)
			if ('source' in c && c.source === 'guideline')
				for (const d of byLine.get(c.line)?.departments ?? []) if (!named.has(d)) missing.add(d);
		return missing.size
			? [{ indicatorId: indicator.id, detail: `表2 names ${[...missing].join(', ')}` }]
			: [];
	});
}

/** The words that make a descriptor's several conditions unambiguous. */
const QUANTIFIER = /同时满足|满足其一|满足以下全部|满足以下任一|满足下列全部|满足下列任一/;
/** Several conditions: clauses separated by a semicolon, or alternatives joined by 或. */
const SEVERAL_CONDITIONS = /；|，或|或者/;

/**
 * A level descriptor with several conditions says whether all must hold (同时满足) or one is
 * enough (满足其一); read either way, the same evidence could land two levels apart.
 */
export function findAmbiguousLevels(rubric: Rubric): Finding[] {
	return eachIndicator(rubric).flatMap((indicator) =>
		indicator.levels.flatMap((level, i) =>
			i > 0 && SEVERAL_CONDITIONS.test(level.zh) && !QUANTIFIER.test(level.zh)
				? [{ indicatorId: indicator.id, level: i, detail: level.zh }]
				: []
		)
	);
}

/**
 * Numbers in a descriptor that stand for a threshold: digits not part of a technical name (5G,
 * 4K, 1.4GHz, IPv6), not a year that dates a source (2025年), and not 1 ("at least one" says
 * that something exists, not how much of it).
 */
function thresholdNumbers(text: string): string[] {
	return [...text.matchAll(/(?<![A-Za-z\d.])(\d+(?:\.\d+)?)(?![\d.]*[A-Za-z])/gu)]
		.filter((m) => !/^(19|20)\d\d$/.test(m[1]!) || !text.startsWith('年', m.index + m[0].length))
		.map((m) => m[1]!)
		.filter((n) => n !== '1');
}

const mentions = (text: string, number: string) =>
	new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(text);

/**
 * Every number in a level descriptor is either cited (it appears in a citation's quotation or a
 * metric's sourced reference values) or declared as the rubric's own in the indicator's
 * `judgement` (or its metric's); an unexplained number reads as sourced when it is not.
 */
export function findUndisclosedNumbers(rubric: Rubric): Finding[] {
	return eachIndicator(rubric).flatMap((indicator) => {
		const explained = [
			indicator.judgement?.zh ?? '',
			indicator.metric?.judgement.zh ?? '',
			...indicator.cites.map((c) => c.quote ?? ''),
			...(indicator.metric?.references.map((r) => `${r.value} ${r.label.zh}`) ?? []),
			...(indicator.metric?.thresholds.map(String) ?? [])
		].join('\n');
		return indicator.levels.flatMap((level, i) => {
			const unexplained = thresholdNumbers(level.zh).filter((n) => !mentions(explained, n));
			return unexplained.length
				? [{ indicatorId: indicator.id, level: i, detail: unexplained.join(', ') }]
				: [];
		});
	});
}

/** Metrics that do not say which quantity they score (needed to give each one scoring home). */
export function findMetricsWithoutQuantity(rubric: Rubric): Finding[] {
	return eachIndicator(rubric).flatMap((indicator) =>
		indicator.metric && !indicator.metric.quantity
			? [{ indicatorId: indicator.id, detail: 'metric without a quantity' }]
			: []
	);
}

/** A source cited by file line ("004:2347", "doc004第1809行", "line 1809") in reader-visible text. */
const LINE_CITATION = /\bdoc00\d|\b00[134][:：]\s?\d+|第\s?\d+\s?行|\bline \d{2,}/;

/**
 * Texts readers see cite documents by title and their own articles and sections; file lines
 * belong in the citation data (`cites`), never in a descriptor, judgement or measure.
 */
export function findLineCitations(rubric: Rubric): Finding[] {
	const findings: Finding[] = [];
	const visit = (value: unknown, indicatorId: string) => {
		if (typeof value === 'string') {
			if (LINE_CITATION.test(value)) findings.push({ indicatorId, detail: value.slice(0, 80) });
		} else if (Array.isArray(value)) value.forEach((v) => visit(v, indicatorId));
		else if (value && typeof value === 'object')
			for (const [key, v] of Object.entries(value))
				// Citation data may name lines; everything else is text.
				if (key !== 'cites' && key !== 'cite') visit(v, indicatorId);
	};
	for (const indicator of eachIndicator(rubric)) visit(indicator, indicator.id);
	for (const check of rubric.compliance) visit(check, check.id);
	return findings;
}
