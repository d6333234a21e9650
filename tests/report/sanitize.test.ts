import { describe, expect, it } from 'vitest';
import { fontCoverage, fontPostScriptName } from '../../src/lib/report/font-coverage';
import { hexTextString, rewriteInfoStrings } from '../../src/lib/report/pdf-strings';
import { createSanitizer, PLACEHOLDER } from '../../src/lib/report/sanitize';
import { loadSubsetter } from '../../src/lib/report/subset';
import { fonts } from './support';

const covers = fontCoverage(fonts.song);
const clean = createSanitizer((c) => c <= 0xffff && covers(c));

describe('font coverage', () => {
	it('reads the shipped faces: GB 2312 symbols, rare names only in the fallback', async () => {
		for (const c of '昇℃±≤≥①Ⅳ□《》「」…—PUE1.25') expect(covers(c.codePointAt(0)!), c).toBe(true);
		expect(covers(0x1f600)).toBe(false); // 😀
		// 堃喆玥 are not in GB 2312: the fallback face has them.
		const fallback = fontCoverage(await (fonts.fallback as () => Promise<Uint8Array>)());
		for (const c of '堃喆玥') {
			expect(covers(c.codePointAt(0)!), c).toBe(false);
			expect(fallback(c.codePointAt(0)!), c).toBe(true);
		}
		expect(fontPostScriptName(fonts.song)).toBe('UMingCN');
		expect(fontPostScriptName(fonts.hei)).toBe('WenQuanYiMicroHei');
		expect(fontPostScriptName(fonts.latin)).toBe('NotoSerif-Regular');
	});
});

describe('font subsetting', () => {
	it('keeps exactly the requested characters (read back from the subset, a format 4 cmap)', async () => {
		const subset = (await loadSubsetter())(
			fonts.song,
			[...'昇数字AB1'].map((c) => c.codePointAt(0)!)
		);
		expect(subset.byteLength).toBeLessThan(50_000);
		const has = fontCoverage(subset);
		for (const c of '昇数字AB1') expect(has(c.codePointAt(0)!), c).toBe(true);
		for (const c of 'C中') expect(has(c.codePointAt(0)!), c).toBe(false);
	});
});

describe('text sanitizing', () => {
	it('keeps covered text as it is', () => {
		const text = '深圳市 昇腾 ℃ ± ≤ ≥ ① Ⅳ <script>alert(1)</script>\n第二行';
		expect(clean(text)).toBe(text);
	});

	it('gives one placeholder per character the font lacks, however it is encoded', () => {
		expect(clean('好😀')).toBe(`好${PLACEHOLDER}`);
		expect(clean('👨‍👩‍👧')).toBe(PLACEHOLDER); // a ZWJ family is one character
		expect(clean('©\ufe0f')).toBe('©'); // the variation selector is dropped, © is covered
		expect(clean('שלום')).toBe(PLACEHOLDER.repeat(4));
		expect(clean('𠀀')).toBe(PLACEHOLDER); // beyond the BMP: jsPDF cannot encode it
	});

	it('removes control and invisible format characters, and tabs become spaces', () => {
		expect(clean('a\u0000b\u0007c\u200bd\u202ee\tf\r\ng')).toBe('abcde f\ng');
	});

	it('is deterministic', () => {
		const text = 'x😀y\u202e';
		expect(clean(text)).toBe(createSanitizer((c) => c <= 0xffff && covers(c))(text));
	});
});

describe('PDF strings', () => {
	it('writes text strings as UTF-16BE hex, so 服 (U+670D) survives', () => {
		expect(hexTextString('服A')).toBe('<FEFF670D0041>');
	});

	it('rewrites the information dictionary and keeps the cross-reference offsets right', () => {
		const objects = [
			'1 0 obj\n<< /Type /Pages >>\nendobj',
			'2 0 obj\n<<\n/Producer (jsPDF)\n/Author (\u00fe\u00ffg\rR\u00a1)\n>>\nendobj',
			'3 0 obj\n<< /Type /Catalog >>\nendobj'
		];
		let pdf = '%PDF-1.3';
		const offsets: number[] = [];
		for (const o of objects) {
			pdf += '\n';
			offsets.push(pdf.length);
			pdf += o;
		}
		const xrefAt = pdf.length + 1;
		pdf += `\nxref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `).join('\n')}`;
		pdf += `\ntrailer\n<<\n/Size 4\n/Root 3 0 R\n/Info 2 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF`;
		const out = rewriteInfoStrings(pdf);
		expect(out).toContain('/Author <FEFF670D52A1>');
		expect(out).toContain('/Producer (jsPDF)');
		const entries = [...out.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
		entries.forEach((at, i) => expect(out.slice(at).startsWith(`${i + 1} 0 obj`)).toBe(true));
		const startxref = Number(/startxref\n(\d+)/.exec(out)![1]);
		expect(out.slice(startxref).startsWith('xref')).toBe(true);
	});
});

describe('text sanitizing reports what it replaced', () => {
	it('lists each replaced character once', () => {
		const replaced = new Set<string>();
		const report = createSanitizer((c) => c <= 0xffff && covers(c), replaced);
		expect(report('好😀 𠀾 😀 שלום')).toBe(
			`好${PLACEHOLDER} ${PLACEHOLDER} ${PLACEHOLDER} ${PLACEHOLDER.repeat(4)}`
		);
		expect([...replaced]).toEqual(['😀', '𠀾', 'ש', 'ל', 'ו', 'ם']);
	});
});
