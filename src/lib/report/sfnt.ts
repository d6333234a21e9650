/**
 * Rewriting the `name` table of a TrueType font, for the font build (make-fonts.ts): the Arphic
 * Public License asks that a modified font carry a notice of how and when it was changed, and
 * hb-subset keeps only name ids 0–6, so the notice and the licence pointers are added back here.
 */

export interface NameRecord {
	/** 0 copyright, 10 description, 13 licence, 14 licence URL (OpenType `name` ids) */
	id: number;
	text: string;
}

const tag = (view: DataView, at: number) =>
	String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(at + i)));

function checksum(bytes: Uint8Array): number {
	const padded = new Uint8Array((bytes.length + 3) & ~3);
	padded.set(bytes);
	const view = new DataView(padded.buffer);
	let sum = 0;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
	return sum;
}

/** The Windows-Unicode records of a `name` table, as id → text. */
function readNames(table: Uint8Array): Map<number, string> {
	const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
	const count = view.getUint16(2);
	const strings = view.getUint16(4);
	const out = new Map<number, string>();
	for (let i = 0; i < count; i++) {
		const r = 6 + i * 12;
		if (view.getUint16(r) !== 3 || view.getUint16(r + 2) !== 1) continue;
		if (view.getUint16(r + 4) !== 0x409) continue;
		const length = view.getUint16(r + 8);
		const offset = strings + view.getUint16(r + 10);
		let s = '';
		for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(view.getUint16(offset + k));
		out.set(view.getUint16(r + 6), s);
	}
	return out;
}

/** A `name` table with only Windows-Unicode (3, 1, 0x409) records, which every reader takes. */
function writeNames(names: Map<number, string>): Uint8Array {
	const ids = [...names.keys()].sort((a, b) => a - b);
	const header = 6 + ids.length * 12;
	const storage = ids.reduce((s, id) => s + names.get(id)!.length * 2, 0);
	const out = new Uint8Array(header + storage);
	const view = new DataView(out.buffer);
	view.setUint16(2, ids.length);
	view.setUint16(4, header);
	let offset = 0;
	ids.forEach((id, i) => {
		const text = names.get(id)!;
		const r = 6 + i * 12;
		view.setUint16(r, 3);
		view.setUint16(r + 2, 1);
		view.setUint16(r + 4, 0x409);
		view.setUint16(r + 6, id);
		view.setUint16(r + 8, text.length * 2);
		view.setUint16(r + 10, offset);
		for (let k = 0; k < text.length; k++)
			view.setUint16(header + offset + k * 2, text.charCodeAt(k));
		offset += text.length * 2;
	});
	return out;
}

/** The font with `records` set in its `name` table (other records kept), checksums recomputed. */
export function setNames(font: Uint8Array, records: NameRecord[]): Uint8Array {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const count = view.getUint16(4);
	const tables: { tag: string; bytes: Uint8Array }[] = [];
	for (let i = 0; i < count; i++) {
		const r = 12 + i * 16;
		const offset = view.getUint32(r + 8);
		const length = view.getUint32(r + 12);
		tables.push({ tag: tag(view, r), bytes: font.subarray(offset, offset + length) });
	}
	const name = tables.find((t) => t.tag === 'name');
	const names = name ? readNames(name.bytes) : new Map<number, string>();
	for (const r of records) names.set(r.id, r.text);
	const newName = { tag: 'name', bytes: writeNames(names) };
	const list = name ? tables.map((t) => (t === name ? newName : t)) : [...tables, newName];
	list.sort((a, b) => (a.tag < b.tag ? -1 : 1));

	let size = 12 + list.length * 16;
	const offsets = list.map((t) => {
		const at = size;
		size += (t.bytes.length + 3) & ~3;
		return at;
	});
	const out = new Uint8Array(size);
	const o = new DataView(out.buffer);
	o.setUint32(0, view.getUint32(0));
	o.setUint16(4, list.length);
	const power = 2 ** Math.floor(Math.log2(list.length));
	o.setUint16(6, power * 16);
	o.setUint16(8, Math.log2(power));
	o.setUint16(10, list.length * 16 - power * 16);
	list.forEach((t, i) => {
		const bytes = t.tag === 'head' ? new Uint8Array(t.bytes) : t.bytes;
		// checkSumAdjustment is computed over the whole font with this field at zero.
		if (t.tag === 'head') new DataView(bytes.buffer).setUint32(8, 0);
		out.set(bytes, offsets[i]!);
		const r = 12 + i * 16;
		for (let k = 0; k < 4; k++) o.setUint8(r + k, t.tag.charCodeAt(k));
		o.setUint32(r + 4, checksum(bytes));
		o.setUint32(r + 8, offsets[i]!);
		o.setUint32(r + 12, bytes.length);
	});
	const head = list.findIndex((t) => t.tag === 'head');
	if (head >= 0) o.setUint32(offsets[head]! + 8, (0xb1b0afba - checksum(out)) >>> 0);
	return out;
}

/** The font's Windows-Unicode name records, for tests and the font build. */
export function readNameTable(font: Uint8Array): Map<number, string> {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	for (let i = 0; i < view.getUint16(4); i++) {
		const r = 12 + i * 16;
		if (tag(view, r) !== 'name') continue;
		const offset = view.getUint32(r + 8);
		return readNames(font.subarray(offset, offset + view.getUint32(r + 12)));
	}
	return new Map();
}
