import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyAnswer } from '../../src/lib/domain/assessment';
import { rankGaps } from '../../src/lib/domain/gaps';
import type { ReportLocale } from '../../src/lib/domain/report-text';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { renderReportPdf } from '../../src/lib/report';
import { fullWidthPunctuation as fw } from '../../src/lib/report/punctuation';
import {
	city,
	dir,
	enterprise,
	fonts,
	model,
	outlineTitles,
	pdfFonts,
	pdfInfo,
	pdfText,
	qpdfCheck,
	render,
	sample,
	squash,
	titleOf,
	withNotes,
	words
} from './support';

const SLOW = { timeout: 120_000 };

/**
 * The Song/Ming body face, the Hei heading face and the Latin face — and the fallback face when
 * the text needs it — each embedded and subset (ABCDEF+Name), and no other font.
 */
function expectEmbeddedSubsetFonts(file: string, fallback = false) {
	const rows = pdfFonts(file).trim().split('\n').slice(2);
	const faces = rows.map((row) => {
		expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s.*\byes\s+yes\s+yes\b/);
		return /^[A-Z]{6}\+(\S+)/.exec(row)![1];
	});
	const expected = ['UMingCN', 'WenQuanYiMicroHei', 'NotoSerif-Regular'];
	if (fallback) expected.push('WenQuanYiMicroHei-Fallback');
	expect(faces.sort()).toEqual(expected.sort());
	expect(pdfFonts(file)).not.toMatch(/WenKai/);
}

/** No word drawn outside the page's margins (54 pt, with a little tolerance). */
function expectTextInsideMargins(file: string) {
	const { words: list, width, height } = words(file);
	expect(list.length).toBeGreaterThan(0);
	const outside = list.filter(
		(w) => w.xMin < 50 || w.xMax > width - 50 || w.yMin < 20 || w.yMax > height - 20
	);
	expect(outside.slice(0, 5)).toEqual([]);
}

/** Every cross-reference entry points at its object (the info dictionary is rewritten). */
function expectValidXref(bytes: Uint8Array) {
	const pdf = Buffer.from(bytes).toString('latin1');
	const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(pdf)![1]);
	expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
	const table = pdf.slice(startxref, pdf.indexOf('trailer', startxref));
	const entries = [...table.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
	entries.forEach((at, i) => expect(pdf.startsWith(`${i + 1} 0 obj`, at)).toBe(true));
}

describe('PDF report of a city assessment', SLOW, () => {
	const current = withNotes(
		sample(city, 7, '2026-03-01'),
		(i) => `第${i + 1}项:已建成5G基站1.2万个,数据中心PUE1.25;2025年完成改造。负责人:王喆、李玥。`
	);
	current.narrative = '本市数字经济总体处于推进阶段。\n\n下一步聚焦数据要素市场化配置改革。';
	const previous = sample(city, 3, '2025-03-01');

	for (const locale of ['zh', 'en'] as ReportLocale[])
		it(`${locale}: has the subject, every domain title and the top gap, in embedded subset fonts`, async () => {
			const m = model(city, current, locale, previous, '广州数智服务咨询有限公司');
			const { file, bytes } = await render(`city-${locale}`, m);
			const text = squash(pdfText(file));
			// The report sets half-width marks in Chinese text full-width.
			const title = (id: string) => fw(titleOf(city, locale)(id));
			expect(text).toContain(squash(current.subject.name));
			for (const d of scoreAssessment(city, current).domains)
				expect(text).toContain(squash(title(d.id)));
			const top = rankGaps(city, current)[0]!;
			expect(text).toContain(squash(title(top.indicatorId)));
			// Page furniture: running header and "page n of N" footers.
			const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))![1]);
			expect(pages).toBeGreaterThan(10);
			expect(text).toContain(
				squash(locale === 'zh' ? `第 ${pages} / ${pages} 页` : `Page ${pages} of ${pages}`)
			);
			expect(text).toContain(squash(m.meta.title));

			// The assessor 张堃 and the notes' 王喆、李玥 are outside GB 2312: the fallback draws them.
			expectEmbeddedSubsetFonts(file, true);
			expect(qpdfCheck(file).ok).toBe(true);
			expectValidXref(bytes);
			expectTextInsideMargins(file);

			const info = pdfInfo(file);
			expect(info).toMatch(new RegExp(`Title:\\s+${m.meta.title}.*${current.subject.name}`));
			expect(info).toMatch(/Author:\s+广州数智服务咨询有限公司/);
			expect(info).toMatch(/JavaScript:\s+no/);
			expect(Buffer.from(bytes).toString('latin1')).toContain(
				`/Lang (${locale === 'zh' ? 'zh-CN' : 'en'})`
			);

			// Bookmarks for each section and each domain.
			const outline = outlineTitles(file);
			for (const s of m.sections) expect(outline).toContain(fw(s.title));
			for (const d of scoreAssessment(city, current).domains)
				expect(outline).toContain(title(d.id));
		});

	it('still generates for an assessment with nothing answered', async () => {
		const empty = sample(city, 4, '2026-01-01');
		for (const id of Object.keys(empty.answers)) empty.answers[id] = emptyAnswer();
		const { file } = await render('empty', model(city, empty, 'zh'));
		const text = squash(pdfText(file));
		expect(text).toContain('深圳市');
		expect(text).toContain('暂定结果');
		expect(qpdfCheck(file).ok).toBe(true);
		expectEmbeddedSubsetFonts(file, true);
		expectTextInsideMargins(file);
	});

	it('gives the same bytes for the same model (no clock, no random ids)', async () => {
		const m = model(city, sample(city, 8, '2026-01-01'), 'en');
		const a = await renderReportPdf(m, { font: fonts });
		const b = await renderReportPdf(m, { font: fonts });
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});
});

describe('PDF report of hostile text', SLOW, () => {
	const long = '数字化转型 digital transformation,2025年PUE1.25;'.repeat(400).slice(0, 10_000);
	const notes = [
		long,
		'x'.repeat(10_000),
		'进展顺利😀🎉 👨‍👩‍👧 ✈️ done',
		'生僻字:堃喆玥',
		'罕见字:𠀾',
		'שלום עולם مرحبا بالعالم',
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'温度 25℃ ± 2,误差 ≤ 5% 且 ≥ 1%,① 第Ⅳ阶段',
		'control\u0000\u0007chars\u200b\u202eand\ttabs'
	];
	const nasty = withNotes(
		sample(city, 5, '2026-03-01', '堃喆玥市<script>alert(1)</script>'),
		(i) => notes[i % notes.length]!
	);
	nasty.assessor = 'מנהל 😀 <b>bold</b>';
	nasty.narrative = `${long}\n\n<script>document.write(1)</script>`;

	it('draws every string as plain text, replaces what no face has, reports it and keeps the layout', async () => {
		let unprintable: string[] = [];
		const bytes = await renderReportPdf(model(city, nasty, 'zh', undefined, '<i>x</i>'), {
			font: fonts,
			onUnprintable: (chars) => (unprintable = chars)
		});
		const file = path.join(dir, 'hostile.pdf');
		writeFileSync(file, bytes);
		expect(qpdfCheck(file).ok).toBe(true);
		expect(pdfInfo(file)).toMatch(/JavaScript:\s+no/);
		const raw = pdfText(file);
		const text = squash(raw);
		expect(text).toContain('<script>alert(1)</script>');
		expect(text).toContain(squash('<img src=x onerror=alert(1)>'));
		expect(text).toContain('堃喆玥市<script>alert(1)</script>');
		expect(text).toContain('生僻字：堃喆玥');
		expect(text).toContain(squash(fw('温度 25℃ ± 2,误差 ≤ 5% 且 ≥ 1%,① 第Ⅳ阶段')));
		// Emoji and scripts no face has become one placeholder per character, and are reported.
		expect(text).toContain('进展顺利□□□□done');
		expect(raw).not.toMatch(/\p{Extended_Pictographic}/u);
		expect(text).toContain('controlcharsandtabs');
		expect(text).toContain(squash(fw(long).slice(0, 200)));
		// Beyond the BMP jsPDF cannot encode a character: a placeholder, reported.
		expect(text).toContain('罕见字：□');
		expect(unprintable).toEqual(expect.arrayContaining(['😀', '🎉', '✈', 'ש', 'ع', '𠀾']));
		expect(unprintable).not.toContain('堃');
		// 堃喆玥 are outside GB 2312: they come from the fallback face.
		expectEmbeddedSubsetFonts(file, true);
		expectTextInsideMargins(file);
	});
});

describe('PDF report fallback face', SLOW, () => {
	const rare = withNotes(sample(city, 6, '2026-03-01', '堃喆玥市'), () => '负责人:王喆');

	it('is loaded only for text that needs it', async () => {
		let loads = 0;
		const fallback = () => {
			loads++;
			return (fonts.fallback as () => Promise<Uint8Array>)();
		};
		const plain = sample(city, 6, '2026-03-01');
		plain.assessor = '王明';
		await renderReportPdf(model(city, plain, 'zh'), { font: { ...fonts, fallback } });
		expect(loads).toBe(0);
		await renderReportPdf(model(city, rare, 'zh'), { font: { ...fonts, fallback } });
		expect(loads).toBe(1);
	});

	it('when it cannot be loaded (offline, never cached), rare characters print as reported placeholders', async () => {
		let unprintable: string[] = [];
		const bytes = await renderReportPdf(model(city, rare, 'zh'), {
			font: { ...fonts, fallback: () => Promise.reject(new Error('offline')) },
			onUnprintable: (chars) => (unprintable = chars)
		});
		const file = path.join(dir, 'no-fallback.pdf');
		writeFileSync(file, bytes);
		const text = squash(pdfText(file));
		expect(text).toContain('□□□市');
		expect(text).toContain('负责人：王□');
		expect(unprintable.sort()).toEqual(['喆', '堃', '玥'].sort());
		expectEmbeddedSubsetFonts(file);
	});
});

describe('PDF report branding', SLOW, () => {
	// A 2×1 PNG (red, blue), written out byte by byte so the test needs no image library.
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==',
		'base64'
	);

	it('puts the logo on the cover, the consultant in the metadata, and works in English', async () => {
		const a = sample(enterprise, 2, '2026-05-01', 'Acme Manufacturing Co.');
		const { file } = await render('brand', model(enterprise, a, 'en'), {
			preparedBy: 'Pearl River Consulting',
			accentColor: '#8a1538',
			logo: { data: new Uint8Array(png), type: 'PNG' }
		});
		expect(qpdfCheck(file).ok).toBe(true);
		expect(pdfInfo(file)).toMatch(/Author:\s+Pearl River Consulting/);
		expect(squash(pdfText(file))).toContain('AcmeManufacturingCo.');
		expect(readFileSync(file).toString('latin1')).toMatch(/\/Subtype \/Image/);
	});

	it('refuses a logo that is not an image with a clear error', async () => {
		await expect(
			renderReportPdf(model(city, sample(city, 2, '2026-05-01'), 'zh'), {
				font: fonts,
				branding: { logo: { data: new TextEncoder().encode('<svg/>'), type: 'PNG' } }
			})
		).rejects.toThrow(/logo is not a readable PNG image/);
	});
});
