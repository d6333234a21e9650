/**
 * One vocabulary: the key quantities carry the glossary's names on the results page, in the
 * report, the CSV and the method appendix, in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildResultsCsv } from '../../src/lib/domain/csv';
import { GLOSSARY, GLOSSARY_ORDER, type GlossaryKey } from '../../src/lib/domain/glossary';
import { findPunctuationProblems } from '../../src/lib/domain/punctuation';
import { buildReportModel, type ReportSection } from '../../src/lib/domain/report-model';
import { reportTexts, type ReportTextKey } from '../../src/lib/domain/report-text';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { zh, type MessageKey } from '../../src/lib/i18n/messages';
import { en } from '../../src/lib/i18n/messages-en';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadFixtureRubric } from '../support/rubrics';

const locales = ['zh', 'en'] as const;

/** Where each quantity is named on screen, and in the report (and through it, the CSV). */
const UI_LABELS: [GlossaryKey, MessageKey][] = [
	['level', 'assess.levels'],
	['target', 'assess.target'],
	['gap', 'results.gap'],
	['priority', 'results.priority'],
	['contribution', 'results.contribution'],
	['change', 'compare.delta']
];
const REPORT_LABELS: [GlossaryKey, ReportTextKey][] = [
	['level', 'level'],
	['coverage', 'coverage'],
	['target', 'target'],
	['gap', 'gap'],
	['priority', 'priority'],
	['change', 'delta']
];

describe('glossary', () => {
	it('is written with the punctuation of each language', () => {
		for (const key of GLOSSARY_ORDER)
			for (const lang of locales)
				for (const text of [GLOSSARY[key].term[lang], GLOSSARY[key].definition[lang]])
					expect(findPunctuationProblems(text, lang), `${key}.${lang}: ${text}`).toEqual([]);
	});

	it('is the table in the README, term for term', () => {
		const rows = readFileSync('README.md', 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('|'))
			.map((l) =>
				l
					.split('|')
					.slice(1, -1)
					.map((c) => c.trim())
			);
		for (const key of GLOSSARY_ORDER)
			expect(rows).toContainEqual([
				GLOSSARY[key].term.zh,
				GLOSSARY[key].term.en,
				GLOSSARY[key].definition.en
			]);
	});

	it.each(locales)('UI labels and report texts (%s) are the glossary terms', (lang) => {
		for (const [key, message] of UI_LABELS)
			expect({ zh, en }[lang][message], message).toBe(GLOSSARY[key].term[lang]);
		for (const [key, text] of REPORT_LABELS)
			expect(reportTexts[lang][text], text).toBe(GLOSSARY[key].term[lang]);
	});

	it.each(locales)('CSV headers (%s) name the quantities by the glossary', (lang) => {
		const rubric = loadFixtureRubric();
		const a = createSampleAssessment(rubric, {
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		});
		const lines = buildResultsCsv(rubric, a, { nodes: guidelineNodes, cases: typicalCases }, lang)
			.slice(1)
			.split('\r\n')
			.map((l) => l.split(','));
		const term = (key: GlossaryKey) => GLOSSARY[key].term[lang];
		// The answers table (the workbook's 答卷 columns) and the gap table.
		const [answerHeader, gapHeader] = lines.filter((l) => l.includes(term('gap')));
		expect(answerHeader).toEqual(
			expect.arrayContaining([term('level'), term('target'), term('gap')])
		);
		expect(gapHeader).toEqual(
			expect.arrayContaining([term('level'), term('target'), term('gap'), term('priority')])
		);
		const planHeader = lines.find((l) => l.includes('key'))!;
		expect(planHeader).toEqual(expect.arrayContaining([term('target'), term('priority')]));
		expect(lines.find((l) => l[0] === 'id')).toContain(term('coverage'));
	});

	it.each(locales)('the report’s method appendix (%s) carries the glossary', (lang) => {
		const rubric = loadFixtureRubric();
		const assessment = createSampleAssessment(rubric, {
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		});
		const model = buildReportModel({
			rubric,
			assessment,
			catalog: { nodes: guidelineNodes, cases: typicalCases },
			locale: lang,
			generatedOn: '2026-11-29',
			sections: ['methodology']
		});
		const method = model.sections.find((s: ReportSection) => s.id === 'methodology')!;
		const rows = method.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
		for (const key of GLOSSARY_ORDER)
			expect(rows).toContainEqual([GLOSSARY[key].term[lang], GLOSSARY[key].definition[lang]]);
	});
});
