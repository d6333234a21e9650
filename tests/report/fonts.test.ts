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
