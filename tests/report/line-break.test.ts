import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, NO_LINE_END, NO_LINE_START, pieces } from '../../src/lib/report/line-break';

/** Full-width characters are 1 wide, everything else 0.5 (like a CJK font at 1 pt). */
const measure = (s: string) => {
	let w = 0;
	for (const c of s) w += /[\u2e80-\uffef]/u.test(c) ? 1 : 0.5;
	return w;
};
const wrap = (text: string, width: number) => breakLines(text, width, measure);
const first = (line: string) => [...line][0]!.codePointAt(0)!;
const last = (line: string) => [...line].pop()!.codePointAt(0)!;

describe('line breaking', () => {
	it('breaks between Chinese characters to fill each line', () => {
		expect(wrap('数字经济发展水平自评估报告', 5)).toEqual(['数字经济发', '展水平自评', '估报告']);
	});

	it('never breaks inside a Latin word or a number, nor before its unit', () => {
		const lines = wrap('数据中心PUE1.25以下,2025年建成5G基站', 6);
		expect(lines.join('|')).toContain('PUE1.25');
		expect(lines.some((l) => l.includes('2025年'))).toBe(true);
		expect(lines.some((l) => l.includes('5G'))).toBe(true);
		const money = wrap('增长12.5%,投资1,234.5万元', 5);
		expect(money.some((l) => l.includes('12.5%'))).toBe(true);
		expect(money.some((l) => l.includes('1,234.5万'))).toBe(true);
		expect(pieces('PUE1.25').map((p) => p.text)).toEqual(['PUE1.25']);
		expect(pieces('2025年度').map((p) => p.text)).toEqual(['2025年', '度']);
	});

	it('breaks Latin text at spaces and drops the space at the break', () => {
		expect(wrap('Digital economy self assessment', 5)).toEqual([
			'Digital',
			'economy',
			'self',
			'assessment'
		]);
		expect(wrap('an overall score of 72.2', 6)).toEqual(['an overall', 'score of', '72.2']);
	});

	it('keeps closing punctuation off the start of a line (禁则)', () => {
		// Without the rule "。" would start the second line.
		const lines = wrap('一二三四五。六七', 5);
		expect(lines[1]![0]).not.toBe('。');
		expect(lines).toEqual(['一二三四', '五。六七']);
		for (const l of wrap('甲乙丙丁戊)(己庚》辛壬、癸', 4))
			expect(NO_LINE_START.has(first(l))).toBe(false);
	});

	it('keeps opening punctuation off the end of a line (禁则)', () => {
		const lines = wrap('一二三四《指引》', 5);
		expect(lines).toEqual(['一二三四', '《指引》']);
		expect(wrap('一二三四(五)', 5)[0]).toBe('一二三四');
	});

	it('cuts a word wider than the line by characters with a hyphen, so nothing overflows', () => {
		expect(wrap('Established', 3)).toEqual(['Estab-', 'lished']);
		const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
		const lines = wrap(word, 10);
		for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(10);
		expect(lines.join('').replace(/-/g, '')).toBe(word);
	});

	it('breaks a long address at a slash or before a dot, never with a hyphen', () => {
		const url = 'https://www.gdei.gov.cn/zwgk/zcfg/digital-economy/guideline-v1/index.html';
		const lines = wrap(`见${url}。`, 16);
		for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(16);
		expect(lines.join('')).toBe(`见${url}。`);
		// Each line but the last ends after a slash or before a dot of the address.
		for (const [i, l] of lines.slice(0, -1).entries())
			expect(l.endsWith('/') || lines[i + 1]!.startsWith('.'), `${l} | ${lines[i + 1]}`).toBe(true);
		expect(lines).toEqual([
			'见https://',
			'www.gdei.gov.cn/zwgk/zcfg/',
			'digital-economy/guideline-v1/',
			'index.html。'
		]);
		// With no slash or dot in reach, by characters, still without a hyphen.
		expect(wrap('https://example.org/abcdefghijklmnopqrstuvwxyz', 6).join('')).toBe(
			'https://example.org/abcdefghijklmnopqrstuvwxyz'
		);
		expect(wrap('zhang.san@example.com', 6)).toEqual(['zhang.san', '@example.com']);
	});

	it('keeps hard line breaks and empty lines', () => {
		expect(wrap('第一行\n\n第三行', 10)).toEqual(['第一行', '', '第三行']);
		expect(wrap('', 10)).toEqual(['']);
		expect(wrap('a\r\nb', 10)).toEqual(['a', 'b']);
	});

	const alphabet = fc.constantFrom(
		...'数字经济发展水平堃喆玥',
		...'，。、；：？！）》」』】…%',
		...'（《「『【',
		...'PUE125G.-/ ',
		'\n'
	);
	const text = fc.array(alphabet, { maxLength: 120 }).map((a) => a.join(''));

	it('loses no character but break spaces, and every line fits (property)', () => {
		fc.assert(
			fc.property(text, fc.integer({ min: 2, max: 30 }), (t, width) => {
				const lines = wrap(t, width);
				for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(width);
				// Spaces at breaks are dropped, and hyphens mark cuts inside words.
				const strip = (s: string) => s.replace(/[\s-]/g, '');
				expect(strip(lines.join(''))).toBe(strip(t));
			})
		);
	});

	it('breaks a run of closing marks longer than a line where it must', () => {
		const lines = wrap('数、）；】】）', 6);
		expect(lines.join('')).toBe('数、）；】】）');
		for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(6);
	});

	it('follows 禁则 wherever a line could be broken elsewhere (property)', () => {
		fc.assert(
			fc.property(text, fc.integer({ min: 6, max: 30 }), (t, width) => {
				// Hard breaks are the author's: the rules apply within each paragraph.
				for (const paragraph of t.split('\n')) {
					const lines = wrap(paragraph, width);
					lines.forEach((l, i) => {
						// A forced cut (a piece wider than the line) is the only exception.
						const forced = measure(l) > width - 2;
						// A run of closing marks longer than a line leaves no legal break: the
						// line before is its first character followed by closing marks only.
						const unbreakable =
							i > 0 &&
							[...lines[i - 1]!].slice(1).every((c) => NO_LINE_START.has(c.codePointAt(0)!));
						if (i > 0 && !forced && !unbreakable) expect(NO_LINE_START.has(first(l))).toBe(false);
						if (i < lines.length - 1 && !forced) expect(NO_LINE_END.has(last(l))).toBe(false);
					});
				}
			})
		);
	});
});
