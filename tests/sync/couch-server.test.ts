import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, startCouchServer, type CouchServer } from '../support/couch-server';

/** The test server must behave like CouchDB where the sync code relies on it. */
describe('test CouchDB server', () => {
	let server: CouchServer;
	let other: CouchServer;
	beforeAll(async () => {
		[server, other] = await Promise.all([startCouchServer(), startCouchServer()]);
	});
	afterAll(async () => {
		await Promise.all([server.close(), other.close()]);
	});

	it('keeps two servers in one process apart', async () => {
		expect((await server.admin('/apart', { method: 'PUT' })).status).toBe(201);
		expect((await other.admin('/apart')).status).toBe(404);
		expect(await (await other.admin('/_all_dbs')).json()).not.toContain('apart');
	});

	it('lets only members of a database’s role read it', async () => {
		await server.admin('/org-a', { method: 'PUT' });
		await server.admin('/org-a/_security', {
			method: 'PUT',
			body: JSON.stringify({ members: { roles: ['org-a'] }, admins: { roles: [] } })
		});
		await server.createUser('alice', 'pw-a', ['org-a']);
		await server.createUser('bob', 'pw-b', ['org-b']);
		const as = (name: string, pw: string) => ({ headers: { authorization: basicAuth(name, pw) } });
		expect((await fetch(`${server.url}/org-a/_all_docs`, as('alice', 'pw-a'))).status).toBe(200);
		expect((await fetch(`${server.url}/org-a/_all_docs`, as('bob', 'pw-b'))).status).toBe(401);
		expect((await fetch(`${server.url}/org-a/_all_docs`)).status).toBe(401);
		expect((await fetch(`${server.url}/org-a/_all_docs`, as('alice', 'wrong'))).status).toBe(401);
	});

	it('authenticates later requests by the session cookie', async () => {
		await server.createUser('carol', 'pw-c', ['org-a']);
		const session = await fetch(`${server.url}/_session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'carol', password: 'pw-c' })
		});
		const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
		expect(cookie).toMatch(/^AuthSession=/);
		const me = await fetch(`${server.url}/_session`, { headers: { cookie } });
		expect(await me.json()).toMatchObject({ userCtx: { name: 'carol', roles: ['org-a'] } });
	});
});
