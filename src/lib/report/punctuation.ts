/**
 * Half-width punctuation in Chinese text, set full-width as GB/T 15834 and a formal document
 * want it: "指标:数据,平台(试点)" prints as "指标：数据，平台（试点）". Texts extracted from the
 * guideline and typed by users often have the half-width marks. Only marks next to Chinese are
 * changed, so "1,000", "PUE1.25;2025", "max(0, x)" and English text keep theirs. The stored text
 * is not touched: this is how the report prints it.
 */

const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e《》「」『』【】〔〕“”‘’…—]/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);

const MARKS: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** The nearest character before `i` (or after, with step 1) that is not a space. */
function near(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
	for (let k = i + step; k >= 0 && k < chars.length; k += step)
		if (chars[k] !== ' ') return chars[k];
	return undefined;
}

export function fullWidthPunctuation(text: string): string {
	// Fast path: most strings have no half-width mark next to a Chinese character.
	if (!/[,;:?!()]/.test(text) || !HAN.test(text)) return text;
	const chars = [...text];
	const out = chars.slice();
	const drop = new Set<number>();
	// Inside parentheses that stay half-width ("max(0, x)") the marks stay too.
	let keepUntil = -1;
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i]!;
		const mark = MARKS[c];
		if (mark && i > keepUntil) {
			// What came before as already set: a closing （…） counts as Chinese.
			const before = near(out, i, -1);
			const after = near(chars, i, 1);
			// "http://", "10:30", "1,000" keep theirs, and so does English before Chinese
			// ("Subject: 示例市"); a number before Chinese is Chinese text ("2,误差").
			const chinese = isHan(before) || (isHan(after) && /[\d%℃]/u.test(before ?? ''));
			if (chars[i + 1] === '/' || !chinese) continue;
			out[i] = mark;
			// A full-width mark carries its own space.
			for (let k = i + 1; chars[k] === ' '; k++) drop.add(k);
			for (let k = i - 1; k >= 0 && chars[k] === ' '; k--) drop.add(k);
		} else if (c === '(') {
			const close = matching(chars, i);
			if (close < 0) continue;
			// A parenthesis pair goes full-width when it follows or opens with Chinese.
			if (!isHan(chars[i - 1]) && !isHan(chars[i + 1])) {
				keepUntil = Math.max(keepUntil, close);
				continue;
			}
			out[i] = '（';
			out[close] = '）';
		}
	}
	return out.filter((_, i) => !drop.has(i)).join('');
}

/** The index of the ')' that closes the '(' at `open`, or -1. */
function matching(chars: readonly string[], open: number): number {
	let depth = 0;
	for (let k = open; k < chars.length; k++) {
		if (chars[k] === '(') depth++;
		else if (chars[k] === ')' && --depth === 0) return k;
		else if (chars[k] === '\n') return -1;
	}
	return -1;
}
