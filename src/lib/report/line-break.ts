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
 *   characters, so that nothing ever overflows.
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

/** Splits one paragraph (no '\n') into pieces that may not be broken inside. */
export function pieces(text: string): Piece[] {
	const chars = [...text];
	const out: Piece[] = [];
	let space = false;
	let i = 0;
	const isWord = (c: string | undefined) => c !== undefined && WORD.test(c) && !CJK.test(c);
	while (i < chars.length) {
		const c = chars[i]!;
		if (SPACE.test(c)) {
			space = true;
			i++;
			continue;
		}
		let token = c;
		let j = i + 1;
		if (isWord(c)) {
			while (j < chars.length) {
				const d = chars[j]!;
				if (isWord(d)) j++;
				else if (JOINER.test(d) && isWord(chars[j + 1])) j += 2;
				else break;
			}
			token = chars.slice(i, j).join('');
			// A number keeps the unit after it: "2025年", "15个".
			if (DIGIT.test(chars[j - 1]!) && j < chars.length && UNITS.has(chars[j]!.codePointAt(0)!)) {
				token += chars[j]!;
				j++;
			}
		}
		const first = token.codePointAt(0)!;
		const prev = out[out.length - 1];
		const prevLast = prev ? [...prev.text].pop()!.codePointAt(0)! : undefined;
		// Closing punctuation joins the piece before it (even across a space: "word )").
		// After opening punctuation nothing may break, so the next token joins it.
		if (prev && (NO_LINE_START.has(first) || (!space && NO_LINE_END.has(prevLast!))))
			prev.text += (space ? ' ' : '') + token;
		else if (prev && space && NO_LINE_END.has(prevLast!)) prev.text += ' ' + token;
		else out.push({ text: token, spaceBefore: space && out.length > 0 });
		space = false;
		i = j;
	}
	return out;
}

export type Measure = (text: string) => number;

/** Widths are sums of floats: a line that fits exactly must not be pushed to the next one. */
const EPSILON = 1e-6;

/** Cuts a piece that is wider than the line into parts that fit, by characters. */
function cut(text: string, maxWidth: number, measure: Measure): string[] {
	const parts: string[] = [];
	let line = '';
	let width = 0;
	for (const c of text) {
		const w = measure(c);
		if (line && width + w > maxWidth + EPSILON) {
			parts.push(line);
			line = '';
			width = 0;
		}
		line += c;
		width += w;
	}
	if (line) parts.push(line);
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
