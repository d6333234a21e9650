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

/** Every code point the font maps to a glyph other than .notdef. */
export function fontCodePoints(font: Uint8Array): Set<number> {
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
	const points = new Set<number>();
	const at = best.offset;
	if (best.format === 12) {
		const groups = view.getUint32(at + 12);
		for (let g = 0; g < groups; g++) {
			const group = at + 16 + g * 12;
			const start = view.getUint32(group);
			const end = view.getUint32(group + 4);
			const glyph = view.getUint32(group + 8);
			for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
		}
		return points;
	}
	const segments = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let s = 0; s < segments; s++) {
		const end = view.getUint16(ends + s * 2);
		const start = view.getUint16(starts + s * 2);
		const delta = view.getInt16(deltas + s * 2);
		const rangeOffset = view.getUint16(rangeOffsets + s * 2);
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
			else {
				const address = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
				glyph = view.getUint16(address);
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) points.add(c);
		}
	}
	return points;
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
