/**
 * The compliance status in the CSV and in `cli score` (human and --json), for a rubric with
 * compliance checks; rubrics without them keep their output as it was.
 */
import { describe, expect, it } from 'vitest';
import { complianceJson, complianceLines } from '../../src/cli/compliance';
import type { Assessment } from '../../src/lib/domain/assessment';
import { buildResultsCsv } from '../../src/lib/domain/csv';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
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
	a.compliance = { 'dsl-officer': { status: 'not-met', note: '尚未任命' } };
	a.answers['d3.a'] = { ...a.answers['d3.a']!, figures: { 'd3.a.racks': 1200 } };
	return a;
}

describe('CSV', () => {
	it('starts with the compliance status and ends with the recorded figures', () => {
		const lines = buildResultsCsv(rubric, assessment(), catalog, 'zh').slice(1).split('\r\n');
		expect(lines[0]).toBe('合规状态（法定义务）');
		expect(lines[2]).toBe(
			'dsl-officer,数据安全负责人,未满足,《中华人民共和国数据安全法》第二十七条,重要数据的处理者,本级人民政府,尚未任命'
		);
		expect(lines[3]).toBe(
			'vuln-handling,漏洞处置,未回答,《网络产品安全漏洞管理规定》第六条,网络运营者,工业和信息化部门,'
		);
		expect(lines).toContain('d3.a,指标A,数据中心机架数,"1,200 架",');
	});

	it('has neither for a rubric without checks and figures', () => {
		const a = createSampleAssessment(mini, {
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		});
		const csv = buildResultsCsv(mini, a, catalog, 'zh');
		expect(csv.slice(1).split('\r\n')[0]).toBe('执行摘要');
		expect(csv).not.toContain('合规');
	});
});

describe('cli score', () => {
	it('reports compliance first in words, apart from the score', () => {
		expect(complianceLines(rubric, assessment(), 'en')).toEqual([
			'Compliance (not part of the score): 1 legal duty NOT MET  (met 0, not met 1, not applicable 0, unanswered 1)',
			'  NOT MET    Data-security officer · Data Security Law of the PRC, Article 27 · Local government',
			'  unanswered Vulnerability handling · Provisions on Security Vulnerabilities of Network Products, Article 6 · Industry department'
		]);
	});

	it('reports compliance in --json, and nothing for a rubric without checks', () => {
		expect(complianceJson(rubric, assessment())).toMatchObject({
			overall: 'not-met',
			notMet: 1,
			unanswered: 1,
			checks: [
				{ id: 'dsl-officer', status: 'not-met', responsible: ['gov'] },
				{ id: 'vuln-handling', status: null }
			]
		});
		expect(complianceJson(mini, assessment())).toBeUndefined();
		expect(complianceLines(mini, assessment(), 'zh')).toEqual([]);
	});
});
