import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../cli/run-cli';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import {
	generateProvince,
	PROVINCE_CITIES,
	PROVINCE_COUNTIES,
	writeProvinceFiles
} from '../support/province';

/**
 * The province view's numbers from the server equal the CLI's own computation over the same
 * files. The province has all 21 cities and 122 counties but 200 enterprises, not 10,000: the
 * comparison is the same at any size, and `npm run bench` loads the full 10,000.
 */
const ENTERPRISES = 200;

let server: CouchServer;
let dir: string;
let files: string[];

beforeAll(async () => {
	server = await startCouchServer();
	dir = mkdtempSync(path.join(tmpdir(), 'province-'));
	files = writeProvinceFiles(generateProvince({ enterprises: ENTERPRISES, seed: 2026 }), dir);
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

describe('synthetic province in the test CouchDB', () => {
	it('holds 21 cities, 122 counties and the enterprises', () => {
		expect(files).toHaveLength(PROVINCE_CITIES + PROVINCE_COUNTIES + ENTERPRISES);
	});

	for (const by of ['all', 'region', 'level', 'size', 'sector'] as const)
		it(`aggregates ${by === 'all' ? 'everyone' : `by ${by}`} on the server exactly as the CLI does from the files`, async () => {
			const grouping = by === 'all' ? [] : ['--by', by];
			const [onServer, fromFiles] = await Promise.all([
				cliAsync([
					'couch',
					'aggregate',
					'--url',
					server.adminUrl,
					'--db',
					'province',
					...grouping,
					'--json'
				]),
				cliAsync(['aggregate', ...files, ...grouping, '--json'])
			]);
			expect(onServer.code).toBe(0);
			expect(fromFiles.code).toBe(0);
			const { documents, ...aggregate } = JSON.parse(onServer.out);
			expect(documents.counted).toBe(files.length);
			const expected = JSON.parse(fromFiles.out);
			expect(aggregate).toEqual(expected);
			// Not a vacuous comparison: groups with numbers in them.
			const counts = expected.groups.map((g: { count: number }) => g.count);
			if (by === 'all') expect(counts).toEqual([PROVINCE_CITIES + PROVINCE_COUNTIES, ENTERPRISES]);
			if (by === 'level')
				expect(counts.slice(0, 2).sort()).toEqual([PROVINCE_COUNTIES, PROVINCE_CITIES].sort());
			expect(expected.groups[0].metrics.length).toBeGreaterThan(5);
		});
});
