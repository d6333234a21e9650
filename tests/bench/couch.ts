/**
 * Bench rows for sync through CouchDB, against the test server (express-pouchdb over in-memory
 * PouchDB) in this process:
 * - replication of one organisation (a consultancy's 50 client assessments with their subjects)
 *   from a PouchDB memory database, as the app holds it, to the server;
 * - the province view over the synthetic province (21 cities, 122 counties, 10,000 enterprises;
 *   a quarter also assessed last year, 2% twice this year): this year's numbers, each subject
 *   once, the first query (the server builds the view index) and later ones, beside the peer it
 *   replaces — downloading every assessment and computing in the client — with the ratio.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { aggregateSummaries, type Aggregate } from '../../src/lib/domain/sync/aggregate';
import { assessmentDocument, subjectDocument } from '../../src/lib/domain/sync/documents';
import type { SummaryEntry } from '../../src/lib/domain/sync/periods';
import type { AssessmentSummary } from '../../src/lib/domain/sync/summary';
import { aggregateOnServer } from '../../src/cli/couch/aggregate';
import { connect } from '../../src/cli/couch/client';
import { setupServer } from '../../src/cli/couch/setup';
import { subjectOfAssessment } from '../../src/lib/domain/subject-of';
import { loadPouch, startCouchServer, TEST_ADMIN, type CouchServer } from '../support/couch-server';
import { generateProvince, periodOf } from '../support/province';
import type { Row } from './row';

/** The period the province view is asked for. */
const PERIOD = periodOf(2026);

export type CouchRow = Pick<Row, 'name' | 'value' | 'unit' | 'minimum'>;

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
function organisationDocuments() {
	const { enterpriseRubric, assessments } = generateProvince({ enterprises: 50, seed: 11 });
	const clients = assessments.filter((a) => a.subject.kind === 'enterprise');
	return {
		clients: clients.length,
		docs: clients.flatMap((a) => [
			subjectDocument(subjectOfAssessment(a), 'bench'),
			assessmentDocument(a, { app: 'bench', rubric: enterpriseRubric })
		])
	};
}

async function measureReplication(
	server: CouchServer,
	{ clients, docs }: ReturnType<typeof organisationDocuments>,
	runs: number
): Promise<CouchRow[]> {
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
			name: `couch: replicate one organisation to the server (${clients} assessments + subjects)`,
			value: median(samples),
			unit: 'ms'
		}
	];
}

/** The province view over 10,000 enterprises, 21 cities and 122 counties. */
function provinceDocuments(enterprises: number) {
	const province = generateProvince({
		enterprises,
		seed: 2026,
		history: { previousYear: 0.25, repeats: 0.02 }
	});
	const rubricOf = (kind: string) =>
		kind === 'city' ? province.cityRubric : province.enterpriseRubric;
	return province.assessments.map((a) =>
		assessmentDocument(a, { app: 'bench', rubric: rubricOf(a.subject.kind) })
	);
}

async function measureProvince(server: CouchServer, docs: unknown[]): Promise<CouchRow[]> {
	const conn = connect(server.adminUrl);
	await setupServer(conn, 'province', 'province');
	await loadDocuments(server, 'province', docs);
	const total = docs.length.toLocaleString('en');

	console.error(`couch bench: ${total} assessments loaded; querying the province view`);
	let queries = 0;
	let received = 0;
	let onServer: Aggregate | undefined;
	const first = await timeAsync(async () => {
		({
			queries,
			received,
			aggregate: onServer
		} = await aggregateOnServer(conn, 'province', 'sector', PERIOD));
	});
	const warm: number[] = [];
	for (let i = 0; i < 3; i++)
		warm.push(await timeAsync(() => aggregateOnServer(conn, 'province', 'sector', PERIOD)));

	// The peer: fetch every assessment into the client, a page at a time, and compute there.
	const download: number[] = [];
	let downloaded = 0;
	let inClient: Aggregate | undefined;
	for (let i = 0; i < 3; i++)
		download.push(
			await timeAsync(async () => {
				const entries: SummaryEntry[] = [];
				downloaded = 0;
				for (let skip = 0; ; skip += 1000) {
					const r = await server.admin(
						`/province/_all_docs?include_docs=true&limit=1000&skip=${skip}`
					);
					const text = await r.text();
					downloaded += text.length;
					const { rows } = JSON.parse(text) as {
						rows: {
							doc: {
								summary?: AssessmentSummary;
								data: { id: string; date: string; updatedAt?: string };
							};
						}[];
					};
					for (const { doc } of rows)
						if (doc.summary)
							entries.push({
								id: doc.data.id,
								date: doc.data.date,
								savedAt: doc.data.updatedAt ?? '',
								summary: doc.summary
							});
					if (rows.length < 1000) break;
				}
				inClient = aggregateSummaries(entries, 'sector', PERIOD);
			})
		);
	// The numbers must be the same both ways at the full size, not only in the test's smaller
	// province: a difference fails the bench.
	const same = isDeepStrictEqual(onServer, inClient);
	if (!same)
		console.error('couch bench: the province view differs from the computation in the client');
	return [
		{
			name: `couch: province view by sector for ${PERIOD}, first query incl. view index (${total} assessments over two periods)`,
			value: first,
			unit: 'ms'
		},
		{
			name: `couch: province view by sector for ${PERIOD}, indexed (${queries} view queries; only the earlier repeats fetched)`,
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
		{
			name: 'couch: province view equal to the same numbers computed from every document (1 = yes)',
			value: same ? 1 : 0,
			unit: '×',
			minimum: 1
		},
		{ name: 'couch: province view, data received', value: received / 1024, unit: 'KB' },
		{ name: 'couch: peer, data received', value: downloaded / 1024, unit: 'KB' }
	];
}

export async function measureCouch(
	options: { enterprises?: number; runs?: number } = {}
): Promise<CouchRow[]> {
	// Generated before the server starts: generating 10,000 assessments holds this process for
	// a while, and the server (in this process) would stop answering meanwhile.
	const organisation = organisationDocuments();
	const province = provinceDocuments(options.enterprises ?? 10_000);
	const server = await startCouchServer();
	try {
		return [
			...(await measureReplication(server, organisation, options.runs ?? 5)),
			...(await measureProvince(server, province))
		];
	} finally {
		await server.close();
	}
}
