/**
 * Makes user text safe to typeset with one font: every character the font lacks (emoji, scripts
 * it does not cover, private-use symbols) becomes one visible placeholder per user-perceived
 * character, invisible format characters are dropped, and control characters are removed. The
 * result depends only on the text and the font's character set, so the same input always gives
 * the same PDF. Text is never interpreted: "<script>" is just eight characters to draw.
 */

export const PLACEHOLDER = '□';

/** Zero-width and bidi format characters, variation selectors, soft hyphen, BOM: dropped. */
const INVISIBLE_RANGES: readonly [number, number][] = [
	[0x00ad, 0x00ad],
	[0x034f, 0x034f],
	[0x061c, 0x061c],
	[0x115f, 0x1160],
	[0x17b4, 0x17b5],
	[0x180b, 0x180f],
	[0x200b, 0x200f],
	[0x202a, 0x202e],
	[0x2060, 0x206f],
	[0x3164, 0x3164],
	[0xfe00, 0xfe0f],
	[0xfeff, 0xfeff],
	[0xffa0, 0xffa0],
	[0x1bca0, 0x1bca3],
	[0xe0000, 0xe0fff]
];
const isInvisible = (c: number) => INVISIBLE_RANGES.some(([from, to]) => c >= from && c <= to);
/** C0 and C1 controls other than tab and line feed: removed. */
const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
/** Line and paragraph separators read as line breaks. */
const SEPARATOR = /[\u2028\u2029]/g;

const segmenter =
	typeof Intl !== 'undefined' && 'Segmenter' in Intl
		? new Intl.Segmenter('und', { granularity: 'grapheme' })
		: null;

function graphemes(text: string): Iterable<string> {
	return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * Returns a function that cleans text for fonts that can draw what `covers` accepts. Each
 * character replaced by the placeholder is added to `replaced`, so the export can say which.
 */
export function createSanitizer(
	covers: (codePoint: number) => boolean,
	replaced: Set<string> = new Set()
) {
	const cache = new Map<number, boolean>();
	const supported = {
		has(c: number) {
			let hit = cache.get(c);
			if (hit === undefined) cache.set(c, (hit = covers(c)));
			return hit;
		}
	};
	const results = new Map<string, string>();
	const placeholder = supported.has(PLACEHOLDER.codePointAt(0)!) ? PLACEHOLDER : '?';
	return (text: string): string => {
		const hit = results.get(text);
		if (hit !== undefined) return hit;
		let clean = '';
		for (const c of text
			.normalize('NFC')
			.replace(/\r\n?/g, '\n')
			.replace(SEPARATOR, '\n')
			.replace(/\t/g, ' '))
			if (!isControl(c.codePointAt(0)!)) clean += c;
		let out = '';
		let plain = true;
		// Fast path: most text is entirely covered and has no invisible characters.
		for (const c of clean) {
			const code = c.codePointAt(0)!;
			// A font may well have glyphs for format characters: they are dropped all the same.
			if (c !== '\n' && (isInvisible(code) || !supported.has(code))) {
				plain = false;
				break;
			}
		}
		if (plain) out = clean;
		else
			for (const g of graphemes(clean)) {
				let visible = '';
				for (const c of g) if (!isInvisible(c.codePointAt(0)!)) visible += c;
				if (visible === '') continue;
				let covered = true;
				for (const c of visible)
					if (c !== '\n' && !supported.has(c.codePointAt(0)!)) {
						covered = false;
						break;
					}
				if (!covered) replaced.add(visible);
				out += covered ? visible : placeholder;
			}
		results.set(text, out);
		return out;
	};
}
