import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCoverage } from '../../src/lib/report/font-coverage';
import { REPORT_FONT_FILES } from '../../src/lib/report/font-files';
import { prepareFonts, type Style } from '../../src/lib/report/fonts';
import { gb2312Characters, productCharacters } from '../../src/lib/report/make-fonts';
import { STATIC_FONTS_DIR } from '../../src/lib/report/node';
import { readNameTable } from '../../src/lib/report/sfnt';
import { fonts } from './support';

const file = (name: string) => path.join(STATIC_FONTS_DIR, name);

describe('shipped report fonts', () => {
	it('have every GB 2312 character and every character of the rubrics and the interface', () => {
		const song = fontCoverage(fonts.song);
		const hei = fontCoverage(fonts.hei);
		const latin = fontCoverage(fonts.latin);
		const han = /\p{Script=Han}/u;
		const wanted = [
			...[...gb2312Characters(), ...productCharacters()].filter(
				(c) => c >= 0x3400 && han.test(String.fromCodePoint(c))
			),
			...[...'，。：；？！（）“”‘’、——……《》〔〕【】·℃%±≤≥①Ⅳ−×÷'].map((c) => c.codePointAt(0)!)
		];
		expect(wanted.length).toBeGreaterThan(6763);
		// Ideographs in both CJK faces; punctuation in any face (− is drawn from the Hei face).
		const missing = wanted.filter((c) =>
			c >= 0x3400 ? !(song(c) && hei(c)) : !(song(c) || hei(c) || latin(c))
		);
		// Run `npm run fonts` after adding text with characters outside GB 2312.
		expect(
			String.fromCodePoint(...missing),
			'characters missing from the report fonts: run npm run fonts'
		).toBe('');
	});

	it('are cached in at most 8 MB, the fallback apart', () => {
		const cached = (['song', 'hei', 'latin'] as const).reduce(
			(sum, face) => sum + statSync(file(REPORT_FONT_FILES[face])).size,
			0
		);
		expect(cached).toBeLessThanOrEqual(8 * 1024 * 1024);
	});

	it('each carry the notice of how and when they were changed, and a licence beside them', () => {
		for (const name of Object.values(REPORT_FONT_FILES)) {
			const bytes = readFileSync(file(name));
			const names = readNameTable(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
			expect(names.get(10), name).toMatch(/^Modified \d{4}-\d{2}-\d{2} by .*hb-subset/);
			expect(names.get(13), name).toMatch(/Arphic Public License|Apache License|Open Font License/);
		}
		for (const licence of [
			'ARPHICPL.TXT',
			'LICENSE-Apache-2.0.txt',
			'OFL-NotoSerif.txt',
			'NOTICE.txt'
		])
			expect(statSync(file(licence)).size).toBeGreaterThan(1000);
	});
});

describe('which face draws a character', () => {
	/** The text with each run of one face as `face:text`. */
	async function runs(text: string, style: Style) {
		const prepared = await prepareFonts(fonts, text);
		const chars = [...text];
		const out: string[] = [];
		let last = '';
		chars.forEach((c, i) => {
			const face = prepared.faceOf(chars, i, style);
			if (face === last) out[out.length - 1] += c;
			else out.push(`${(last = face)}:${c}`);
		});
		return out;
	}

	it('body text: Chinese in Song, English and numbers in the Latin face, quotes by context', async () => {
		expect(await runs('本市PUE1.25，“数字政府”与“digital”', 'song')).toEqual([
			'song:本市',
			'latin:PUE1.25',
			'song:，“数字政府”与',
			'latin:“digital”'
		]);
	});

	it('headings: everything in Hei; rare characters from the fallback in either style', async () => {
		expect(await runs('差距分析 Gap 2025', 'hei')).toEqual(['hei:差距分析 Gap 2025']);
		expect(await runs('张堃', 'song')).toEqual(['song:张', 'fallback:堃']);
		expect(await runs('张堃', 'hei')).toEqual(['hei:张', 'fallback:堃']);
	});
});

describe('which characters a font has (its cmap)', () => {
	/**
	 * The plain reading of a format 4 subtable (OpenType cmap, segments scanned in order), to
	 * check the lookup the renderer uses, which searches the segments instead.
	 */
	function scanFormat4(font: Uint8Array): (c: number) => boolean {
		const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
		let cmap = -1;
		for (let i = 0; i < view.getUint16(4); i++)
			if (String.fromCharCode(...font.subarray(12 + i * 16, 16 + i * 16)) === 'cmap')
				cmap = view.getUint32(12 + i * 16 + 8);
		let at = -1;
		for (let i = 0; i < view.getUint16(cmap + 2); i++) {
			const offset = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
			if (view.getUint16(offset) === 4) at = offset;
		}
		expect(at, 'a format 4 subtable').toBeGreaterThan(0);
		const segments = view.getUint16(at + 6) / 2;
		const field = (n: number, s: number) => at + 14 + n * (segments * 2 + (n ? 2 : 0)) + s * 2;
		return (c) => {
			for (let s = 0; s < segments; s++) {
				const end = view.getUint16(at + 14 + s * 2);
				if (c > end) continue;
				const start = view.getUint16(field(1, s));
				if (c < start || c === 0xffff) return false;
				const rangeOffsetAt = at + 14 + 3 * segments * 2 + 2 + s * 2;
				const rangeOffset = view.getUint16(rangeOffsetAt);
				if (rangeOffset === 0)
					return ((c + view.getInt16(rangeOffsetAt - segments * 2)) & 0xffff) !== 0;
				return view.getUint16(rangeOffsetAt + rangeOffset + (c - start) * 2) !== 0;
			}
			return false;
		};
	}

	it('agrees with a plain scan of the segments for every character of the BMP, in every face', async () => {
		const faces = { ...fonts, fallback: await (fonts.fallback as () => Promise<Uint8Array>)() };
		for (const [face, bytes] of Object.entries(faces)) {
			const lookup = fontCoverage(bytes);
			const scan = scanFormat4(bytes);
			const differ: number[] = [];
			let covered = 0;
			for (let c = 0; c <= 0xffff; c++) {
				if (lookup(c) !== scan(c)) differ.push(c);
				if (scan(c)) covered++;
			}
			expect(differ, face).toEqual([]);
			// Not vacuous: each face has its thousand or thousands of characters.
			expect(covered, face).toBeGreaterThan(1000);
		}
	});
});
