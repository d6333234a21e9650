import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	InputError,
	readAssessment,
	type RubricSource
} from '../../src/lib/domain/assessment-file';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric, miniRubricSource } from '../support/rubrics';

const mini = loadFixtureRubric();
const source: RubricSource = miniRubricSource(mini);
const sample = () =>
	createSampleAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01'
	});
const valid = JSON.stringify(sample());
/** The valid file with one answer replaced (as raw JSON text, so any value can be injected). */
const withAnswer = (id: string, answerJson: string) => {
	const a = sample();
	const marker = '"__answer__"';
	const answers = Object.fromEntries(
		Object.entries(a.answers).map(([k, v]) => (k === 'd1.a' ? [id, marker] : [k, v]))
	);
	return JSON.stringify({ ...a, answers }).replace(JSON.stringify(marker), answerJson);
};

const message = (text: string) => {
	try {
		readAssessment(text, 'in.json', source);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as Error).message;
	}
	throw new Error('accepted');
};

describe('reading assessment files', () => {
	it('reads a valid file', () => {
		const { assessment, rubric } = readAssessment(valid, 'in.json', source);
		expect(rubric.id).toBe('mini');
		expect(assessment.answers['d1.a']).toEqual(sample().answers['d1.a']);
	});

	it.each([
		['empty', '', 'in.json: file is empty'],
		['not JSON', 'hello', 'not valid JSON'],
		['truncated', valid.slice(0, valid.length / 2), 'not valid JSON'],
		['another app', '{"name":"x","version":"1.0.0"}', 'not an assessment of this app'],
		['another format', '{"format":"other-app"}', '"other-app" is not an assessment of this app'],
		[
			'newer version',
			valid.replace('"formatVersion":1', '"formatVersion":2'),
			'format version 2 is newer than this app supports'
		],
		['unknown rubric', valid.replace('"id":"mini"', '"id":"nope"'), 'unknown rubric "nope"'],
		[
			'unknown version',
			valid.replace('"version":"1.0.0"', '"version":"9.0.0"'),
			'rubric mini version 9.0.0 is not available (available: 1.0.0)'
		],
		[
			'level off scale',
			withAnswer('d1.a', '{"level":7}'),
			'$.answers["d1.a"].level: level 7 is off the scale 0–4'
		],
		[
			'wrong type',
			withAnswer('d1.a', '{"level":"high"}'),
			'$.answers["d1.a"].level: Invalid input'
		],
		[
			'unknown indicator',
			withAnswer('zz.top', '{"level":1}'),
			'$.answers["zz.top"]: unknown indicator id'
		],
		[
			'__proto__ key',
			withAnswer('__proto__', '{"level":1}'),
			'contains the key "__proto__", which is not allowed'
		],
		[
			'constructor key',
			valid.replace('"narrative"', '"x"').replace('"profile":{', '"profile":{"constructor":"x",'),
			'contains the key "constructor"'
		],
		[
			'deep nesting',
			'{"a":' + '['.repeat(100) + ']'.repeat(100) + '}',
			'nested more than 32 levels'
		],
		['an array', '[1,2,3]', 'expected a JSON object']
	])('rejects %s with a clear message', (_, text, expected) => {
		expect(message(text)).toContain(expected);
	});

	it('never crashes on random mutations of a valid file: it reads it or says what is wrong', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: valid.length - 1 }),
				fc.string({ maxLength: 3 }),
				fc.nat(5),
				(at, insert, cut) => {
					const mutated = valid.slice(0, at) + insert + valid.slice(at + cut);
					try {
						readAssessment(mutated, 'in.json', source);
					} catch (e) {
						expect(e).toBeInstanceOf(InputError);
						expect((e as Error).message.startsWith('in.json: ')).toBe(true);
					}
				}
			),
			{ numRuns: 500 }
		);
		expect(({} as Record<string, unknown>).level).toBeUndefined();
	});
});
