import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli as run } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-cli-'));
const file = (name: string) => path.join(dir, name);

function cli(...args: string[]) {
	return run(args);
}
const cliJson = (...args: string[]) => {
	const r = cli(...args, '--json');
	expect(r.err).toBe('');
	expect(r.code).toBe(0);
	return JSON.parse(r.out);
};

const CITY = 'gd-city-readiness';

beforeAll(() => {
	const sample = cli(
		'sample',
		'--rubric',
		CITY,
		'--seed',
		'7',
		'--profile',
		'level=prefecture,region=prd'
	);
	expect(sample.code).toBe(0);
	writeFileSync(file('2026.json'), sample.out);
	const earlier = JSON.parse(
		cli(
			'sample',
			'--rubric',
			CITY,
			'--seed',
			'3',
			'--profile',
			'level=prefecture,region=prd',
			'--date',
			'2025-01-01'
		).out
	);
	writeFileSync(file('2025.json'), JSON.stringify(earlier));
}, 60_000);

describe('cli', () => {
	it('lists rubrics with their scale and indicators', () => {
		const list = cliJson('rubrics');
		const city = list.find((r: { id: string }) => r.id === CITY);
		expect(city.scale).toEqual({ min: 0, max: 4 });
		expect(city.indicators.length).toBeGreaterThan(50);
		expect(city.indicators[0]).toHaveProperty('domain');
	});

	it('prints a template with every indicator id, unanswered', () => {
		const template = JSON.parse(cli('template', '--rubric', CITY).out);
		const ids = cliJson('rubrics')
			.find((r: { id: string }) => r.id === CITY)
			.indicators.map((i: { id: string }) => i.id);
		expect(Object.keys(template.answers).sort()).toEqual([...ids].sort());
		expect(
			Object.values(template.answers).every((a) => (a as { level: null }).level === null)
		).toBe(true);
	});

	it('scores a file; gaps are sorted by priority; validate accepts it', () => {
		const score = cliJson('score', file('2026.json'));
		expect(score.overall.score).toBeGreaterThan(0);
		expect(score.overall.score).toBeLessThan(100);
		expect(score.overall.coverage.ratio).toBeGreaterThan(0.9);
		expect(score.pillars).toHaveLength(4);
		const gaps = cliJson('gaps', file('2026.json'), '--top', '5');
		expect(gaps.length).toBeLessThanOrEqual(5);
		for (let i = 1; i < gaps.length; i++)
			expect(gaps[i - 1].priority).toBeGreaterThanOrEqual(gaps[i].priority);
		expect(gaps[0]).toMatchObject({
			indicatorId: expect.any(String),
			current: expect.any(Number),
			target: expect.any(Number)
		});
		expect(cli('validate', file('2026.json')).out).toContain('valid assessment');
		expect(cli('validate', `rubrics/${CITY}.yaml`).out).toContain('valid rubric');
	});

	it('compares two assessments with before, after and delta at each level', () => {
		const c = cliJson('compare', file('2025.json'), file('2026.json'));
		expect(c.overall.delta).toBeCloseTo(c.overall.after - c.overall.before, 9);
		expect(c.domains.length).toBeGreaterThan(5);
		expect(c.comparedShare).toBe(1);
	});

	it('prints JSON Schemas for both formats', () => {
		const schema = cliJson('schema', 'assessment');
		expect(schema.required).toEqual(expect.arrayContaining(['rubric', 'answers']));
		expect(cliJson('schema', 'rubric').properties).toHaveProperty('pillars');
	});

	it.each([
		['malformed JSON', '{"format": ', 'not valid JSON'],
		['empty file', '', 'file is empty'],
		[
			'unknown rubric',
			'{"format":"gd-digital-economy-assessment","formatVersion":1,"id":"x","rubric":{"id":"nope","version":"1.0.0"},"subject":{"id":"s","name":"n","kind":"city"},"date":"2026-01-01","answers":{}}',
			'unknown rubric "nope"'
		]
	])(
		'exits 1 on %s with one message naming the file, and no stack trace',
		(name, content, expected) => {
			const f = file(`${name.replace(/\W/g, '-')}.json`);
			writeFileSync(f, content);
			const r = cli('score', f);
			expect(r.code).toBe(1);
			expect(r.err).toContain(f);
			expect(r.err).toContain(expected);
			expect(r.err).not.toMatch(/\n\s+at /);
			expect(r.out).toBe('');
		}
	);

	it('names the JSON path of a level off the scale', () => {
		const a = JSON.parse(readFileSync(file('2026.json'), 'utf8'));
		const id = Object.keys(a.answers)[0]!;
		a.answers[id] = { level: 9, notApplicable: false, target: null };
		writeFileSync(file('off.json'), JSON.stringify(a));
		const r = cli('score', file('off.json'));
		expect(r.code).toBe(1);
		expect(r.err).toContain(`$.answers["${id}"].level: level 9 is off the scale 0–4`);
	});

	it('shows the stack only with --debug', () => {
		writeFileSync(file('bad.json'), 'nope');
		expect(cli('score', file('bad.json'), '--debug').err).toMatch(/\n\s+at /);
	});

	it('exits 2 on usage errors', () => {
		expect(cli('frobnicate').code).toBe(2);
		expect(cli('score').code).toBe(2);
		expect(cli('gaps', file('2026.json'), '--top', 'x').code).toBe(2);
		expect(cli('template').err).toContain('missing --rubric');
		expect(cli().code).toBe(2);
	});
});
