/**
 * Talking to the CouchDB server before replication starts: is it CouchDB, log in (the password is
 * sent once for a session cookie and then forgotten), may this user read the database. Every
 * failure becomes a SyncProblem the status and the Settings page explain in zh and en.
 */
import { isCouchWelcome } from '$lib/domain/sync/connection';

export type SyncProblem =
	| 'unreachable'
	| 'not-couch'
	| 'bad-credentials'
	| 'session-expired'
	| 'forbidden'
	| 'no-database'
	| 'offline'
	| 'refused'
	| 'server-error';

export class SyncError extends Error {
	constructor(
		readonly problem: SyncProblem,
		detail: string
	) {
		super(detail);
		this.name = 'SyncError';
	}
}

/** Cookies travel to the server (its session) and nothing is cached between calls. */
const couchFetch = (url: string, init: RequestInit = {}) =>
	fetch(url, {
		...init,
		credentials: 'include',
		cache: 'no-store',
		headers: { Accept: 'application/json', ...(init.headers ?? {}) }
	});

async function reach(url: string, init?: RequestInit): Promise<Response> {
	try {
		return await couchFetch(url, init);
	} catch (e) {
		// A network failure, a refused CORS answer and a blocked address all look the same here.
		const offline = globalThis.navigator?.onLine === false;
		throw new SyncError(offline ? 'offline' : 'unreachable', `${url}: ${String(e)}`);
	}
}

async function jsonOf(response: Response): Promise<unknown> {
	try {
		return await response.json();
	} catch {
		return undefined;
	}
}

/** Checks that the address answers as CouchDB does. */
export async function checkServer(server: string): Promise<void> {
	const response = await reach(`${server}/`);
	if (!response.ok || !isCouchWelcome(await jsonOf(response)))
		throw new SyncError(
			'not-couch',
			`${server}/ answered ${response.status} without CouchDB's welcome`
		);
}

export interface SessionUser {
	name: string;
	roles: string[];
}

/** Logs in; the server sets its session cookie (AuthSession) for later requests. */
export async function logIn(server: string, user: string, password: string): Promise<SessionUser> {
	const response = await reach(`${server}/_session`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name: user, password })
	});
	if (response.status === 401) throw new SyncError('bad-credentials', `login refused for ${user}`);
	if (!response.ok) throw new SyncError('server-error', `login answered ${response.status}`);
	const body = (await jsonOf(response)) as { name?: unknown; roles?: unknown } | undefined;
	return {
		name: typeof body?.name === 'string' ? body.name : user,
		roles: Array.isArray(body?.roles) ? body.roles.filter((r) => typeof r === 'string') : []
	};
}

/** Who the session cookie belongs to; null once it has expired (or there never was one). */
export async function currentUser(server: string): Promise<SessionUser | null> {
	const response = await reach(`${server}/_session`);
	if (!response.ok)
		throw new SyncError('server-error', `session check answered ${response.status}`);
	const body = (await jsonOf(response)) as
		{ userCtx?: { name?: unknown; roles?: unknown } } | undefined;
	const name = body?.userCtx?.name;
	if (typeof name !== 'string') return null;
	const roles = body?.userCtx?.roles;
	return { name, roles: Array.isArray(roles) ? roles.filter((r) => typeof r === 'string') : [] };
}

/** Whether the logged-in user may read the database. */
export async function checkDatabase(server: string, database: string): Promise<void> {
	const response = await reach(`${server}/${encodeURIComponent(database)}`);
	if (response.ok) return;
	throw new SyncError(problemOfStatus(response.status), `${database}: ${response.status}`);
}

export function problemOfStatus(status: number): SyncProblem {
	if (status === 401 || status === 403) return 'forbidden';
	if (status === 404) return 'no-database';
	return 'server-error';
}

/** Ends the session on the server (best effort: the cookie is the server's to forget). */
export async function logOut(server: string): Promise<void> {
	await couchFetch(`${server}/_session`, { method: 'DELETE' }).catch(() => undefined);
}

export const isConnectionProblem = (problem: SyncProblem) =>
	problem === 'offline' || problem === 'unreachable';

/** What went wrong, from our own errors and PouchDB's (which carry an HTTP status). */
export function problemOf(error: unknown): SyncProblem {
	if (error instanceof SyncError) return error.problem;
	const status = (error as { status?: number } | null)?.status;
	if (status === 401) return 'session-expired';
	if (typeof status === 'number' && status > 0) return problemOfStatus(status);
	return globalThis.navigator?.onLine === false ? 'offline' : 'unreachable';
}
