/**
 * Bench rows for sync through CouchDB, against the test server (express-pouchdb over in-memory
 * PouchDB) in this process:
 * - replication of one organisation (a consultancy's 50 client assessments with their subjects)
 *   from a PouchDB memory database, as the app holds it, to the server;
 * - the province view over the synthetic province (21 cities, 122 counties, 10,000 enterprises):
 *   the first query (the server builds the view index) and later ones, beside the peer it
 *   replaces — downloading every assessment and computing in the client — with the ratio.
 */
import { performance } from 'node:perf_hooks';
import { aggregateSummaries } from '../../src/lib/domain/sync/aggregate';
import { assessmentDocument, subjectDocument } from '../../src/lib/domain/sync/documents';
import type { AssessmentSummary } from '../../src/lib/domain/sync/summary';
import { aggregateOnServer } from '../../src/cli/couch/aggregate';
import { connect } from '../../src/cli/couch/client';
import { setupServer } from '../../src/cli/couch/setup';
import { subjectOf } from '../../src/cli/couch/push';
import { loadPouch, startCouchServer, TEST_ADMIN, type CouchServer } from '../support/couch-server';
import { generateProvince } from '../support/province';

export interface CouchRow {
	name: string;
	value: number;
	unit: 'ms' | 'KB' | '×';
}

interface LocalDb {
	bulkDocs(docs: unknown[]): Promise<unknown>;
	replicate: { to(target: unknown): Promise<{ docs_written: number }> };
	destroy(): Promise<unknown>;
}
type LocalPouch = new (name: string, options?: Record<string, unknown>) => LocalDb;

const median = (samples: number[]) =>
	[...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
}

async function loadDocuments(server: CouchServer, db: string, docs: unknown[]) {
	for (let i = 0; i < docs.length; i += 500) {
		const r = await server.admin(`/${db}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs: docs.slice(i, i + 500) })
		});
		const results = (await r.json()) as { error?: string; reason?: string }[];
		const failed = results.find((x) => x.error);
		if (failed) throw new Error(`loading the province: ${failed.error} ${failed.reason}`);
	}
}

/** One organisation: 50 client enterprises, from the app's local store to its database. */
async function measureReplication(server: CouchServer, runs: number): Promise<CouchRow[]> {
	const { enterpriseRubric, assessments } = generateProvince({ enterprises: 50, seed: 11 });
	const clients = assessments.filter((a) => a.subject.kind === 'enterprise');
	const docs = clients.flatMap((a) => [
		subjectDocument(subjectOf(a), 'bench'),
		assessmentDocument(a, { app: 'bench', rubric: enterpriseRubric })
	]);
	const PouchDB = loadPouch() as unknown as LocalPouch;
	const conn = connect(server.adminUrl);
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const db = `consultancy-${run}`;
		await setupServer(conn, db, 'consultancy');
		const local = new PouchDB(`bench-local-${run}`, { adapter: 'memory' });
		await local.bulkDocs(docs);
		const remote = new PouchDB(`${server.url}/${db}`, {
			adapter: 'http',
			auth: { username: TEST_ADMIN.name, password: TEST_ADMIN.password }
		});
		let written = 0;
		samples.push(
			await timeAsync(async () => (written = (await local.replicate.to(remote)).docs_written))
		);
		if (written !== docs.length)
			throw new Error(`replicated ${written} of ${docs.length} documents`);
		await local.destroy();
	}
	return [
		{
			name: `couch: replicate one organisation to the server (${clients.length} assessments + subjects)`,
			value: median(samples),
			unit: 'ms'
		}
	];
}

/** The province view over 10,000 enterprises, 21 cities and 122 counties. */
async function measureProvince(server: CouchServer, enterprises: number): Promise<CouchRow[]> {
	const province = generateProvince({ enterprises, seed: 2026 });
	const rubricOf = (kind: string) =>
		kind === 'city' ? province.cityRubric : province.enterpriseRubric;
	const docs = province.assessments.map((a) =>
		assessmentDocument(a, { app: 'bench', rubric: rubricOf(a.subject.kind) })
	);
	const conn = connect(server.adminUrl);
	await setupServer(conn, 'province', 'province');
	await loadDocuments(server, 'province', docs);
	const total = docs.length.toLocaleString('en');

	let queries = 0;
	let received = 0;
	const first = await timeAsync(async () => {
		({ queries, received } = await aggregateOnServer(conn, 'province', 'sector'));
	});
	const warm: number[] = [];
	for (let i = 0; i < 3; i++)
		warm.push(await timeAsync(() => aggregateOnServer(conn, 'province', 'sector')));

	// The peer: fetch every assessment into the client and compute there.
	const download: number[] = [];
	let downloaded = 0;
	for (let i = 0; i < 3; i++)
		download.push(
			await timeAsync(async () => {
				const r = await server.admin('/province/_all_docs?include_docs=true');
				const text = await r.text();
				downloaded = text.length;
				const body = JSON.parse(text) as { rows: { doc: { summary?: AssessmentSummary } }[] };
				const summaries = body.rows.flatMap((row) => (row.doc.summary ? [row.doc.summary] : []));
				aggregateSummaries(summaries, 'sector');
			})
		);
	return [
		{
			name: `couch: province view by sector, first query incl. view index (${total} assessments)`,
			value: first,
			unit: 'ms'
		},
		{
			name: `couch: province view by sector, indexed (${queries} view queries, no document fetched)`,
			value: median(warm),
			unit: 'ms'
		},
		{
			name: `couch: peer — download all ${total} assessments and compute in the client`,
			value: median(download),
			unit: 'ms'
		},
		{
			name: 'couch: province view time ÷ download-everything time (below 1: the server is faster)',
			value: median(warm) / median(download),
			unit: '×'
		},
		{ name: 'couch: province view, data received', value: received / 1024, unit: 'KB' },
		{ name: 'couch: peer, data received', value: downloaded / 1024, unit: 'KB' }
	];
}

export async function measureCouch(
	options: { enterprises?: number; runs?: number } = {}
): Promise<CouchRow[]> {
	const server = await startCouchServer();
	try {
		return [
			...(await measureReplication(server, options.runs ?? 5)),
			...(await measureProvince(server, options.enterprises ?? 10_000))
		];
	} finally {
		await server.close();
	}
}
