/**
 * The PDF carries the compliance status right after the summary, apart from the maturity score,
 * and the recorded figures with their working; read back with poppler's pdftotext.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { buildReportModel } from '../../src/lib/domain/report-model';
import type { ReportLocale } from '../../src/lib/domain/report-text';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadFixtureRubric } from '../support/rubrics';
import { outlineTitles, pdfText, render, squash } from './support';

const rubric = loadFixtureRubric('mini-compliance');

function assessment(): Assessment {
	const a = createSampleAssessment(
		rubric,
		{
			id: 'a1',
			subject: { id: 's1', name: '深圳市', kind: 'city' },
			profile: { level: 'prefecture', duties: ['important-data'] },
			date: '2026-03-01',
			period: '2026年度'
		},
		7
	);
	a.compliance = {
		'dsl-officer': { status: 'not-met', note: '数据安全负责人尚未任命，计划于第二季度完成。' },
		'vuln-handling': { status: 'met' }
	};
	a.answers['d2.a'] = {
		...a.answers['d2.a']!,
		level: 4,
		notApplicable: false,
		value: 66.4,
		inputs: { numerator: 12_345, denominator: 1_860_000 }
	};
	a.answers['d3.a'] = {
		...a.answers['d3.a']!,
		figures: { 'd3.a.racks': 1200, 'd3.a.gigabit': { numerator: 30, denominator: 120 } }
	};
	return a;
}

const model = (locale: ReportLocale) =>
	buildReportModel({
		rubric,
		assessment: assessment(),
		catalog: { nodes: guidelineNodes, cases: typicalCases },
		locale,
		generatedOn: '2026-11-23'
	});

describe('compliance in the PDF report', { timeout: 120_000 }, () => {
	it('zh: the compliance section follows the summary, with the unmet duty, and figures last', async () => {
		const { file } = await render('compliance-zh', model('zh'));
		const text = squash(pdfText(file));
		const outline = outlineTitles(file);
		expect(outline.indexOf('合规状态（法定义务）')).toBe(outline.indexOf('执行摘要') + 1);
		expect(outline.at(-1)).toBe('附：记录的数据');
		for (const line of [
			'1项未满足',
			'1项法定义务未满足，须优先整改，不论成熟度得分高低。',
			'数据安全负责人：明确数据安全负责人和管理机构',
			'法律依据：《中华人民共和国数据安全法》第二十七条',
			'责任主体：本级人民政府',
			'12,345÷1,860,000×10,000=66.4',
			'30÷120×100=25'
		])
			expect(text).toContain(squash(line));
		// In reading order: the summary's score, then the compliance status, then the charts.
		const body = text.slice(text.lastIndexOf('执行摘要'));
		expect(body.indexOf('合规状态（法定义务）')).toBeGreaterThan(0);
		expect(body.indexOf('合规状态（法定义务）')).toBeLessThan(body.indexOf('附：记录的数据'));
	});

	it('en: the same in English', async () => {
		const { file } = await render('compliance-en', model('en'));
		const text = squash(pdfText(file));
		expect(text).toContain(squash('Compliance status (legal duties)'));
		expect(text).toContain(squash('Data Security Law of the PRC, Article 27'));
		expect(text).toContain(squash('1 not met'));
	});
});
