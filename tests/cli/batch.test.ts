/**
 * Batch mode: score, gaps and validate over many files in one process. One file prints as
 * before; several print JSON Lines (or headed text), and a bad file is reported without stopping
 * the others.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-batch-'));
const file = (name: string) => path.join(dir, name);
const files = ['a.json', 'b.json', 'c.json'].map(file);

beforeAll(() => {
	const seeds = [1, 2, 3];
	seeds.forEach((seed, i) => {
		const rubric = i === 2 ? 'gd-enterprise-maturity' : 'gd-city-readiness';
		const r = cli(['sample', '--rubric', rubric, '--seed', String(seed)]);
		expect(r.code).toBe(0);
		writeFileSync(files[i]!, r.out);
	});
	writeFileSync(file('broken.json'), '{"format": "gd-digital-economy-assessment", ');
});

const lines = (out: string) =>
	out
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l));

describe('batch mode', () => {
	it('scores several files in one run, each line equal to the single-file result', () => {
		const batch = cli(['score', ...files, '--json']);
		expect(batch.err).toBe('');
		expect(batch.code).toBe(0);
		const results = lines(batch.out);
		expect(results.map((r) => r.file)).toEqual(files);
		for (const [i, f] of files.entries())
			expect(results[i].result).toEqual(JSON.parse(cli(['score', f, '--json']).out));
	});

	it('ranks gaps for several files, honouring --top for each', () => {
		const results = lines(cli(['gaps', ...files, '--json', '--top', '3']).out);
		expect(results).toHaveLength(3);
		for (const [i, f] of files.entries()) {
			expect(results[i].result).toHaveLength(3);
			expect(results[i].result).toEqual(JSON.parse(cli(['gaps', f, '--json', '--top', '3']).out));
		}
	});

	it('reports a bad file in its place, goes on with the rest and exits 1', () => {
		const r = cli(['score', files[0]!, file('broken.json'), files[1]!, '--json']);
		expect(r.code).toBe(1);
		const results = lines(r.out);
		expect(results.map((x) => x.file)).toEqual([files[0], file('broken.json'), files[1]]);
		expect(results[0].result.overall.score).toEqual(expect.any(Number));
		expect(results[1].error).toMatch(/broken\.json.*JSON/s);
		expect(results[1].result).toBeUndefined();
		expect(results[2].result.overall.score).toEqual(expect.any(Number));
		expect(r.err).toMatch(/^error: .*broken\.json/m);
	});

	it('heads each file’s text with its name', () => {
		const r = cli(['score', files[0]!, files[2]!]);
		expect(r.code).toBe(0);
		const heads = r.out.split('\n').filter((l) => l.startsWith('== '));
		expect(heads).toEqual([`== ${files[0]} ==`, `== ${files[2]} ==`]);
		expect(r.out).toContain('示例市');
	});

	it('validates assessments and rubrics together', () => {
		const r = cli(['validate', files[0]!, 'rubrics/gd-city-readiness.yaml', '--json']);
		expect(r.code).toBe(0);
		const [a, b] = lines(r.out);
		expect(a.result).toMatchObject({
			valid: true,
			kind: 'assessment',
			rubric: 'gd-city-readiness'
		});
		expect(b.result).toMatchObject({ valid: true, kind: 'rubric', indicators: expect.any(Number) });
	});

	it('keeps the single-file output unchanged (pretty JSON, no file wrapper)', () => {
		const r = cli(['score', files[0]!, '--json']);
		expect(r.out.startsWith('{\n')).toBe(true);
		expect(JSON.parse(r.out)).toHaveProperty('overall');
	});

	it('calls a pattern the shell left unexpanded a usage error', () => {
		for (const command of ['score', 'gaps', 'validate']) {
			const r = cli([command, path.join(dir, 'clients', '*.json')]);
			expect(r.code).toBe(2);
			expect(r.err).toContain('matches no file');
		}
		const report = cli(['report', path.join(dir, 'none-*.json'), '-o', file('out/')]);
		expect(report.code).toBe(2);
		expect(report.err).toContain('matches no file');
	});
});
