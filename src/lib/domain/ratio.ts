/**
 * Ratios the rubric asks for (per 10,000 people, share of GDP): the assessment records the
 * numerator and the denominator and the app computes the value, showing the working so that every
 * number can be checked by hand.
 */
import type { Ratio } from '../rubrics/schema';
import type { RatioInputs } from './assessment';

export type RatioResult =
	| { value: number; working: string }
	| { value: null; reason: 'missing-numerator' | 'missing-denominator' | 'zero-denominator' };

/** Grouped digits, up to 2 decimals for inputs (what the user typed, not rounded away). */
export function formatNumber(n: number, maxDecimals = 2): string {
	return n.toLocaleString('en', { maximumFractionDigits: maxDecimals });
}

/** Rounds a computed value to a precision that shows its size: 66.4, 0.53, 12,345. */
export function roundRatio(value: number): number {
	const abs = Math.abs(value);
	const decimals = abs >= 100 ? 0 : abs >= 1 ? 1 : abs === 0 ? 0 : 2 - Math.floor(Math.log10(abs));
	const f = 10 ** Math.min(decimals, 8);
	return Math.round(value * f) / f;
}

export function computeRatio(ratio: Ratio, inputs: RatioInputs | undefined): RatioResult {
	const numerator = inputs?.numerator ?? null;
	const denominator = inputs?.denominator ?? null;
	if (denominator === null) return { value: null, reason: 'missing-denominator' };
	if (denominator === 0) return { value: null, reason: 'zero-denominator' };
	if (numerator === null) return { value: null, reason: 'missing-numerator' };
	const value = roundRatio((numerator / denominator) * ratio.factor);
	const factor = ratio.factor === 1 ? '' : ` × ${formatNumber(ratio.factor)}`;
	return {
		value,
		working: `${formatNumber(numerator)} ÷ ${formatNumber(denominator)}${factor} = ${formatNumber(value, 8)}`
	};
}

/** Why a ratio has no value yet, in the user's language. */
export function ratioReasonText(
	reason: Extract<RatioResult, { value: null }>['reason'],
	lang: 'zh' | 'en'
): string {
	const zh = {
		'missing-numerator': '请填写分子',
		'missing-denominator': '请填写分母',
		'zero-denominator': '分母为零，无法计算：请填写大于零的分母'
	};
	const en = {
		'missing-numerator': 'enter the numerator',
		'missing-denominator': 'enter the denominator',
		'zero-denominator':
			'the denominator is zero, so there is no ratio: enter a denominator above zero'
	};
	return (lang === 'zh' ? zh : en)[reason];
}
