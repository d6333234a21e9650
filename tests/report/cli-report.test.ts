import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli as run } from '../cli/run-cli';
import { headings, paragraphs, readDocx, tables } from '../support/docx';
import { city, dir, pdfFonts, pdfInfo, pdfText, qpdfCheck, sample, squash } from './support';

const file = (name: string) => path.join(dir, name);

function cli(...args: string[]) {
	const r = run(args);
	return { code: r.code, out: r.out, err: r.err };
}

// A 2×1 PNG with transparency.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGM4IWfTwMDw/z8ADgADobOR4qwAAAAASUVORK5CYII=',
	'base64'
);

beforeAll(() => {
	writeFileSync(file('now.json'), JSON.stringify(sample(city, 7, '2026-03-01')));
	writeFileSync(file('before.json'), JSON.stringify(sample(city, 3, '2025-03-01')));
	writeFileSync(file('logo.png'), PNG);
	writeFileSync(
		file('brand.json'),
		JSON.stringify({ preparedBy: '粤数咨询', accentColor: '#8a1538', logo: 'logo.png' })
	);
});

describe('cli report', { timeout: 120_000 }, () => {
	it('writes the PDF with the comparison, the branding and the chosen language', () => {
		const out = file('report.pdf');
		const r = cli(
			'report',
			file('now.json'),
			'-o',
			out,
			'--previous',
			file('before.json'),
			'--brand',
			file('brand.json'),
			'--lang',
			'en'
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/report\.pdf: \d+ KB/);
		expect(qpdfCheck(out).ok).toBe(true);
		expect(pdfFonts(out)).toMatch(/[A-Z]{6}\+UMingCN/);
		expect(pdfInfo(out)).toMatch(/Author:\s+粤数咨询/);
		const text = squash(pdfText(out));
		expect(text).toContain('Comparisonwiththepreviousassessment');
		expect(text).toContain('深圳市');
	});

	it('prints characters no report font has as □, writes the PDF and says which', () => {
		const a = sample(city, 7, '2026-03-01');
		Object.values(a.answers)[0]!.note = '进展顺利😀 罕见字𠀾';
		writeFileSync(file('emoji.json'), JSON.stringify(a));
		const out = file('emoji.pdf');
		const r = cli('report', file('emoji.json'), '-o', out);
		expect(r.code).toBe(0);
		expect(r.err).toMatch(
			/^warning: the report fonts lack 2 character\(s\) of .*emoji\.json \(😀 𠀾\), printed as □\n$/
		);
		expect(squash(pdfText(out))).toContain('进展顺利□罕见字□');
	});

	it('refuses a logo that is not an image, or is too large, and writes nothing', () => {
		writeFileSync(file('fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		writeFileSync(file('brand-fake.json'), JSON.stringify({ logo: 'fake.png' }));
		let r = cli(
			'report',
			file('now.json'),
			'-o',
			file('no1.pdf'),
			'--brand',
			file('brand-fake.json')
		);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/fake\.png: the logo is not a PNG or JPEG image/);
		expect(r.err).not.toMatch(/\n\s+at /);
		expect(existsSync(file('no1.pdf'))).toBe(false);

		writeFileSync(file('huge.png'), Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]));
		writeFileSync(file('brand-huge.json'), JSON.stringify({ logo: 'huge.png' }));
		r = cli('report', file('now.json'), '-o', file('no2.pdf'), '--brand', file('brand-huge.json'));
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/huge\.png: the logo is 20\.0 MB; at most 2 MB/);
		expect(existsSync(file('no2.pdf'))).toBe(false);
	});

	it('names the field of an invalid brand file', () => {
		writeFileSync(file('brand-bad.json'), JSON.stringify({ accentColor: 'blue', colour: 1 }));
		const r = cli(
			'report',
			file('now.json'),
			'-o',
			file('no3.pdf'),
			'--brand',
			file('brand-bad.json')
		);
		expect(r.code).toBe(1);
		expect(r.err).toContain('$.accentColor: must be a colour written #rrggbb');
		expect(r.err).toContain('Unrecognized key: "colour"');
		expect(existsSync(file('no3.pdf'))).toBe(false);
	});

	it('writes nothing for an invalid assessment, and needs -o', () => {
		writeFileSync(file('broken.json'), '{"format": "gd-digital-economy-assessment",');
		let r = cli('report', file('broken.json'), '-o', file('no4.pdf'));
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/^error: .*broken\.json/);
		expect(existsSync(file('no4.pdf'))).toBe(false);

		r = cli('report', file('now.json'));
		expect(r.code).toBe(2);
		expect(r.err).toContain('report needs -o OUT.pdf');
	});
});

describe('cli report as Word', { timeout: 120_000 }, () => {
	it('writes a .docx when -o ends in .docx, in Chinese by default', () => {
		const out = file('report.docx');
		const r = cli('report', file('now.json'), '-o', out, '--previous', file('before.json'));
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/report\.docx: \d+ KB/);
		const doc = readDocx(out);
		expect(paragraphs(doc).some((p) => p.text === '深圳市')).toBe(true);
		expect(headings(doc, 'Heading1')).toContain('与上次评估对比');
		expect(doc.pictures).toHaveLength(3);
	});

	it('writes the English report with the branding', () => {
		const out = file('report-en.DOCX');
		const r = cli(
			'report',
			file('now.json'),
			'-o',
			out,
			'--brand',
			file('brand.json'),
			'--lang',
			'en'
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		const doc = readDocx(out);
		expect(headings(doc, 'Heading1')).toContain('Executive summary');
		expect(doc.core.author).toBe('粤数咨询');
		// The logo on the cover, and the organisation on the signature block.
		expect(doc.pictures).toHaveLength(3);
		expect(tables(doc).at(-1)!.rows[0]).toEqual(['Organisation (seal):', '粤数咨询']);
	});

	it('refuses an extension it cannot write, says which it can, and writes nothing', () => {
		for (const name of ['report.doc', 'report']) {
			const r = cli('report', file('now.json'), '-o', file(name));
			expect(r.code).toBe(2);
			expect(r.err).toContain(
				'report writes a PDF (-o OUT.pdf) or a Word document (-o OUT.docx); the format follows the extension of -o'
			);
			expect(existsSync(file(name))).toBe(false);
		}
	});
});

describe('cli report for many files', { timeout: 180_000 }, () => {
	it('writes one report per file into a folder, reports a bad file and goes on', () => {
		writeFileSync(file('broken.json'), '{"format": ');
		const out = file('batch/');
		const r = cli('report', file('now.json'), file('broken.json'), file('before.json'), '-o', out);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/broken\.json: .*not valid JSON/);
		expect(r.err).toContain('1 of 3 reports not written');
		expect(existsSync(path.join(out, 'broken.pdf'))).toBe(false);
		for (const name of ['now', 'before']) {
			const pdf = path.join(out, `${name}.pdf`);
			expect(r.out).toContain(`${pdf}:`);
			expect(qpdfCheck(pdf).ok).toBe(true);
			expect(squash(pdfText(pdf))).toContain('深圳市');
		}
	});

	it('writes Word documents with --format docx', () => {
		const out = file('batch-docx');
		const r = cli(
			'report',
			file('now.json'),
			file('before.json'),
			'-o',
			`${out}/`,
			'--format',
			'docx'
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(headings(readDocx(path.join(out, 'now.docx')), 'Heading1').length).toBeGreaterThan(3);
		expect(existsSync(path.join(out, 'before.docx'))).toBe(true);
	});

	it('refuses one file name for several reports, and --previous with several files', () => {
		const one = cli('report', file('now.json'), file('before.json'), '-o', file('all.pdf'));
		expect(one.code).toBe(2);
		expect(one.err).toContain('give -o a folder');
		expect(existsSync(file('all.pdf'))).toBe(false);
		const prev = cli(
			'report',
			file('now.json'),
			file('before.json'),
			'-o',
			file('p/'),
			'--previous',
			file('before.json')
		);
		expect(prev.code).toBe(2);
		expect(prev.err).toContain('--previous compares one file');
	});
});
