/**
 * Which characters a TrueType font can draw, read from its `cmap` table. The renderer uses it to
 * replace characters the font lacks before layout: jsPDF would otherwise draw the font's empty
 * .notdef glyph with a width the line breaker did not expect.
 */

const tag = (view: DataView, at: number) =>
	String.fromCharCode(
		view.getUint8(at),
		view.getUint8(at + 1),
		view.getUint8(at + 2),
		view.getUint8(at + 3)
	);

export class FontFormatError extends Error {}

function tableOffset(view: DataView, name: string): number | null {
	const version = view.getUint32(0);
	// 0x00010000 (TrueType outlines) or 'true'; 'OTTO' (CFF) cannot be embedded by jsPDF.
	if (version !== 0x00010000 && version !== 0x74727565)
		throw new FontFormatError('not a TrueType font (jsPDF embeds TrueType glyf outlines only)');
	const count = view.getUint16(4);
	for (let i = 0; i < count; i++) {
		const record = 12 + i * 16;
		if (tag(view, record) === name) return view.getUint32(record + 8);
	}
	return null;
}

/** Whether the font maps a code point to a glyph other than .notdef. */
export type Coverage = (codePoint: number) => boolean;

/**
 * The font's character coverage as a lookup over its cmap (format 12, else format 4), without
 * expanding the tens of thousands of mapped characters of a CJK font into a set.
 */
export function fontCoverage(font: Uint8Array): Coverage {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const cmap = tableOffset(view, 'cmap');
	if (cmap === null) throw new FontFormatError('the font has no cmap table');
	const count = view.getUint16(cmap + 2);
	// Prefer a full-Unicode subtable (format 12), else the BMP one (format 4).
	let best: { offset: number; format: number } | null = null;
	for (let i = 0; i < count; i++) {
		const record = cmap + 4 + i * 8;
		const platform = view.getUint16(record);
		const encoding = view.getUint16(record + 2);
		const offset = cmap + view.getUint32(record + 4);
		const format = view.getUint16(offset);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode || (format !== 4 && format !== 12)) continue;
		if (!best || (format === 12 && best.format !== 12)) best = { offset, format };
	}
	if (!best) throw new FontFormatError('the font has no Unicode cmap subtable');
	const at = best.offset;
	if (best.format === 12) {
		const groups = view.getUint32(at + 12);
		const starts = new Uint32Array(groups);
		const ends = new Uint32Array(groups);
		const glyphs = new Uint32Array(groups);
		for (let g = 0; g < groups; g++) {
			starts[g] = view.getUint32(at + 16 + g * 12);
			ends[g] = view.getUint32(at + 20 + g * 12);
			glyphs[g] = view.getUint32(at + 24 + g * 12);
		}
		return (c) => {
			let lo = 0;
			let hi = groups - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if (c < starts[mid]!) hi = mid - 1;
				else if (c > ends[mid]!) lo = mid + 1;
				else return glyphs[mid]! + (c - starts[mid]!) !== 0;
			}
			return false;
		};
	}
	const segments = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	// Segments are sorted by their end code: the one for `c` is the first ending at or after it,
	// found by binary search (a CJK face has thousands of segments, and every character of a
	// report is looked up).
	return (c) => {
		if (c > 0xffff) return false;
		let lo = 0;
		let hi = segments;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (view.getUint16(ends + mid * 2) < c) lo = mid + 1;
			else hi = mid;
		}
		const s = lo;
		if (s === segments) return false;
		const start = view.getUint16(starts + s * 2);
		if (c < start || c === 0xffff) return false;
		const delta = view.getInt16(deltas + s * 2);
		const rangeOffset = view.getUint16(rangeOffsets + s * 2);
		if (rangeOffset === 0) return ((c + delta) & 0xffff) !== 0;
		return view.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2) !== 0;
	};
}

/** The font's PostScript name (name id 6), or null; used for the embedded font's name. */
export function fontPostScriptName(font: Uint8Array): string | null {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const name = tableOffset(view, 'name');
	if (name === null) return null;
	const count = view.getUint16(name + 2);
	const strings = name + view.getUint16(name + 4);
	for (let i = 0; i < count; i++) {
		const record = name + 6 + i * 12;
		const platform = view.getUint16(record);
		if (view.getUint16(record + 6) !== 6) continue;
		const length = view.getUint16(record + 8);
		const offset = strings + view.getUint16(record + 10);
		let s = '';
		if (platform === 3 || platform === 0)
			for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(view.getUint16(offset + k));
		else for (let k = 0; k < length; k++) s += String.fromCharCode(view.getUint8(offset + k));
		// A PostScript name is printable ASCII without PDF delimiters.
		s = s.replace(/[^!-~]|[()<>[\]{}/%#]/g, '');
		if (s) return s.slice(0, 63);
	}
	return null;
}
