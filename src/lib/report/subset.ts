/**
 * Font subsetting with HarfBuzz's hb-subset, compiled to WebAssembly (the `harfbuzzjs` package's
 * harfbuzz-subset.wasm). The CJK font is 15 MB; jsPDF parses every table of a font it is given,
 * which takes seconds, so the renderer first cuts the font down to the characters the report
 * uses. The wasm module needs no imports, so the same binding runs in Node and in the browser.
 */
import { fetchAsset, readPackageFileInNode } from './wasm';

interface HbSubsetExports {
	memory: WebAssembly.Memory;
	_initialize(): void;
	malloc(size: number): number;
	free(ptr: number): void;
	hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
	hb_blob_destroy(blob: number): void;
	hb_blob_get_data(blob: number, length: number): number;
	hb_blob_get_length(blob: number): number;
	hb_face_create(blob: number, index: number): number;
	hb_face_destroy(face: number): void;
	hb_face_reference_blob(face: number): number;
	hb_set_add(set: number, value: number): void;
	hb_subset_input_create_or_fail(): number;
	hb_subset_input_destroy(input: number): void;
	hb_subset_input_unicode_set(input: number): number;
	hb_subset_input_glyph_set(input: number): number;
	hb_subset_input_set(input: number, which: number): number;
	hb_subset_input_get_flags(input: number): number;
	hb_subset_input_set_flags(input: number, flags: number): void;
	hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const hbTag = (s: string) => [...s].reduce((a, c) => ((a << 8) | c.charCodeAt(0)) >>> 0, 0);
/**
 * Tables a PDF viewer never reads from an embedded font: OpenType layout (jsPDF does not shape),
 * hinting and vertical metrics. Dropping them keeps the subset and the PDF small.
 */
const DROP_TABLES = [
	'GSUB',
	'GPOS',
	'GDEF',
	'BASE',
	'JSTF',
	'vhea',
	'vmtx',
	'VORG',
	'DSIG',
	'kern'
];

/**
 * Cuts `font` to the glyphs of `codePoints`. With `glyphs`, those glyph ids are kept as well and
 * every glyph keeps its id, so text already encoded with the font's ids stays valid.
 */
export type Subsetter = (
	font: Uint8Array,
	codePoints: Iterable<number>,
	glyphs?: Iterable<number>,
	/** Which face of a TrueType collection (.ttc) to cut; 0 for a single font */
	faceIndex?: number
) => Uint8Array;

export class SubsetError extends Error {}

/** Instantiates hb-subset from the wasm bytes; the result subsets any number of fonts. */
export async function createSubsetter(wasm: BufferSource): Promise<Subsetter> {
	const { instance } = await WebAssembly.instantiate(wasm);
	const hb = instance.exports as unknown as HbSubsetExports;
	hb._initialize();
	// The wasm memory can grow while subsetting, which detaches earlier views: take a fresh one.
	const heap = () => new Uint8Array(hb.memory.buffer);
	return (font, codePoints, glyphs, faceIndex = 0) => {
		const input = hb.hb_subset_input_create_or_fail();
		if (input === 0) throw new SubsetError('hb-subset could not allocate its input');
		const fontPtr = hb.malloc(font.byteLength);
		heap().set(font, fontPtr);
		const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
		const face = hb.hb_face_create(blob, faceIndex);
		hb.hb_blob_destroy(blob);
		try {
			const unicodes = hb.hb_subset_input_unicode_set(input);
			for (const c of codePoints) hb.hb_set_add(unicodes, c);
			const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
			for (const t of DROP_TABLES) hb.hb_set_add(drop, hbTag(t));
			let flags = hb.hb_subset_input_get_flags(input);
			// Hinting instructions matter to screens at small pixel sizes, not to PDF viewers.
			flags |= HB_SUBSET_FLAGS_NO_HINTING;
			if (glyphs) {
				const set = hb.hb_subset_input_glyph_set(input);
				for (const g of glyphs) hb.hb_set_add(set, g);
				flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
			}
			hb.hb_subset_input_set_flags(input, flags);
			const subset = hb.hb_subset_or_fail(face, input);
			if (subset === 0) throw new SubsetError('hb-subset failed: is the font file damaged?');
			const result = hb.hb_face_reference_blob(subset);
			const offset = hb.hb_blob_get_data(result, 0);
			const length = hb.hb_blob_get_length(result);
			const bytes = heap().slice(offset, offset + length);
			hb.hb_blob_destroy(result);
			hb.hb_face_destroy(subset);
			if (length === 0) throw new SubsetError('hb-subset returned an empty font');
			return bytes;
		} finally {
			hb.hb_subset_input_destroy(input);
			hb.hb_face_destroy(face);
			hb.free(fontPtr);
		}
	};
}

let shared: Promise<Subsetter> | undefined;

/**
 * The subsetter, instantiated once per process or page. In Node the wasm is read from the
 * installed package; in the browser it is fetched from the app's own origin (Vite emits it as an
 * asset of the offline reports pack: cached when first fetched, so this then works offline).
 */
export function loadSubsetter(wasm?: BufferSource): Promise<Subsetter> {
	if (wasm) return createSubsetter(wasm);
	shared ??= loadWasm().then(createSubsetter);
	shared.catch(() => (shared = undefined));
	return shared;
}

async function loadWasm(): Promise<BufferSource> {
	const inNode = await readPackageFileInNode('harfbuzzjs/dist/harfbuzz-subset.wasm');
	if (inNode) return inNode;
	const { default: url } = await import('harfbuzzjs/dist/harfbuzz-subset.wasm?url');
	return fetchAsset(url, (message) => new SubsetError(message));
}
