/**
 * Punctuation by the national rules (GB/T 15834): Chinese text uses full-width marks
 * （，。：；？！（）“”）, English text uses its own. The source texts had their marks folded to
 * half-width when they were extracted, so shipped text is checked rather than trusted.
 */

export interface PunctuationProblem {
	/** Offset of the mark in the text */
	index: number;
	mark: string;
	/** A few characters either side, to find the place */
	excerpt: string;
}

const HAN = /\p{Script=Han}/u;
const HALF_WIDTH = new Set([',', ':', ';', '?', '!', '(', ')']);
const FULL_WIDTH_IN_ENGLISH = /[、，。：；？！（）【】《》]/gu;

const excerptAt = (text: string, index: number) => text.slice(Math.max(0, index - 6), index + 7);

/**
 * Half-width marks next to a Han character in Chinese text. Allowed: a mark between two digits
 * (1,000 and 10:30 are numbers, not punctuation) and anything inside a web address.
 */
function chineseProblems(text: string): PunctuationProblem[] {
	const problems: PunctuationProblem[] = [];
	const urls = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
	const chars = [...text];
	let offset = 0;
	chars.forEach((mark, i) => {
		const at = offset;
		offset += mark.length;
		if (!HALF_WIDTH.has(mark)) return;
		const before = chars[i - 1] ?? '';
		const after = chars[i + 1] ?? '';
		if (!HAN.test(before) && !HAN.test(after)) return;
		if (/\d/.test(before) && /\d/.test(after)) return;
		if (urls.some(([from, to]) => at >= from! && at < to!)) return;
		problems.push({ index: at, mark, excerpt: excerptAt(text, at) });
	});
	return problems;
}

/** Chinese marks (、，。：； …) in English text. Curly quotes are English marks too. */
function englishProblems(text: string): PunctuationProblem[] {
	return [...text.matchAll(FULL_WIDTH_IN_ENGLISH)].map((m) => ({
		index: m.index,
		mark: m[0],
		excerpt: excerptAt(text, m.index)
	}));
}

export function findPunctuationProblems(text: string, lang: 'zh' | 'en'): PunctuationProblem[] {
	return lang === 'zh' ? chineseProblems(text) : englishProblems(text);
}
