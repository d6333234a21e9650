import { describe, expect, it } from 'vitest';
import {
	InputError,
	readAssessment,
	type RubricSource
} from '../../src/lib/domain/assessment-file';
import type { Assessment } from '../../src/lib/domain/assessment';
import { complianceStatus } from '../../src/lib/domain/compliance';
import { computeRatio } from '../../src/lib/domain/ratio';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric('mini-compliance');
const source: RubricSource = {
	find: (id, version) => (id === rubric.id && version === rubric.version ? rubric : undefined),
	versions: () => [rubric.version]
};
const sample = (profile: Assessment['profile'] = { level: 'prefecture' }): Assessment =>
	createSampleAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile,
		date: '2026-01-01'
	});
const ratio = rubric.pillars[0]!.domains[1]!.indicators[0]!.metric!.ratio!;

describe('compliance status', () => {
	it('lists only the checks that bind the profile', () => {
		expect(complianceStatus(rubric, sample()).rows.map((r) => r.check.id)).toEqual([
			'vuln-handling'
		]);
		const flagged = sample({ level: 'prefecture', duties: ['important-data'] });
		expect(complianceStatus(rubric, flagged).rows.map((r) => r.check.id)).toEqual([
			'dsl-officer',
			'vuln-handling'
		]);
	});

	it('counts statuses and says not met before incomplete, incomplete before met', () => {
		const a = sample({ level: 'prefecture', duties: ['important-data'] });
		expect(complianceStatus(rubric, a)).toMatchObject({ unanswered: 2, overall: 'incomplete' });
		a.compliance = { 'dsl-officer': { status: 'not-met' } };
		expect(complianceStatus(rubric, a)).toMatchObject({
			notMet: 1,
			unanswered: 1,
			overall: 'not-met'
		});
		a.compliance = {
			'dsl-officer': { status: 'met' },
			'vuln-handling': { status: 'not-applicable' }
		};
		expect(complianceStatus(rubric, a)).toMatchObject({
			met: 1,
			notApplicable: 1,
			unanswered: 0,
			overall: 'met'
		});
	});

	it('has no overall status for a rubric without checks', () => {
		const none = { ...rubric, compliance: [] };
		expect(complianceStatus(none, sample()).overall).toBe('none');
	});

	it('never changes any score', () => {
		const a = sample({ level: 'prefecture', duties: ['important-data', 'cii'] });
		const before = scoreAssessment(rubric, a);
		for (const status of ['met', 'not-met', 'not-applicable', null] as const) {
			a.compliance = { 'dsl-officer': { status }, 'vuln-handling': { status, note: 'x' } };
			expect(scoreAssessment(rubric, a)).toEqual(before);
		}
	});
});

describe('ratios', () => {
	it('computes the value and shows the working', () => {
		expect(computeRatio(ratio, { numerator: 12_345, denominator: 1_860_000 })).toEqual({
			value: 66.4,
			working: '12,345 ÷ 1,860,000 × 10,000 = 66.4'
		});
		expect(computeRatio({ ...ratio, factor: 1 }, { numerator: 3, denominator: 4 })).toEqual({
			value: 0.75,
			working: '3 ÷ 4 = 0.75'
		});
	});

	it('gives a reason instead of a value without a usable denominator', () => {
		expect(computeRatio(ratio, { numerator: 5, denominator: 0 })).toEqual({
			value: null,
			reason: 'zero-denominator'
		});
		expect(computeRatio(ratio, { numerator: 5 })).toMatchObject({ reason: 'missing-denominator' });
		expect(computeRatio(ratio, { denominator: 5 })).toMatchObject({ reason: 'missing-numerator' });
		expect(computeRatio(ratio, undefined)).toMatchObject({ value: null });
	});
});

describe('assessment files with compliance answers, ratio inputs and figures', () => {
	const read = (a: unknown) => readAssessment(JSON.stringify(a), 'in.json', source);
	const problems = (a: unknown) => {
		try {
			read(a);
		} catch (e) {
			expect(e).toBeInstanceOf(InputError);
			return (e as InputError).problems;
		}
		throw new Error('accepted');
	};

	it('reads a file with all of them, and an old file without them', () => {
		const old = sample();
		expect(read(old).assessment.compliance).toBeUndefined();
		const a = sample({ level: 'prefecture', duties: ['important-data'] });
		a.compliance = { 'dsl-officer': { status: 'not-met', note: '尚未任命' } };
		a.answers['d2.a'] = {
			...a.answers['d2.a']!,
			value: 66.4,
			inputs: { numerator: 12_345, denominator: 1_860_000 }
		};
		a.answers['d3.a'] = {
			...a.answers['d3.a']!,
			figures: { 'd3.a.racks': 1200, 'd3.a.gigabit': { numerator: 1, denominator: 4 } }
		};
		expect(read(a).assessment).toEqual(a);
	});

	it('names unknown checks and figures, checks that do not apply, and bad denominators', () => {
		const a = sample();
		a.compliance = { nope: { status: 'met' }, 'dsl-officer': { status: 'met' } };
		a.answers['d2.a'] = { ...a.answers['d2.a']!, inputs: { numerator: 1, denominator: 0 } };
		a.answers['d1.a'] = { ...a.answers['d1.a']!, inputs: { numerator: 1, denominator: 2 } };
		a.answers['d3.a'] = {
			...a.answers['d3.a']!,
			figures: {
				'd3.a.nope': 1,
				'd3.a.racks': { numerator: 1, denominator: 2 },
				'd3.a.gigabit': { numerator: 1, denominator: -4 }
			}
		};
		expect(problems(a)).toEqual(
			expect.arrayContaining([
				{
					path: '$.compliance.nope',
					message: 'unknown compliance check in rubric mini-compliance 1.0.0'
				},
				{
					path: '$.compliance["dsl-officer"].status',
					message: expect.stringContaining("does not apply to the subject's profile")
				},
				{
					path: '$.answers["d2.a"].inputs.denominator',
					message: 'is 0; a denominator must be greater than 0'
				},
				{
					path: '$.answers["d1.a"].inputs',
					message: expect.stringContaining('has no ratio metric')
				},
				{
					path: '$.answers["d3.a"].figures["d3.a.nope"]',
					message: expect.stringContaining('its figures: d3.a.racks, d3.a.gigabit')
				},
				{
					path: '$.answers["d3.a"].figures["d3.a.racks"]',
					message: expect.stringContaining('plain figure')
				},
				{
					path: '$.answers["d3.a"].figures["d3.a.gigabit"].denominator',
					message: 'is -4; a denominator must be greater than 0'
				}
			])
		);
	});

	it('refuses a ratio metric value that disagrees with its inputs', () => {
		const a = sample();
		a.answers['d2.a'] = {
			...a.answers['d2.a']!,
			value: 5,
			inputs: { numerator: 3, denominator: 4 }
		};
		expect(problems(a)).toEqual([
			{
				path: '$.answers["d2.a"].value',
				message: 'is 5 but the inputs give 3 ÷ 4 × 10,000 = 7,500; correct the value or the inputs'
			}
		]);
	});

	it('refuses a compliance status that is not met / not-met / not-applicable', () => {
		const a = { ...sample(), compliance: { 'vuln-handling': { status: 'yes' } } };
		expect(problems(a)[0]!.path).toBe('$.compliance["vuln-handling"].status');
	});
});
