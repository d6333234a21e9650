/**
 * The limits every assessment file meets, in the app and the CLI alike: dates on the real
 * calendar, bounded texts and records, embedded files whose declared size and type are true.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment, Evidence } from '../../src/lib/domain/assessment';
import {
	InputError,
	readAssessment,
	type RubricSource
} from '../../src/lib/domain/assessment-file';
import { calendarDateProblem } from '../../src/lib/domain/calendar-date';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric, miniRubricSource } from '../support/rubrics';

const mini = loadFixtureRubric();
const source: RubricSource = miniRubricSource(mini);
const sample = (): Assessment =>
	createSampleAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01'
	});

function refusal(a: unknown): string {
	try {
		readAssessment(JSON.stringify(a), 'in.json', source);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as Error).message;
	}
	throw new Error('the file was accepted');
}
const accepted = (a: unknown) => readAssessment(JSON.stringify(a), 'in.json', source).assessment;

describe('dates', () => {
	it.each([
		['2026-13-45', 'is not a calendar date'],
		['2026-02-30', 'is not a calendar date'],
		['2025-02-29', 'is not a calendar date'],
		['2100-02-29', 'is not a calendar date'],
		['2026-00-10', 'is not a calendar date'],
		['2026-04-31', 'is not a calendar date'],
		['3026-01-01', 'outside the years 1900–2100'],
		['yesterday', 'is not a date; write YYYY-MM-DD']
	])('refuses the assessment date %s, saying why', (date, expected) => {
		const message = refusal({ ...sample(), date });
		expect(message).toContain('$.date');
		expect(message).toContain(expected);
	});

	it('refuses an impossible due date of an action', () => {
		const message = refusal({
			...sample(),
			actions: { 'd1.a:3:0': { status: 'open', due: '2026-99-99' } }
		});
		expect(message).toContain('$.actions["d1.a:3:0"].due');
		expect(message).toContain('2026-99-99 is not a calendar date');
	});

	it('accepts real dates, leap days included', () => {
		for (const date of ['2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31', '2026-12-31'])
			expect(calendarDateProblem(date)).toBeUndefined();
		expect(accepted({ ...sample(), date: '2024-02-29' }).date).toBe('2024-02-29');
	});
});

describe('sizes', () => {
	it('refuses a $schema of more than 500 characters', () => {
		expect(refusal({ ...sample(), $schema: `https://example.org/${'x'.repeat(600)}` })).toContain(
			'$.$schema: must be at most 500 characters'
		);
	});

	it('refuses a rubric version of more than 50 characters', () => {
		const rubric = { id: 'mini', version: `${'1'.repeat(100)}.0.0` };
		expect(refusal({ ...sample(), rubric })).toContain(
			'$.rubric.version: must be at most 50 characters'
		);
	});

	it('refuses 100,000 actions, and any action key that is not a measure key', () => {
		const actions = Object.fromEntries(
			Array.from({ length: 100_000 }, (_, i) => [`x${i}:1:0`, { status: 'open' }])
		);
		expect(refusal({ ...sample(), actions })).toContain(
			'$.actions: has 100,000 actions; at most 5,000 are allowed'
		);
		expect(
			refusal({ ...sample(), actions: { [`d1.a:${'1'.repeat(300)}`]: { status: 'open' } } })
		).toContain('$.actions');
	});

	it('refuses actions that are not measures of the rubric, saying what a key is', () => {
		expect(refusal({ ...sample(), actions: { 'zz.nope:1:0': { status: 'open' } } })).toContain(
			'$.actions["zz.nope:1:0"]: is not a measure of rubric mini'
		);
		expect(refusal({ ...sample(), actions: { 'd1.a:9:0': { status: 'open' } } })).toContain(
			'is not a measure of rubric'
		);
		expect(refusal({ ...sample(), actions: { whatever: { status: 'open' } } })).toContain(
			'$.actions.whatever: is not a measure of rubric mini'
		);
		expect(refusal({ ...sample(), actions: { 'D1.A:1:0': { status: 'open' } } })).toContain(
			'$.actions["D1.A:1:0"]: is not a measure key (measureKey@actorId, or measureKey alone)'
		);
		expect(accepted({ ...sample(), actions: { 'd1.a:3:0': { status: 'done' } } }).actions).toEqual({
			'd1.a:3:0': { status: 'done' }
		});
	});

	it('refuses more answers than any rubric has, and overlong ids as keys', () => {
		const answers = Object.fromEntries(
			Array.from({ length: 2_001 }, (_, i) => [`x${i}`, { level: null }])
		);
		expect(refusal({ ...sample(), answers })).toContain('$.answers: has 2,001 answers');
		expect(refusal({ ...sample(), profile: { ['a'.repeat(101)]: 'x' } })).toContain('$.profile');
	});
});

describe('embedded evidence files', () => {
	const withFile = (e: Partial<Evidence>) => {
		const a = sample();
		a.answers['d1.a']!.evidence = [
			{ id: 'f1', kind: 'file', title: 'f', dataUrl: 'data:text/plain;base64,5pWw5o2u', ...e }
		];
		return a;
	};

	it('accepts a file whose declared size and type are its own', () => {
		const a = accepted(withFile({ size: 6, mimeType: 'text/plain' }));
		expect(a.answers['d1.a']!.evidence![0]!.size).toBe(6);
		expect(accepted(withFile({ size: 2, dataUrl: 'data:text/plain;base64,YWI=' }))).toBeTruthy();
		expect(
			accepted(
				withFile({
					size: 4,
					mimeType: 'TEXT/PLAIN; charset=utf-8',
					dataUrl: 'data:text/plain,%E6%95%B0a'
				})
			)
		).toBeTruthy();
	});

	it('refuses a declared size other than the content, naming the field', () => {
		const message = refusal(withFile({ size: 7_000_000 }));
		expect(message).toContain('$.answers["d1.a"].evidence[0].size');
		expect(message).toContain('says 7000000 bytes but the embedded file has 6');
	});

	it('refuses a declared type other than the content', () => {
		const message = refusal(withFile({ mimeType: 'application/pdf' }));
		expect(message).toContain('$.answers["d1.a"].evidence[0].mimeType');
		expect(message).toContain('"application/pdf" but the embedded file is "text/plain"');
	});
});
