/**
 * Citations read the way an official cites a document: 《指引》 with its part, section, numbers and
 * title; other documents by title. Node ids and file lines stay out of what readers see.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	citationLabel,
	citationReference,
	describeGuidelineNode
} from '../../src/lib/domain/citation';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { reportStrings } from '../support/report-blocks';

const city = loadRubricText(readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'), 'city');
const node = (id: string) => guidelineNodes.get(id)!;

describe('describeGuidelineNode', () => {
	it('names the part, the section, the enclosing numbers and the title', () => {
		expect(describeGuidelineNode(node('c03.p2.2'), guidelineNodes, 'zh')).toBe(
			'第三篇 发展路径（二）2. 生产制造数字化'
		);
		expect(describeGuidelineNode(node('c11.p3.2'), guidelineNodes, 'zh')).toBe(
			'第十一篇 发展路径（三）2. 提升高效数字工作能力'
		);
		expect(describeGuidelineNode(node('c03.p2.2'), guidelineNodes, 'en')).toBe(
			'Part 3, development paths (2) 2. Digital production and manufacturing'
		);
	});

	it('places an un-numbered sub-item after its numbered parent', () => {
		expect(describeGuidelineNode(node('c02.f1.1.r1'), guidelineNodes, 'zh')).toBe(
			'第二篇 发展重点（一）1. 消费电子产业：手机及新型智能终端'
		);
	});
});

describe('citationLabel', () => {
	it('cites the guideline by its short title and structure, never by node id', () => {
		const label = citationLabel({ node: 'c07.p3.4' }, city, guidelineNodes, 'zh');
		expect(label).toBe('《指引》第七篇 发展路径（三）4. 建设智慧环保基础设施');
		expect(label).not.toContain('c07');
	});

	it('cites another document by its title, never by file line', () => {
		const label = citationLabel({ source: 'doc003', line: 31 }, city, guidelineNodes, 'zh');
		expect(label).toBe('《广州市数字经济高质量发展规划》');
		expect(citationReference({ source: 'doc003', line: 31 })).toBe('doc003:31');
		expect(citationReference({ node: 'c07.p3.4' })).toBe('c07.p3.4');
	});
});

describe('the report of a fully answered city', () => {
	it('shows no node id and no file line as a citation', () => {
		const assessment = createSampleAssessment(
			city,
			{
				id: 'a',
				subject: { id: 's', name: '示例市', kind: 'city' },
				profile: defaultProfile(city, { level: 'prefecture', region: 'prd' }),
				date: '2026-06-30',
				period: '2026年度'
			},
			3
		);
		for (const locale of ['zh', 'en'] as const) {
			const model = buildReportModel({
				rubric: city,
				assessment,
				catalog: { nodes: guidelineNodes, cases: typicalCases },
				locale,
				generatedOn: '2026-07-01'
			});
			const shown = reportStrings(model.sections).join('\n');
			expect(shown).toContain(locale === 'zh' ? '《指引》第' : 'Guideline 1.0, Part');
			expect(shown.match(/\bc\d{2}\.[pf]\d[\w.]*/g) ?? []).toEqual([]);
			expect(shown.match(/ L\d+\b/g) ?? []).toEqual([]);
			expect(shown.match(/\b00[134]:\d+/g) ?? []).toEqual([]);
		}
	});
});
