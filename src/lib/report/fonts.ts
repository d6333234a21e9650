/**
 * The report's two font weights: which characters they cover (for the sanitizer), their names,
 * and subsets cut to the characters a report uses, as jsPDF's virtual file system wants them.
 */
import { FontFormatError, fontCoverage, fontPostScriptName, type Coverage } from './font-coverage';
import { createSanitizer } from './sanitize';
import { loadSubsetter } from './subset';

export interface ReportFonts {
	/** TrueType (glyf) font files; jsPDF cannot embed CFF-based OpenType fonts */
	regular: Uint8Array;
	bold: Uint8Array;
}

interface FontInfo {
	covers: Coverage;
	name: string;
}

// Reading a 15 MB font's cmap takes tens of milliseconds: once per font file per page or process.
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

export async function prepareFonts(fonts: ReportFonts, wasm?: BufferSource) {
	const regular = fontInfo(fonts.regular, 'Report-Regular');
	const bold = fontInfo(fonts.bold, 'Report-Bold');
	// Only what both weights can draw is kept, so a string may switch weight safely. jsPDF encodes
	// text by UTF-16 code unit, so characters beyond the BMP cannot be drawn even when the font
	// has them (a surrogate maps to no glyph and cuts the string short): they become placeholders.
	const both = (c: number) => c <= 0xffff && regular.covers(c) && bold.covers(c);
	const subsetter = await loadSubsetter(wasm);
	return {
		names: { regular: regular.name, bold: bold.name },
		sanitize: createSanitizer(both),
		/** Both weights cut to the characters of `text` (already sanitized), as font files. */
		subset(text: string) {
			const codePoints = new Set<number>();
			for (const c of text) codePoints.add(c.codePointAt(0)!);
			return {
				regular: subsetter(fonts.regular, codePoints),
				bold: subsetter(fonts.bold, codePoints)
			};
		},
		/**
		 * A subset cut down again to the glyphs the document drew (same glyph ids), once layout
		 * is done: headings use a fraction of the bold weight's characters.
		 */
		trim(subset: Uint8Array, codePoints: Iterable<number>, glyphs: Iterable<number>) {
			return subsetter(subset, codePoints, glyphs);
		}
	};
}
