/**
 * Builds the report fonts in static/fonts from Debian's font packages (`npm run fonts`; needs
 * `apt-get install fonts-arphic-uming fonts-wqy-microhei fonts-noto-core`). The shipped faces
 * are cut to what the product prints — GB 2312 (both levels and its symbols), every character of
 * the rubrics, the guideline catalogue, the interface and report texts, Latin and common
 * punctuation — so that the app caches a few MB instead of 30; the rest of the Hei face is a
 * separate fallback file for rarer characters in user text. Run it again after adding text with
 * characters outside GB 2312 to the rubrics or the interface.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fontCoverage } from './font-coverage';
import { REPORT_FONT_FILES } from './font-files';
import { STATIC_FONTS_DIR } from './node';
import { setNames } from './sfnt';
import { loadSubsetter } from './subset';

const ROOT = path.resolve(STATIC_FONTS_DIR, '../..');
const SOURCES = {
	song: { file: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 0, pkg: 'fonts-arphic-uming' },
	hei: {
		file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
		face: 0,
		pkg: 'fonts-wqy-microhei'
	},
	latin: {
		file: '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf',
		face: 0,
		pkg: 'fonts-noto-core'
	}
} as const;

/** GB 2312: rows 01–09 (symbols) and 16–87 (level 1 and 2 hanzi), decoded with gb18030. */
export function gb2312Characters(): number[] {
	const decoder = new TextDecoder('gb18030');
	const out: number[] = [];
	const rows = [...range(0xa1, 0xa9), ...range(0xb0, 0xf7)];
	for (const hi of rows)
		for (const lo of range(0xa1, 0xfe)) {
			const s = decoder.decode(new Uint8Array([hi, lo]));
			// Unassigned cells decode to U+FFFD or to gb18030's private-use mappings.
			const c = s.codePointAt(0)!;
			if ([...s].length === 1 && c !== 0xfffd && !(c >= 0xe000 && c <= 0xf8ff)) out.push(c);
		}
	return out;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]
	);
}

/** Every character the product itself can put in a report or show in its interface. */
export function productCharacters(root = ROOT): Set<number> {
	const files = [
		...walk(path.join(root, 'rubrics')).filter((f) => /\.(ya?ml|json)$/.test(f)),
		...walk(path.join(root, 'src/lib')).filter((f) => /\.(ts|svelte)$/.test(f)),
		...walk(path.join(root, 'src/routes')).filter((f) => /\.(ts|svelte)$/.test(f))
	];
	const out = new Set<number>();
	for (const f of files) for (const c of readFileSync(f, 'utf8')) out.add(c.codePointAt(0)!);
	return out;
}

/**
 * Latin, Greek and Cyrillic letters, and the punctuation and symbols of general text (dashes,
 * quotes, ellipsis, currency, arrows, maths, enclosed numbers, boxes) and CJK punctuation.
 */
const BLOCKS: [number, number][] = [
	[0x20, 0x7e],
	[0xa0, 0x24f],
	[0x370, 0x3ff],
	[0x400, 0x4ff],
	[0x1e00, 0x1eff],
	[0x2000, 0x206f],
	[0x20a0, 0x20cf],
	[0x2100, 0x218f],
	[0x2190, 0x21ff],
	[0x2200, 0x22ff],
	[0x2460, 0x24ff],
	[0x2500, 0x25ff],
	[0x2600, 0x26ff],
	[0x3000, 0x303f],
	[0xfe30, 0xfe4f],
	[0xff00, 0xffef]
];

/** The characters of the shipped CJK faces. */
export function reportCharacters(root = ROOT): Set<number> {
	const out = new Set<number>([...gb2312Characters(), ...productCharacters(root)]);
	for (const [from, to] of BLOCKS) for (const c of range(from, to)) out.add(c);
	// Controls and surrogates are never drawn.
	for (const c of out) if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) out.delete(c);
	return out;
}

function read(file: string): Uint8Array {
	try {
		const b = readFileSync(file);
		return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
	} catch {
		throw new Error(`${file} is missing: install the Debian package that has it`);
	}
}

async function main() {
	const subset = await loadSubsetter();
	const date = new Date().toISOString().slice(0, 10);
	const notice = (what: string) =>
		`Modified ${date} by gd-digital-economy-assessment: ${what}, with HarfBuzz hb-subset (hinting and OpenType layout tables removed). Source and licence: static/fonts.`;
	const chars = reportCharacters();
	const out: Record<string, Uint8Array> = {};
	const song = read(SOURCES.song.file);
	const hei = read(SOURCES.hei.file);
	const latin = read(SOURCES.latin.file);

	out.song = setNames(subset(song, chars, undefined, SOURCES.song.face), [
		{
			id: 10,
			text: notice(
				'face 0 (AR PL UMing CN) of uming.ttc cut to GB 2312 and the characters of the product'
			)
		},
		{ id: 13, text: 'Arphic Public License (ARPHICPL.TXT)' }
	]);
	out.hei = setNames(subset(hei, chars, undefined, SOURCES.hei.face), [
		{
			id: 10,
			text: notice('face 0 of wqy-microhei.ttc cut to GB 2312 and the characters of the product')
		},
		{ id: 13, text: 'Apache License, Version 2.0 (LICENSE-Apache-2.0.txt)' },
		{ id: 14, text: 'https://www.apache.org/licenses/LICENSE-2.0' }
	]);
	// Latin, Greek, Cyrillic, punctuation and symbols; not its CJK-range characters (none).
	const latinChars = [...chars].filter((c) => c < 0x2e80);
	out.latin = setNames(subset(latin, latinChars, undefined, SOURCES.latin.face), [
		{ id: 10, text: notice('cut to Latin, Greek, Cyrillic, punctuation and symbols') },
		{ id: 13, text: 'SIL Open Font License, Version 1.1 (OFL-NotoSerif.txt)' },
		{ id: 14, text: 'https://openfontlicense.org' }
	]);
	// The fallback: whatever Micro Hei has beyond the shipped subset (BMP only: jsPDF cannot
	// encode characters beyond it).
	const rest: number[] = [];
	const whole = fontCoverage(subset(hei, range(0x20, 0xfffd), undefined, SOURCES.hei.face));
	for (const c of range(0x20, 0xfffd)) if (!chars.has(c) && whole(c)) rest.push(c);
	out.fallback = setNames(subset(hei, rest, undefined, SOURCES.hei.face), [
		{ id: 10, text: notice('face 0 of wqy-microhei.ttc without the characters of ReportHei') },
		{ id: 13, text: 'Apache License, Version 2.0 (LICENSE-Apache-2.0.txt)' },
		{ id: 14, text: 'https://www.apache.org/licenses/LICENSE-2.0' }
	]);

	mkdirSync(path.join(STATIC_FONTS_DIR, 'on-demand'), { recursive: true });
	for (const [face, file] of Object.entries(REPORT_FONT_FILES)) {
		writeFileSync(path.join(STATIC_FONTS_DIR, file), out[face]!);
		console.log(`${file}: ${(out[face]!.byteLength / 1024 / 1024).toFixed(2)} MB`);
	}
	console.log(`${chars.size} characters in the CJK faces, ${rest.length} in the fallback`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1])))
	main().catch((e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exitCode = 1;
	});
