/**
 * Shipped Chinese text uses full-width punctuation and English text its own (GB/T 15834): the
 * rubrics' zh fields and quotations, the guideline catalog's titles, labels and measures, and the
 * report texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findPunctuationProblems } from '../../src/lib/domain/punctuation';
import { reportTexts } from '../../src/lib/domain/report-text';
import { complianceReportTexts } from '../../src/lib/domain/report/compliance-text';
import { coordinationReportTexts } from '../../src/lib/domain/report/coordination-text';
import { zh } from '../../src/lib/i18n/messages';
import { en } from '../../src/lib/i18n/messages-en';
import { describeProfile } from '../../src/lib/domain/rubric-index';
import { loadRubricText } from '../../src/lib/rubrics/loader';

/** Every string in `data` with the language its key gives it (zh, quote → zh; en, *_en → en). */
function collectTexts(
	data: unknown,
	where: string
): { lang: 'zh' | 'en'; text: string; where: string }[] {
	const found: { lang: 'zh' | 'en'; text: string; where: string }[] = [];
	type Lang = 'zh' | 'en' | undefined;
	const langOfKey = (key: string): Lang =>
		key === 'en' || key.endsWith('_en') ? 'en' : key === 'zh' || key === 'quote' ? 'zh' : undefined;
	// A dictionary under a zh or en key ({ zh: { … }, en: { … } }) passes its language down.
	const visit = (value: unknown, key: string, at: string, inherited: Lang) => {
		const lang = langOfKey(key) ?? inherited;
		if (typeof value === 'string') {
			const textLang = lang ?? (/\p{Script=Han}/u.test(value) ? 'zh' : undefined);
			if (textLang) found.push({ lang: textLang, text: value, where: at });
		} else if (Array.isArray(value)) value.forEach((v, i) => visit(v, key, `${at}[${i}]`, lang));
		else if (value && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) visit(v, k, `${at}.${k}`, lang);
	};
	visit(data, '', where, undefined);
	return found;
}

const findings = (texts: ReturnType<typeof collectTexts>) =>
	texts.flatMap(({ lang, text, where }) =>
		findPunctuationProblems(text, lang).map((p) => `${where}: “${p.mark}” in …${p.excerpt}…`)
	);

describe('punctuation of shipped text', () => {
	const rubricFiles = readdirSync('rubrics').filter((f) => f.endsWith('.yaml'));

	it.each(rubricFiles)('%s: full-width marks in Chinese, English marks in English', (file) => {
		const data = parse(readFileSync(path.join('rubrics', file), 'utf8'));
		expect(findings(collectTexts(data, file))).toEqual([]);
	});

	it.each(['guideline.json', 'table2.json'])('%s: the guideline catalog and 表2', (file) => {
		const data = JSON.parse(readFileSync(path.join('rubrics', file), 'utf8'));
		expect(findings(collectTexts(data, file))).toEqual([]);
	});

	it('texts composed from rubric parts, such as a profile in words', () => {
		const city = loadRubricText(readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'), 'city');
		const profile = { level: 'prefecture', region: 'prd' };
		expect(describeProfile(city, profile, 'zh')).toBe(
			'行政层级：地级以上市；所在区域：珠三角其他地市'
		);
		expect(describeProfile(city, profile, 'en')).toBe(
			'Administrative level: Prefecture-level city or above; Region: Other Pearl River Delta cities'
		);
	});

	it('the interface messages in both languages', () => {
		const texts = (['zh', 'en'] as const).flatMap((lang) =>
			Object.entries({ zh, en }[lang]).map(([key, text]) => ({
				lang,
				text,
				where: `${lang}.${key}`
			}))
		);
		expect(findings(texts)).toEqual([]);
	});

	it('the report texts (PDF and results page)', () => {
		expect(findings(collectTexts(reportTexts, 'report-text'))).toEqual([]);
		expect(findings(collectTexts(complianceReportTexts, 'compliance-text'))).toEqual([]);
		expect(findings(collectTexts(coordinationReportTexts, 'coordination-text'))).toEqual([]);
	});
});

describe('findPunctuationProblems', () => {
	it('finds half-width marks beside Han characters, and allows numbers and web addresses', () => {
		expect(
			findPunctuationProblems('覆盖主要领域,有阶段性成效(数据)', 'zh').map((p) => p.mark)
		).toEqual([',', '(', ')']);
		expect(
			findPunctuationProblems('年产值1,000亿元，时间10:30，见https://a.cn/x?y=1。', 'zh')
		).toEqual([]);
		expect(findPunctuationProblems('PUE(Power Usage Effectiveness) 1.3', 'zh')).toEqual([]);
	});

	it('finds Chinese marks in English text, and allows curly quotes', () => {
		expect(findPunctuationProblems('cloud、data，AI', 'en').map((p) => p.mark)).toEqual([
			'、',
			'，'
		]);
		expect(findPunctuationProblems('a “5G + industrial internet” park; 10%', 'en')).toEqual([]);
	});
});
