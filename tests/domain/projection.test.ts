import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { rankGaps } from '../../src/lib/domain/gaps';
import { projectTopGaps } from '../../src/lib/domain/projection';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { createAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { reportStrings } from '../support/report-blocks';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const catalog = { nodes: guidelineNodes, cases: typicalCases };

/** Two indicators answered below target, the rest as given (unanswered by default). */
function assessment(fillRest: boolean): Assessment {
	const a = createAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01'
	});
	for (const id of Object.keys(a.answers))
		a.answers[id] = fillRest
			? { level: 4, notApplicable: false, target: null }
			: { level: null, notApplicable: false, target: null };
	a.answers['d1.b'] = { level: 0, notApplicable: false, target: null };
	a.answers['d2.a'] = { level: 1, notApplicable: false, target: null };
	return a;
}

const project = (a: Assessment) => {
	const scores = scoreAssessment(mini, a);
	return projectTopGaps(scores, rankGaps(mini, a, scores), 5);
};

describe('projecting the score once the top gaps are closed', () => {
	it('is provisional below full coverage and says on how many answers it rests', () => {
		const p = project(assessment(false))!;
		expect(p.provisional).toBe(true);
		expect(p.coverage).toMatchObject({ answered: 2, applicable: 6 });
		expect(p.to).toBeGreaterThan(p.from);
		expect(p.closed).toBe(2);
	});

	it('is final once every applicable indicator is answered', () => {
		const p = project(assessment(true))!;
		expect(p.provisional).toBe(false);
		expect(p.to).toBeGreaterThan(p.from);
	});

	it('is marked provisional in the report model, in Chinese and in English', () => {
		for (const [locale, mark, final] of [
			['zh', '暂定预测：目前只作答了 2/6 项适用指标', '补齐前 2 项差距后'],
			['en', 'Provisional projection: only 2 of 6 applicable indicators', 'Closing the top 2 gaps']
		] as const) {
			const words = (a: Assessment) =>
				reportStrings(
					buildReportModel({
						rubric: mini,
						assessment: a,
						catalog,
						locale,
						generatedOn: '2026-01-02'
					}).sections
				).join('\n');
			const partial = words(assessment(false));
			expect(partial).toContain(mark);
			const complete = words(assessment(true));
			expect(complete).not.toContain(mark.slice(0, 6));
			expect(complete).toContain(final);
		}
	});
});
