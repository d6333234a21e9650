import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../cli/run-cli';
import { basicAuth, startCouchServer, TEST_ADMIN, type CouchServer } from '../support/couch-server';
import { generateProvince, writeProvinceFiles } from '../support/province';

let server: CouchServer;
let dir: string;
let files: string[];

beforeAll(async () => {
	server = await startCouchServer();
	dir = mkdtempSync(path.join(tmpdir(), 'couch-cli-'));
	// Two cities and three enterprises are enough here; the province test has the rest.
	const province = generateProvince({ enterprises: 3, seed: 7 });
	files = writeProvinceFiles(
		{
			...province,
			assessments: [...province.assessments.slice(0, 2), ...province.assessments.slice(-3)]
		},
		dir
	);
});
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

const couch = (args: string[], env: NodeJS.ProcessEnv = {}) =>
	cliAsync(['couch', ...args], { env: { COUCHDB_USER: '', COUCHDB_PASSWORD: '', ...env } });

/** The password must never appear in anything the CLI prints. */
function expectNoSecret(r: { out: string; err: string }) {
	expect(r.out + r.err).not.toContain(TEST_ADMIN.password);
}

async function getDoc(db: string, id: string) {
	const r = await server.admin(`/${db}/${encodeURIComponent(id)}`);
	return r.status === 404 ? undefined : ((await r.json()) as Record<string, unknown>);
}

describe('couch setup', () => {
	it('creates the database, its security and the design document once, then changes nothing', async () => {
		const first = await couch([
			'setup',
			'--url',
			server.adminUrl,
			'--db',
			'org-setup',
			'--org',
			'team-a'
		]);
		expect(first.code).toBe(0);
		expect(first.out).toMatch(/created\s+database org-setup/);
		expect(first.out).toMatch(/created\s+security of org-setup \(members: role team-a\)/);
		expect(first.out).toMatch(/created\s+design document _design\/gd-assess/);
		expectNoSecret(first);
		const security = await (await server.admin('/org-setup/_security')).json();
		expect(security).toMatchObject({ members: { roles: ['team-a'] } });

		const second = await couch([
			'setup',
			'--url',
			server.adminUrl,
			'--db',
			'org-setup',
			'--org',
			'team-a',
			'--json'
		]);
		expect(second.code).toBe(0);
		const report = JSON.parse(second.out) as { changed: number; steps: { outcome: string }[] };
		expect(report.changed).toBe(0);
		expect(report.steps.every((s) => s.outcome === 'unchanged')).toBe(true);
	});

	it('keeps roles added by hand and brings an old design document up to date', async () => {
		await couch(['setup', '--url', server.adminUrl, '--db', 'org-hand']);
		await server.admin('/org-hand/_security', {
			method: 'PUT',
			body: JSON.stringify({ members: { roles: ['auditors'] }, admins: { roles: [] } })
		});
		const design = (await getDoc('org-hand', '_design/gd-assess'))!;
		await server.admin('/org-hand/_design/gd-assess', {
			method: 'PUT',
			body: JSON.stringify({ ...design, views: { old: { map: 'function (doc) {}' } } })
		});
		const again = await couch(['setup', '--url', server.adminUrl, '--db', 'org-hand']);
		expect(again.out).toMatch(/updated\s+security of org-hand/);
		expect(again.out).toMatch(/updated\s+design document/);
		const security = await (await server.admin('/org-hand/_security')).json();
		expect(security.members.roles).toEqual(['auditors', 'org-hand']);
		expect(Object.keys((await getDoc('org-hand', '_design/gd-assess'))!.views as object)).toContain(
			'scores-sector'
		);
	});

	it('replaces the previous version’s design document (scores not keyed by period), after which the numbers come per period', async () => {
		const db = 'org-old-design';
		const twoYears = generateProvince({
			enterprises: 2,
			seed: 3,
			history: { previousYear: 1, repeats: 0 }
		});
		const older = writeProvinceFiles(
			{ ...twoYears, assessments: twoYears.assessments.slice(-4) },
			path.join(dir, 'two-years')
		);
		await couch(['setup', '--url', server.adminUrl, '--db', db]);
		// The design document as the previous version wrote it: its scores views keyed
		// [rubric, version, group, metric, score], without the period, and no subject-periods view.
		const design = (await getDoc(db, '_design/gd-assess'))!;
		const views = design.views as Record<string, { map: string; reduce?: string }>;
		const previous = Object.fromEntries(
			Object.entries(views)
				.filter(([name]) => name !== 'subject-periods')
				.map(([name, view]) => [
					name,
					{ ...view, map: view.map.replaceAll('emit([period, ', 'emit([') }
				])
		);
		expect(JSON.stringify(previous)).not.toContain('[period, ');
		await server.admin(`/${db}/_design/gd-assess`, {
			method: 'PUT',
			body: JSON.stringify({ ...design, views: previous })
		});
		await couch(['push', ...older, '--url', server.adminUrl, '--db', db]);

		const again = await couch(['setup', '--url', server.adminUrl, '--db', db]);
		expect(again.code).toBe(0);
		expect(again.out).toMatch(/updated\s+design document _design\/gd-assess/);
		const stored = (await getDoc(db, '_design/gd-assess'))!;
		expect(Object.keys(stored.views as object)).toContain('subject-periods');
		expect((await couch(['setup', '--url', server.adminUrl, '--db', db])).out).toContain(
			'already set up, nothing changed'
		);
		const result = JSON.parse(
			(await couch(['aggregate', '--url', server.adminUrl, '--db', db, '--json'])).out
		);
		expect(
			result.periods.map((p: { period: string; counted: number }) => [p.period, p.counted])
		).toEqual([
			['2026年度', 2],
			['2025年度', 2]
		]);
		const fromFiles = JSON.parse((await cliAsync(['aggregate', ...older, '--json'])).out);
		expect({ ...result, documents: undefined }).toEqual({ ...fromFiles, documents: undefined });
	});

	it('lets only the organisation’s role read the database', async () => {
		await couch(['setup', '--url', server.adminUrl, '--db', 'org-roles']);
		await server.createUser('member', 'pw-m', ['org-roles']);
		await server.createUser('outsider', 'pw-o', ['another-org']);
		const read = (name: string, pw: string) =>
			fetch(`${server.url}/org-roles/_all_docs`, {
				headers: { authorization: basicAuth(name, pw) }
			});
		expect((await read('member', 'pw-m')).status).toBe(200);
		expect((await read('outsider', 'pw-o')).status).toBe(401);
		// A member is not a server admin: setup says so, and changes nothing.
		const url = server.url.replace('://', '://member:pw-m@');
		const r = await couch(['setup', '--url', url, '--db', 'org-other']);
		expect(r.code).toBe(1);
		expect(r.err).toContain('setup needs a server admin (signed in as member)');
		expect((await server.admin('/org-other')).status).toBe(404);
	});
});

describe('couch push', () => {
	beforeAll(async () => {
		await couch(['setup', '--url', server.adminUrl, '--db', 'org-push']);
	});

	it('uploads valid files, reports invalid ones with the validate message, and exits 1', async () => {
		const bad = path.join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ format: 'gd-digital-economy-assessment', answers: 3 }));
		const validate = await cliAsync(['validate', bad]);
		const r = await couch(['push', ...files, bad, '--url', server.adminUrl, '--db', 'org-push']);
		expect(r.code).toBe(1);
		expect(r.out.match(/^created /gm)).toHaveLength(files.length);
		const message = validate.err.replace(/^error: /, '').trim();
		expect(message).toContain(bad);
		expect(r.err).toContain(`invalid: ${message}`);
		expect(r.err).toContain(`${files.length} written, 0 unchanged, 1 skipped`);
		const doc = await getDoc('org-push', 'assessment:city-01-2026-1');
		expect(doc).toMatchObject({ type: 'assessment', format: 1, data: { id: 'city-01-2026-1' } });
		expect(await getDoc('org-push', 'subject:city-01')).toMatchObject({ type: 'subject' });
	});

	it('changes nothing when the same files come again, and updates a changed one on its revision', async () => {
		const again = await couch(['push', ...files, '--url', server.adminUrl, '--db', 'org-push']);
		expect(again.code).toBe(0);
		expect(again.out.match(/^unchanged /gm)).toHaveLength(files.length);
		const before = (await getDoc('org-push', 'assessment:city-01-2026-1'))!;
		expect(String(before._rev)).toMatch(/^1-/);

		const file = files[0]!;
		const assessment = JSON.parse(readFileSync(file, 'utf8'));
		const [first] = Object.keys(assessment.answers);
		assessment.answers[first!] = { level: 4, notApplicable: false, target: null };
		const changed = path.join(dir, 'changed.json');
		writeFileSync(changed, JSON.stringify(assessment));
		const r = await couch(['push', changed, '--url', server.adminUrl, '--db', 'org-push']);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^updated /m);
		const after = (await getDoc('org-push', 'assessment:city-01-2026-1'))!;
		expect(String(after._rev)).toMatch(/^2-/);
		expect(
			(after.data as { answers: Record<string, { level: number }> }).answers[first!]!.level
		).toBe(4);
	});

	it('writes nothing of a file the server refuses: its new subject is taken back', async () => {
		await couch(['setup', '--url', server.adminUrl, '--db', 'org-refuse']);
		// A second check on the server, refusing every assessment (an organisation's own rule).
		await server.admin('/org-refuse/_design/house-rules', {
			method: 'PUT',
			body: JSON.stringify({
				validate_doc_update:
					"function (doc) { if (doc.type === 'assessment') throw({ forbidden: 'assessments are closed this week' }); }"
			})
		});
		const r = await couch(['push', files[0]!, '--url', server.adminUrl, '--db', 'org-refuse']);
		expect(r.code).toBe(1);
		expect(r.err).toContain('assessments are closed this week');
		expect(await getDoc('org-refuse', 'subject:city-01')).toBeUndefined();
		expect(await getDoc('org-refuse', 'assessment:city-01-2026-1')).toBeUndefined();
	});

	it('refuses an assessment whose subject id is taken by another kind of subject', async () => {
		const enterprise = JSON.parse(readFileSync(files[files.length - 1]!, 'utf8'));
		enterprise.id = 'clash';
		enterprise.subject.id = 'city-01';
		const clash = path.join(dir, 'clash.json');
		writeFileSync(clash, JSON.stringify(enterprise));
		const r = await couch(['push', clash, '--url', server.adminUrl, '--db', 'org-push']);
		expect(r.code).toBe(1);
		expect(r.err).toContain('subject "city-01" in the database is a city');
		expect(await getDoc('org-push', 'assessment:clash')).toBeUndefined();
	});

	it('says to run setup when the database does not exist', async () => {
		const r = await couch(['push', files[0]!, '--url', server.adminUrl, '--db', 'nowhere']);
		expect(r.code).toBe(1);
		expect(r.err).toContain('database "nowhere" does not exist; create it with: couch setup');
	});
});

describe('connections and credentials', () => {
	let other: Server;
	let otherUrl: string;
	beforeAll(async () => {
		other = createServer((_req, res) => res.end('<html>a web site</html>'));
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

	it('takes credentials from the environment', async () => {
		const r = await couch(['setup', '--url', server.url, '--db', 'org-env'], {
			COUCHDB_USER: TEST_ADMIN.name,
			COUCHDB_PASSWORD: TEST_ADMIN.password
		});
		expect(r.code).toBe(0);
		expectNoSecret(r);
	});

	it('refuses wrong credentials without echoing them', async () => {
		const url = server.url.replace('://', '://admin:not-the-password@');
		for (const args of [
			['setup', '--url', url],
			['push', files[0]!, '--url', url],
			['aggregate', '--url', url, '--debug']
		]) {
			const r = await couch(args);
			expect(r.code).toBe(1);
			expect(r.err).toContain('the server refused the credentials (401');
			expect(r.out + r.err).not.toContain('not-the-password');
		}
	});

	it('names an unreachable server, a server that is not CouchDB and a bad URL, never a password', async () => {
		const closed = await couch(['aggregate', '--url', 'http://admin:s3cret-pw@127.0.0.1:9/']);
		expect(closed.code).toBe(1);
		expect(closed.err).toContain('http://127.0.0.1:9/: cannot reach the server');
		const web = await couch(['setup', '--url', otherUrl.replace('://', '://admin:s3cret-pw@')]);
		expect(web.code).toBe(1);
		expect(web.err).toContain('this is not a CouchDB server');
		const notUrl = await couch(['setup', '--url', 'http://admin:s3cret-pw@couch host:5984']);
		expect(notUrl.code).toBe(2);
		expect(notUrl.err).toContain('--url is not a URL');
		const notHttp = await couch(['setup', '--url', 's3cret-pw://couch']);
		expect(notHttp.code).toBe(2);
		expect(notHttp.err).toContain('--url must start with http:// or https://');
		for (const r of [closed, web, notUrl, notHttp])
			expect(r.out + r.err).not.toContain('s3cret-pw');
	});
});

describe('couch aggregate', () => {
	it('counts only valid assessments; foreign, malformed and newer documents are reported apart', async () => {
		const db = 'org-mixed';
		await server.admin(`/${db}`, { method: 'PUT' });
		// Written before setup installs the server-side check, as another tool might have.
		const junk = [
			{ _id: 'invoice-7', amount: 3 },
			{
				_id: 'assessment:broken',
				type: 'assessment',
				format: 1,
				data: {},
				summary: { overall: 'high' }
			},
			{ _id: 'assessment:future', type: 'assessment', format: 2, data: {}, summary: {} }
		];
		await server.admin(`/${db}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs: junk })
		});
		await couch(['setup', '--url', server.adminUrl, '--db', db]);
		// Once set up, the server refuses such documents itself.
		const refused = await server.admin(`/${db}/assessment:broken2`, {
			method: 'PUT',
			body: JSON.stringify({ ...junk[1], _id: 'assessment:broken2' })
		});
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('data.id must be');
		await couch(['push', ...files, '--url', server.adminUrl, '--db', db]);

		const onServer = await couch([
			'aggregate',
			'--url',
			server.adminUrl,
			'--db',
			db,
			'--by',
			'size',
			'--json'
		]);
		expect(onServer.code).toBe(0);
		const result = JSON.parse(onServer.out);
		expect(result.documents).toEqual({
			counted: files.length,
			subjects: files.length,
			assessmentsLeftOut: 2,
			other: 1
		});
		const fromFiles = await cliAsync(['aggregate', ...files, '--by', 'size', '--json']);
		expect(fromFiles.code).toBe(0);
		const { documents: _, ...aggregate } = result;
		expect(aggregate).toEqual(JSON.parse(fromFiles.out));

		const text = await couch(['aggregate', '--url', server.adminUrl, '--db', db]);
		expect(text.err).toContain('not counted: 2 assessment document(s)');
		expect(text.out).toMatch(/gd-city-readiness \S+ · all: 2 assessments/);
	});

	it('refuses an unknown grouping', async () => {
		const r = await couch(['aggregate', '--url', server.adminUrl, '--by', 'colour']);
		expect(r.code).toBe(2);
		expect(r.err).toContain('--by must be one of region, level, size, sector');
	});
});
