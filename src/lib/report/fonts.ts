/**
 * The report's faces and which one draws each character. Body text is set in a Song/Ming face
 * with English and numbers in a Latin serif; headings, table headers and key figures in a Hei
 * face (as GB/T 9704 sets headings in 黑体); characters outside the shipped subsets come from a
 * fallback face loaded only when the text needs it. jsPDF draws a string in one font, so the
 * writer splits text into runs by face (see `faceOf`).
 */
import type { ReportFace } from './font-files';
import { FontFormatError, fontCoverage, fontPostScriptName, type Coverage } from './font-coverage';
import { createSanitizer } from './sanitize';
import { loadSubsetter } from './subset';

export interface ReportFonts {
	/** TrueType (glyf) font files; jsPDF cannot embed CFF-based OpenType fonts */
	song: Uint8Array;
	hei: Uint8Array;
	latin: Uint8Array;
	/**
	 * A face for characters the others lack, or how to load it. It is loaded only when the
	 * report has such characters; if loading fails (offline, never cached) they print as
	 * placeholders and are reported.
	 */
	fallback?: Uint8Array | (() => Promise<Uint8Array>);
}

/** Which face draws a character; `hei` is the heading style, `song` the body style. */
export type Style = 'song' | 'hei';

interface FontInfo {
	covers: Coverage;
	name: string;
}

// Reading a font's cmap takes milliseconds: once per font file per page or process.
const infoCache = new WeakMap<Uint8Array, FontInfo>();

function fontInfo(font: Uint8Array, fallbackName: string): FontInfo {
	let info = infoCache.get(font);
	if (!info) {
		try {
			info = { covers: fontCoverage(font), name: fontPostScriptName(font) ?? fallbackName };
		} catch (e) {
			if (e instanceof FontFormatError) throw e;
			throw new FontFormatError('the font file is damaged or not a font');
		}
		infoCache.set(font, info);
	}
	return info;
}

/** Binary string of the bytes, the form jsPDF's addFileToVFS takes. */
export function binaryString(bytes: Uint8Array): string {
	const chunks: string[] = [];
	for (let i = 0; i < bytes.length; i += 0x2000)
		chunks.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x2000))));
	return chunks.join('');
}

/**
 * Punctuation both scripts use, drawn in the face of the text around it: “数字” takes the
 * full-width CJK quotes, “digital” the Latin ones.
 */
const SHARED = new Set([...'‘’“”—–…·•'].map((c) => c.codePointAt(0)!));
/** Quotes that open: their context is the text after them. */
const OPENING = new Set([...'‘“'].map((c) => c.codePointAt(0)!));
/** From the CJK radicals on, characters belong to East Asian text. */
const isEastAsian = (c: number) => c >= 0x2e80;
const isStrong = (c: number) =>
	isEastAsian(c) ||
	(c >= 0x30 && c <= 0x39) ||
	(c >= 0x41 && c <= 0x5a) ||
	(c >= 0x61 && c <= 0x7a) ||
	(c >= 0xc0 && c < 0x2000);

/** Whether the nearest letter or ideograph around `i` is East Asian (null: none near). */
function eastAsianContext(
	chars: readonly string[],
	i: number,
	forwardFirst: boolean
): boolean | null {
	const look = (step: number) => {
		for (let k = i + step; k >= 0 && k < chars.length; k += step) {
			const c = chars[k]!.codePointAt(0)!;
			if (isStrong(c)) return isEastAsian(c);
		}
		return null;
	};
	return forwardFirst ? (look(1) ?? look(-1)) : (look(-1) ?? look(1));
}

export async function prepareFonts(fonts: ReportFonts, text: string, wasm?: BufferSource) {
	const song = fontInfo(fonts.song, 'ReportSong');
	const hei = fontInfo(fonts.hei, 'ReportHei');
	const latin = fontInfo(fonts.latin, 'ReportLatin');
	// jsPDF encodes text by UTF-16 code unit, so characters beyond the BMP cannot be drawn even
	// when a font has them (a surrogate maps to no glyph and cuts the string short).
	const main = (c: number) => c <= 0xffff && (latin.covers(c) || song.covers(c) || hei.covers(c));
	let fallback: FontInfo | null = null;
	let fallbackBytes: Uint8Array | null = null;
	if (
		fonts.fallback &&
		// Only East Asian characters are worth it: the fallback has no other scripts to offer.
		// Each distinct character is looked up once: a report repeats the same few thousand.
		[...new Set(text)].some((ch) => {
			const c = ch.codePointAt(0)!;
			return isEastAsian(c) && c <= 0xffff && !main(c);
		})
	) {
		try {
			fallbackBytes =
				typeof fonts.fallback === 'function' ? await fonts.fallback() : fonts.fallback;
			fallback = fontInfo(fallbackBytes, 'ReportFallback');
		} catch {
			// Without it those characters become placeholders, which the export reports.
			fallbackBytes = null;
		}
	}
	const printable = (c: number) =>
		main(c) || (c <= 0xffff && fallback !== null && fallback.covers(c));
	const replaced = new Set<string>();
	const subsetter = await loadSubsetter(wasm);
	const faces = { song, hei, latin, fallback };
	const bytes: Record<ReportFace, Uint8Array | null> = {
		song: fonts.song,
		hei: fonts.hei,
		latin: fonts.latin,
		fallback: fallbackBytes
	};
	const cached = { song: new Map<string, ReportFace>(), hei: new Map<string, ReportFace>() };

	/** The face that draws `chars[i]` in `style`: its own, Latin, the other one, the fallback. */
	function faceOf(chars: readonly string[], i: number, style: Style): ReportFace {
		const ch = chars[i]!;
		const c = ch.codePointAt(0)!;
		if (SHARED.has(c)) {
			const east = eastAsianContext(chars, i, OPENING.has(c)) ?? style === 'hei';
			if (east || style === 'hei') return faces[style].covers(c) ? style : 'latin';
			return latin.covers(c) ? 'latin' : style;
		}
		const memo = cached[style];
		let face = memo.get(ch);
		if (face === undefined) {
			const primary = faces[style];
			if (style === 'song' && !isEastAsian(c) && latin.covers(c)) face = 'latin';
			else if (primary.covers(c)) face = style;
			else if (latin.covers(c)) face = 'latin';
			else if (faces[style === 'song' ? 'hei' : 'song'].covers(c))
				face = style === 'song' ? 'hei' : 'song';
			else if (fallback?.covers(c)) face = 'fallback';
			else face = style;
			memo.set(ch, face);
		}
		return face;
	}

	return {
		names: {
			song: song.name,
			hei: hei.name,
			latin: latin.name,
			// The fallback may be cut from the Hei face: its embedded name must differ.
			fallback: `${fallback?.name ?? 'ReportFallback'}-Fallback`
		} satisfies Record<ReportFace, string>,
		sanitize: createSanitizer(printable, replaced),
		/** The characters (one string per user-perceived character) printed as placeholders. */
		replaced,
		faceOf,
		/** Each face cut to the characters of `text` (already sanitized) it covers; null: unused. */
		subset(text: string): Record<ReportFace, Uint8Array | null> {
			const codePoints = new Set<number>();
			for (const c of text) codePoints.add(c.codePointAt(0)!);
			const out = {} as Record<ReportFace, Uint8Array | null>;
			for (const face of ['song', 'hei', 'latin', 'fallback'] as const) {
				const info = faces[face];
				const source = bytes[face];
				const mine = info ? [...codePoints].filter((c) => info.covers(c)) : [];
				out[face] = source && mine.length ? subsetter(source, mine) : null;
			}
			return out;
		},
		/**
		 * A subset cut down again to the glyphs the document drew (same glyph ids), once layout
		 * is done: headings use a fraction of the Hei face's characters.
		 */
		trim(subset: Uint8Array, codePoints: Iterable<number>, glyphs: Iterable<number>) {
			return subsetter(subset, codePoints, glyphs);
		}
	};
}

export type PreparedFonts = Awaited<ReturnType<typeof prepareFonts>>;
