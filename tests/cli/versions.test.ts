/**
 * The CLI over several versions of a rubric (the versions fixture in its own rubrics folder):
 * listing them, a template of an older version, carrying a 1.0 file into 1.1, comparing across
 * the versions with the compared share, and a bad mapping refused with file, path and problem.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../support/rubrics';
import { cli as run } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-versions-'));
const file = (name: string) => path.join(dir, name);
const rubricsDir = fixturePath('rubrics', 'versions');

function cli(args: string[], rubrics = rubricsDir) {
	return run(args, { env: { ...process.env, NODE_OPTIONS: '', GD_ASSESS_RUBRICS: rubrics } });
}

function filled(version: string, levels: Record<string, number>, name: string) {
	const r = cli([
		'template',
		'--rubric',
		'mini',
		'--version',
		version,
		'--profile',
		'level=prefecture',
		'--date',
		version === '1.0.0' ? '2025-06-30' : '2026-06-30'
	]);
	expect(r.err).toBe('');
	const data = JSON.parse(r.out);
	expect(data.rubric).toEqual({ id: 'mini', version });
	for (const [id, level] of Object.entries(levels)) data.answers[id].level = level;
	writeFileSync(file(name), JSON.stringify(data));
	return data;
}

describe('cli with two versions of a rubric', () => {
	it('lists every version and marks the current one', () => {
		const r = cli(['rubrics']);
		expect(r.out).toMatch(/^mini\t1\.1\.0 \(current\)\tcity\t6 indicators/m);
		expect(r.out).toMatch(/^mini\t1\.0\.0\tcity\t7 indicators/m);
		const json = JSON.parse(cli(['rubrics', '--json']).out);
		expect(json.map((x: { version: string; current: boolean }) => [x.version, x.current])).toEqual([
			['1.1.0', true],
			['1.0.0', false]
		]);
	});

	it('prints a template of the current version by default, and of an older one on request', () => {
		expect(JSON.parse(cli(['template', '--rubric', 'mini']).out).rubric.version).toBe('1.1.0');
		const old = JSON.parse(cli(['template', '--rubric', 'mini', '--version', '1.0.0']).out);
		expect(Object.keys(old.answers)).toContain('d3.c');
		const missing = cli(['template', '--rubric', 'mini', '--version', '0.9.0']);
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('no version 0.9.0 of this rubric; versions: 1.1.0, 1.0.0');
	});

	it('checks a file against exactly the version it names', () => {
		const data = filled('1.0.0', { 'd3.c': 2 }, 'named.json');
		expect(cli(['validate', file('named.json')]).out).toContain('valid assessment of mini 1.0.0');
		data.rubric.version = '1.1.0';
		writeFileSync(file('renamed.json'), JSON.stringify(data));
		const r = cli(['validate', file('renamed.json')]);
		expect(r.code).toBe(1);
		expect(r.err).toContain('$.answers["d3.c"]');
		expect(r.err).toContain('unknown indicator id in rubric mini 1.1.0');
	});

	it('carries a 1.0 file into 1.1 and compares it with a 1.1 file, with the compared share', () => {
		filled(
			'1.0.0',
			{ 'd1.a': 1, 'd1.b': 2, 'd2.a': 3, 'd2.b': 1, 'd3.a': 3, 'd3.c': 1, 'd3.b': 2 },
			'old.json'
		);
		filled(
			'1.1.0',
			{ 'd1.a': 3, 'd1.b2': 3, 'd2.a': 4, 'd2.c': 2, 'd2.d': 2, 'd3.m': 2 },
			'new.json'
		);
		const before = readFileSync(file('old.json'), 'utf8');

		const up = cli(['upgrade', file('old.json'), '-o', file('carried.json'), '--lang', 'en']);
		expect(up.err).toBe('');
		expect(up.out).toContain('mini 1.0.0 → 1.1.0; 2 answers carried as they were, 6 to review');
		expect(up.out).toContain(
			'[proposed] d3.m Indicator D3M (merged) ← d3.a L3, d3.c L1: merged L1 (the lowest of the merged levels), confirm or change'
		);
		expect(up.out).toContain(
			'[removed] d3.b Indicator A: removed in the new version; the old answer, kept here: L2'
		);
		expect(up.out).toContain(
			'[profile] coastal=yes: not a profile question or option of the new version; not carried'
		);
		expect(readFileSync(file('old.json'), 'utf8')).toBe(before);
		const carried = JSON.parse(readFileSync(file('carried.json'), 'utf8'));
		expect(carried.rubric.version).toBe('1.1.0');
		expect(carried.answers['d1.b2'].level).toBe(2);
		expect(carried.answers['d3.m'].level).toBeNull();
		expect(cli(['validate', file('carried.json')]).code).toBe(0);

		const json = JSON.parse(
			cli(['upgrade', file('old.json'), '-o', file('carried2.json'), '--json']).out
		);
		expect(json.review.map((r: { type: string }) => r.type)).toEqual([
			'removed',
			'proposed',
			'proposed',
			'proposed',
			'proposed',
			'profile'
		]);

		const across = cli(['compare', file('old.json'), file('new.json'), '--lang', 'en']);
		expect(across.err).toBe('');
		expect(across.out).toContain(
			'Rubric versions differ (1.0.0 → 1.1.0): comparing 2 shared indicators (18%)'
		);
		const same = JSON.parse(cli(['compare', file('carried.json'), file('new.json'), '--json']).out);
		expect(same.comparedShare).toBe(1);
	});

	it('refuses to carry a file already on the current version', () => {
		const r = cli(['upgrade', file('new.json'), '-o', file('x.json')]);
		expect(r.code).toBe(1);
		expect(r.err).toContain('is already the current version 1.1.0 of mini');
	});

	it('refuses a rubric whose mapping names an unknown id, with the file, the path and the problem', () => {
		const bad = mkdtempSync(path.join(tmpdir(), 'gd-bad-rubrics-'));
		cpSync(rubricsDir, bad, { recursive: true });
		const data = parse(readFileSync(path.join(bad, 'mini.yaml'), 'utf8'));
		data.upgradeFrom.indicators['d9.z'] = { kind: 'removed', to: [] };
		writeFileSync(path.join(bad, 'mini.yaml'), stringify(data));
		const r = cli(['validate', path.join(bad, 'mini.yaml')]);
		expect(r.code).toBe(1);
		expect(r.err).toContain(path.join(bad, 'mini.yaml'));
		expect(r.err).toContain(
			'upgradeFrom.indicators.d9.z: unknown indicator "d9.z" in version 1.0.0'
		);
	});
});
