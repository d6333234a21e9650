import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { blockTexts } from '../support/report-blocks';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric('mini-compliance');
const mini = loadFixtureRubric();
const catalog = { nodes: guidelineNodes, cases: typicalCases };

function assessment(): Assessment {
	const a = createSampleAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture', duties: ['important-data'] },
		date: '2026-01-01'
	});
	a.compliance = {
		'dsl-officer': { status: 'not-met', note: '负责人尚未任命。' },
		'vuln-handling': { status: 'met' }
	};
	a.answers['d2.a'] = {
		...a.answers['d2.a']!,
		level: 4,
		value: 66.4,
		inputs: { numerator: 12_345, denominator: 1_860_000 }
	};
	a.answers['d3.a'] = {
		...a.answers['d3.a']!,
		figures: { 'd3.a.racks': 1200, 'd3.a.gigabit': { numerator: 30, denominator: 120 } }
	};
	return a;
}

const build = (a: Assessment, locale: 'zh' | 'en' = 'zh', r = rubric) =>
	buildReportModel({ rubric: r, assessment: a, catalog, locale, generatedOn: '2026-02-01' });
const texts = blockTexts;

describe('the compliance section of the report', () => {
	it('comes right after the summary and names each unmet duty with its source and who acts', () => {
		const model = build(assessment());
		expect(model.sections.map((s) => s.id).slice(0, 2)).toEqual(['summary', 'compliance']);
		const section = model.sections[1]!;
		expect(section.title).toBe('合规状态（法定义务）');
		const all = texts(section.blocks);
		expect(all).toContain('1 项未满足');
		expect(all).toContain('1 项法定义务未满足，须优先整改，不论成熟度得分高低。');
		expect(all).toContain('数据安全负责人：明确数据安全负责人和管理机构');
		expect(all).toContain('法律依据：《中华人民共和国数据安全法》第二十七条');
		expect(all).toContain('责任主体：本级人民政府');
		expect(all).toContain('说明：负责人尚未任命。');
	});

	it('says incomplete in English while a duty is unanswered', () => {
		const a = assessment();
		a.compliance = { 'vuln-handling': { status: 'met' } };
		const all = texts(build(a, 'en').sections.find((s) => s.id === 'compliance')!.blocks);
		expect(all).toContain('Incomplete (1 unanswered)');
		expect(all).toContain('Data Security Law of the PRC, Article 27');
	});

	it('leaves the maturity sections unchanged whatever the compliance answers', () => {
		const a = assessment();
		const withAnswers = build(a).sections.filter((s) => s.id !== 'compliance');
		a.compliance = {};
		expect(build(a).sections.filter((s) => s.id !== 'compliance')).toEqual(withAnswers);
	});

	it('is absent, like the figures appendix, for a rubric without checks and figures', () => {
		const a = createSampleAssessment(mini, {
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		});
		const ids = build(a, 'zh', mini).sections.map((s) => s.id);
		expect(ids).not.toContain('compliance');
		expect(ids).not.toContain('figures');
	});
});

describe('the figures appendix', () => {
	it('lists recorded figures and ratios with their working, last', () => {
		const model = build(assessment());
		const section = model.sections.at(-1)!;
		expect(section.id).toBe('figures');
		const table = section.blocks.find((b) => b.kind === 'table');
		expect(table && table.kind === 'table' ? table.rows : []).toEqual([
			['指标A', '5G基站数 ÷ 常住人口', '66.4 个/万人', '12,345 ÷ 1,860,000 × 10,000 = 66.4'],
			['指标A', '数据中心机架数', '1,200 架', ''],
			['指标A', '千兆用户占比', '25%', '30 ÷ 120 × 100 = 25']
		]);
	});
});
