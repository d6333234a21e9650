import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../cli/run-cli';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import {
	generateProvince,
	periodOf,
	PROVINCE_CITIES,
	PROVINCE_COUNTIES,
	writeProvinceFiles
} from '../support/province';

/**
 * The province view's numbers from the server equal the CLI's own computation over the same
 * files. The province has all 21 cities and 122 counties but 200 enterprises, not 10,000: the
 * comparison is the same at any size, and `npm run bench` loads the full 10,000. Part of the
 * subjects were also assessed the year before and a few twice this year: every period is its
 * own distribution, and a subject counts once in it.
 */
const ENTERPRISES = 200;
const SUBJECTS = PROVINCE_CITIES + PROVINCE_COUNTIES + ENTERPRISES;
const THIS_YEAR = periodOf(2026);
const LAST_YEAR = periodOf(2025);

interface PeriodJson {
	period: string;
	counted: number;
	repeatsLeftOut: number;
	groups: { count: number; metrics: unknown[] }[];
}

let server: CouchServer;
let dir: string;
let files: string[];

beforeAll(async () => {
	server = await startCouchServer();
	dir = mkdtempSync(path.join(tmpdir(), 'province-'));
	const province = generateProvince({
		enterprises: ENTERPRISES,
		seed: 2026,
		history: { previousYear: 0.4, repeats: 0.08 }
	});
	files = writeProvinceFiles(province, dir);
	const setup = await cliAsync(['couch', 'setup', '--url', server.adminUrl, '--db', 'province']);
	expect(setup.code).toBe(0);
	// Every file valid and every document accepted by the server's own check.
	const push = await cliAsync([
		'couch',
		'push',
		...files,
		'--url',
		server.adminUrl,
		'--db',
		'province'
	]);
	expect(push.err).toContain(`${files.length} written, 0 unchanged, 0 skipped`);
	expect(push.code).toBe(0);
}, 300_000);
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

const serverAggregate = (args: string[]) =>
	cliAsync(['couch', 'aggregate', '--url', server.adminUrl, '--db', 'province', ...args]);

describe('synthetic province in the test CouchDB', () => {
	it('holds 21 cities, 122 counties and the enterprises, some assessed last year or twice', () => {
		expect(files.length).toBeGreaterThan(SUBJECTS + 100);
	});

	for (const by of ['all', 'region', 'level', 'size', 'sector'] as const)
		it(`aggregates ${by === 'all' ? 'everyone' : `by ${by}`} per period on the server exactly as the CLI does from the files`, async () => {
			const grouping = by === 'all' ? [] : ['--by', by];
			const [onServer, fromFiles] = await Promise.all([
				serverAggregate([...grouping, '--json']),
				cliAsync(['aggregate', ...files, ...grouping, '--json'])
			]);
			expect(onServer.code).toBe(0);
			expect(fromFiles.code).toBe(0);
			const { documents, ...aggregate } = JSON.parse(onServer.out);
			expect(documents.counted).toBe(files.length);
			const expected = JSON.parse(fromFiles.out) as { periods: PeriodJson[] };
			expect(aggregate).toEqual(expected);
			// Not a vacuous comparison: two periods, newest first, each subject once in each.
			const [current, previous] = expected.periods;
			expect(expected.periods.map((p) => p.period)).toEqual([THIS_YEAR, LAST_YEAR]);
			expect(current!.counted).toBe(SUBJECTS);
			expect(current!.repeatsLeftOut).toBeGreaterThan(5);
			expect(previous!.counted).toBeGreaterThan(50);
			expect(previous!.counted).toBeLessThan(SUBJECTS);
			expect(previous!.repeatsLeftOut).toBe(0);
			const counts = current!.groups.map((g) => g.count);
			if (by === 'all') expect(counts).toEqual([PROVINCE_CITIES + PROVINCE_COUNTIES, ENTERPRISES]);
			if (by === 'level')
				expect(counts.slice(0, 2).sort()).toEqual([PROVINCE_COUNTIES, PROVINCE_CITIES].sort());
			expect(current!.groups[0]!.metrics.length).toBeGreaterThan(5);
		});

	it('gives one period alone with --period, the same from the server and the files', async () => {
		const [onServer, fromFiles] = await Promise.all([
			serverAggregate(['--by', 'size', '--period', LAST_YEAR, '--json']),
			cliAsync(['aggregate', ...files, '--by', 'size', '--period', LAST_YEAR, '--json'])
		]);
		const { documents: _, ...aggregate } = JSON.parse(onServer.out);
		const expected = JSON.parse(fromFiles.out) as { periods: PeriodJson[] };
		expect(aggregate).toEqual(expected);
		expect(expected.periods.map((p) => p.period)).toEqual([LAST_YEAR]);

		const none = await serverAggregate(['--period', '2019年度']);
		expect(none.code).toBe(0);
		expect(none.out).toContain('no assessments of period 2019年度; leave out --period');
	});

	it('prints each period as its own block, newest first, and says how many repeats were left out', async () => {
		const text = await serverAggregate([]);
		expect(text.code).toBe(0);
		const headings = text.out.split('\n').filter((line) => line.startsWith('== period'));
		expect(headings).toHaveLength(2);
		expect(headings[0]).toMatch(
			new RegExp(
				`^== period ${THIS_YEAR}: ${SUBJECTS} subjects, each once; \\d+ earlier repeats of a subject in the period left out`
			)
		);
		expect(headings[1]).toMatch(
			new RegExp(`^== period ${LAST_YEAR}: \\d+ subjects, each once ==$`)
		);
	});
});
