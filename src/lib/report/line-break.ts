/**
 * Line breaking for mixed Chinese and Latin text, as a pure function of the text, the width and a
 * measuring function.
 *
 * - A line may break between any two CJK characters, and at spaces.
 * - It never breaks inside a Latin word or a number ("PUE1.25", "5G", "https://…"), nor between
 *   a number and the unit after it ("2025年", "30%").
 * - 禁则 (kinsoku): no line starts with closing punctuation (，。、；：？！）》」』】…% …) and no
 *   line ends with opening punctuation (（《「『【〔 …): such characters stay with their neighbour.
 * - A piece that is wider than the line by itself (a long URL, a run of digits) is cut by
 *   characters, so that nothing ever overflows: a word with a hyphen, a web or e-mail address
 *   after a slash or before a dot, with no hyphen.
 */

/** Characters that must not start a line. */
export const NO_LINE_START = new Set(
	[
		...'，。、；：？！）》」』】〕〗〙〛〉…‥％‰℃°′″・·﹐﹑﹒﹔﹕﹖﹗｝］｠',
		...',.;:?!)]}%',
		...'’”»›',
		'—', // the dash of "——" stays with the text before it
		...'ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻'
	].map((c) => c.codePointAt(0)!)
);

/** Characters that must not end a line. */
export const NO_LINE_END = new Set(
	[...'（《「『【〔〖〘〚〈｛［｟', ...'([{', ...'‘“«‹', ...'¥￥$£€#'].map((c) => c.codePointAt(0)!)
);

/** Characters after a number that read as its unit, kept on the number's line. */
const UNITS = new Set(
	[...'年月日号时分秒岁个项家次位名万亿元倍米吨度台套件户所座条类期'].map((c) => c.codePointAt(0)!)
);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Joiners inside a word or number when a word character follows: "1.25", "1,000", "e-mail". */
const JOINER = /[.,:/\\\-_'’@&+#=~?%]/u;
const SPACE = /[ \u00a0\u3000\t]/u;
const DIGIT = /\p{Nd}/u;

interface Piece {
	text: string;
	/** A space stood before this piece: a break here drops the space */
	spaceBefore: boolean;
}

const IS_SPACE = 1;
const IS_WORD = 2;
const IS_JOINER = 4;
const IS_DIGIT = 8;
/** Character classes, remembered: Unicode property tests are slow and text repeats characters. */
const classes = new Map<string, number>();
function classOf(c: string | undefined): number {
	if (c === undefined) return 0;
	let k = classes.get(c);
	if (k === undefined) {
		k =
			(SPACE.test(c) ? IS_SPACE : 0) |
			(WORD.test(c) && !CJK.test(c) ? IS_WORD : 0) |
			(JOINER.test(c) ? IS_JOINER : 0) |
			(DIGIT.test(c) ? IS_DIGIT : 0);
		classes.set(c, k);
	}
	return k;
}

/** Splits one paragraph (no '\n') into pieces that may not be broken inside. */
export function pieces(text: string): Piece[] {
	const chars = [...text];
	const out: Piece[] = [];
	let space = false;
	let prevLast = -1;
	let i = 0;
	while (i < chars.length) {
		const c = chars[i]!;
		const k = classOf(c);
		if (k & IS_SPACE) {
			space = true;
			i++;
			continue;
		}
		let token = c;
		let j = i + 1;
		if (k & IS_WORD) {
			while (j < chars.length) {
				const d = classOf(chars[j]);
				if (d & IS_WORD) j++;
				else if (d & IS_JOINER && classOf(chars[j + 1]) & IS_WORD) j += 2;
				else break;
			}
			token = chars.slice(i, j).join('');
			// A number keeps the unit after it: "2025年", "15个".
			if (
				classOf(chars[j - 1]) & IS_DIGIT &&
				j < chars.length &&
				UNITS.has(chars[j]!.codePointAt(0)!)
			) {
				token += chars[j]!;
				j++;
			}
		}
		const prev = out[out.length - 1];
		// Closing punctuation joins the piece before it (even across a space: "word )"), and after
		// opening punctuation nothing may break, so the next token joins it.
		if (prev && (NO_LINE_START.has(token.codePointAt(0)!) || NO_LINE_END.has(prevLast)))
			prev.text += (space ? ' ' : '') + token;
		else out.push({ text: token, spaceBefore: space && out.length > 0 });
		prevLast = chars[j - 1]!.codePointAt(0)!;
		space = false;
		i = j;
	}
	return out;
}

export type Measure = (text: string) => number;

/** Widths are sums of floats: a line that fits exactly must not be pushed to the next one. */
const EPSILON = 1e-6;

const LETTER = /\p{L}/u;
const isLatinLetter = (c: string | undefined) => c !== undefined && LETTER.test(c) && !CJK.test(c);

/** A web address, a path or an e-mail address: broken at its separators, never hyphenated. */
const ADDRESS = /:\/\/|^www\.|[/@\\]/i;

/** Whether an address may break before `chars[k]`: after a slash, before a dot, ?, #, & or @. */
function addressBreak(chars: readonly string[], k: number): boolean {
	const before = chars[k - 1];
	const after = chars[k]!;
	if ((before === '/' || before === '\\') && after !== '/' && after !== '\\') return true;
	return '.?#&@'.includes(after) && before !== '/' && before !== '.';
}

/**
 * Cuts a piece that is wider than the line into parts that fit, by characters. A cut between two
 * letters of a word is marked with a hyphen, as a reader expects; an address is cut at its last
 * slash or dot that fits instead, and never gets a hyphen (a reader would type it).
 */
function cut(text: string, maxWidth: number, measure: Measure): string[] {
	const chars = [...text];
	const widths = chars.map((c) => measure(c));
	if (ADDRESS.test(text)) return cutAddress(chars, widths, maxWidth);
	const hyphen = measure('-');
	const parts: string[] = [];
	let start = 0;
	while (start < chars.length) {
		let end = start + 1;
		let width = widths[start]!;
		while (end < chars.length && width + widths[end]! <= maxWidth + EPSILON)
			width += widths[end++]!;
		if (end < chars.length && isLatinLetter(chars[end - 1]) && isLatinLetter(chars[end])) {
			// Room for the hyphen, giving back letters if needed (never the part's only one).
			let at = end;
			let w = width;
			while (at - start > 1 && w + hyphen > maxWidth + EPSILON) w -= widths[--at]!;
			if (
				w + hyphen <= maxWidth + EPSILON &&
				isLatinLetter(chars[at - 1]) &&
				isLatinLetter(chars[at])
			) {
				parts.push(chars.slice(start, at).join('') + '-');
				start = at;
				continue;
			}
		}
		parts.push(chars.slice(start, end).join(''));
		start = end;
	}
	return parts;
}

function cutAddress(chars: string[], widths: number[], maxWidth: number): string[] {
	const parts: string[] = [];
	let start = 0;
	while (start < chars.length) {
		let end = start + 1;
		let width = widths[start]!;
		while (end < chars.length && width + widths[end]! <= maxWidth + EPSILON)
			width += widths[end++]!;
		if (end < chars.length)
			for (let k = end; k > start + 1; k--)
				if (addressBreak(chars, k)) {
					end = k;
					break;
				}
		parts.push(chars.slice(start, end).join(''));
		start = end;
	}
	return parts;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`. Hard breaks ('\n') are kept; an empty
 * paragraph gives an empty line. `measure` must be additive (the width of a string is the sum of
 * its characters' widths), as it is for jsPDF, which applies no kerning.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
	const lines: string[] = [];
	const spaceWidth = measure(' ');
	for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
		const list = pieces(paragraph);
		if (list.length === 0) {
			lines.push('');
			continue;
		}
		let line = '';
		let width = 0;
		for (const piece of list) {
			const w = measure(piece.text);
			const add = line && piece.spaceBefore ? spaceWidth + w : w;
			if (line && width + add <= maxWidth + EPSILON) {
				line += (piece.spaceBefore ? ' ' : '') + piece.text;
				width += add;
				continue;
			}
			if (line) lines.push(line);
			if (w <= maxWidth + EPSILON) {
				line = piece.text;
				width = w;
				continue;
			}
			const parts = cut(piece.text, maxWidth, measure);
			lines.push(...parts.slice(0, -1));
			line = parts[parts.length - 1]!;
			width = measure(line);
		}
		lines.push(line);
	}
	return lines;
}
