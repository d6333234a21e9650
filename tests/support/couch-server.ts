/**
 * A CouchDB-compatible server for tests and the bench: express-pouchdb over in-memory PouchDB,
 * on a free loopback port, in this process. It speaks CouchDB's HTTP API and replication protocol
 * (documents, revisions and conflicts, attachments, views with built-in reduces, `_users`,
 * `_session` cookies, `_security`, `validate_doc_update`), so the code under test talks to it as
 * it would to Apache CouchDB. Each server keeps its databases apart from every other one started
 * in the same process.
 */
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

export const TEST_ADMIN = { name: 'admin', password: 'test-admin-secret' } as const;

export interface CouchServer {
	/** Base URL without credentials, e.g. http://127.0.0.1:5984 */
	url: string;
	/** The same with the admin's credentials in it */
	adminUrl: string;
	/** A request as the admin (Basic auth); `path` starts with '/' */
	admin: (path: string, init?: RequestInit) => Promise<Response>;
	/** Creates (or updates) a `_users` entry with these roles */
	createUser: (name: string, password: string, roles: string[]) => Promise<void>;
	close: () => Promise<void>;
}

/** The subset of PouchDB's constructor this module uses (PouchDB ships no types). */
interface PouchConstructor {
	plugin(plugin: unknown): PouchConstructor;
	defaults(options: Record<string, unknown>): unknown;
}

let serverCount = 0;

/**
 * PouchDB with the plugins the server needs, as a fresh copy of pouchdb-core: its constructor
 * carries a process-wide event emitter through which express-pouchdb learns which databases
 * exist, so two servers on one copy would list each other's databases.
 */
export function loadPouch(): PouchConstructor {
	delete require.cache[require.resolve('pouchdb-core')];
	const PouchDB = require('pouchdb-core') as PouchConstructor;
	return PouchDB.plugin(require('pouchdb-adapter-memory'))
		.plugin(require('pouchdb-adapter-http'))
		.plugin(require('pouchdb-mapreduce'))
		.plugin(require('pouchdb-replication'));
}

export const basicAuth = (name: string, password: string) =>
	'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');

/** Starts a server with an admin (TEST_ADMIN); `port` 0 picks a free one. */
export async function startCouchServer(port = 0): Promise<CouchServer> {
	const express = require('express') as () => {
		use: (path: string, handler: unknown) => void;
	} & ((req: unknown, res: unknown) => void);
	const expressPouchDB = require('express-pouchdb') as (
		pouch: unknown,
		options: Record<string, unknown>
	) => unknown;
	// memdown keeps one store per database name for the whole process: a prefix per server keeps
	// two servers (two tests, or the bench's runs) from sharing databases.
	serverCount += 1;
	const pouch = loadPouch().defaults({
		adapter: 'memory',
		prefix: `couch-${process.pid}-${serverCount}-`
	});
	const app = express();
	app.use(
		'/',
		expressPouchDB(pouch, {
			mode: 'fullCouchDB',
			inMemoryConfig: true,
			overrideMode: { exclude: ['routes/fauxton'] },
			logPath: '/dev/null'
		})
	);
	const server: Server = createServer(app);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: actual } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${actual}`;
	const auth = basicAuth(TEST_ADMIN.name, TEST_ADMIN.password);

	const created = await fetch(`${url}/_config/admins/${TEST_ADMIN.name}`, {
		method: 'PUT',
		body: JSON.stringify(TEST_ADMIN.password)
	});
	if (!created.ok) throw new Error(`test CouchDB: creating the admin failed (${created.status})`);

	const admin = (path: string, init: RequestInit = {}) =>
		fetch(url + path, {
			...init,
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				authorization: auth,
				...(init.headers as Record<string, string> | undefined)
			}
		});

	return {
		url,
		adminUrl: `http://${TEST_ADMIN.name}:${TEST_ADMIN.password}@127.0.0.1:${actual}`,
		admin,
		async createUser(name, password, roles) {
			const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
			const existing = await admin(path);
			const rev = existing.ok ? ((await existing.json()) as { _rev: string })._rev : undefined;
			const response = await admin(path, {
				method: 'PUT',
				body: JSON.stringify({
					_id: `org.couchdb.user:${name}`,
					_rev: rev,
					name,
					password,
					roles,
					type: 'user'
				})
			});
			if (!response.ok)
				throw new Error(
					`test CouchDB: creating user ${name} failed (${response.status} ${await response.text()})`
				);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
