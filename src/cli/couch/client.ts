/**
 * Talking to a CouchDB server from the command line. Credentials come from the URL
 * (`http://user:pass@host:5984`) or the environment (COUCHDB_USER, COUCHDB_PASSWORD) and travel
 * only in the Authorization header: every URL this module prints, and every error it raises,
 * names the server without them. Failures become one InputError saying what is wrong and what
 * to do (exit code 1), never a stack trace.
 */
import { InputError, UsageError } from '../errors';

export interface Connection {
	/** scheme://host:port/path without credentials or a trailing slash */
	base: string;
	authorization?: string;
}

/** Where errors point: the server (or database) without credentials. */
export const describeServer = (conn: Connection, db?: string) =>
	db ? `${conn.base}/${db}` : `${conn.base}/`;

/** CouchDB's rule for database names (its own error message does not say what to do). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function checkDatabaseName(name: string): string {
	if (!DB_NAME.test(name) || name.length > 238)
		throw new UsageError(
			`--db "${name}" is not a CouchDB database name: start with a lower-case letter, then lower-case letters, digits or _ $ ( ) + - /`
		);
	return name;
}

export function connect(url: string | undefined, env: NodeJS.ProcessEnv = process.env): Connection {
	if (!url) throw new UsageError('missing --url (the CouchDB server, e.g. http://127.0.0.1:5984)');
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		// The text may hold a password: say what is wrong without repeating it.
		throw new UsageError('--url is not a URL; write it as http://host:5984 or https://host');
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
		throw new UsageError('--url must start with http:// or https://');
	const user = parsed.username ? decodeURIComponent(parsed.username) : env.COUCHDB_USER;
	const password = parsed.username
		? decodeURIComponent(parsed.password)
		: (env.COUCHDB_PASSWORD ?? '');
	parsed.username = '';
	parsed.password = '';
	parsed.search = '';
	parsed.hash = '';
	const base = parsed.href.replace(/\/+$/, '');
	return {
		base,
		authorization: user
			? 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64')
			: undefined
	};
}

export interface CouchResponse<T = unknown> {
	status: number;
	body: T;
	/** Characters received (what a province view costs on the wire) */
	size: number;
}

/** Requests longer than this are given up with a message rather than left hanging. */
const REQUEST_TIMEOUT_MS = 120_000;
/**
 * A view's first query waits while the server indexes every document (minutes for a province
 * on a small server; later queries read the index): such requests get this long instead.
 */
export const VIEW_TIMEOUT_MS = 30 * 60_000;

/** Why a server refused, in words a user can act on. */
function refusal(conn: Connection, status: number, body: unknown, where: string): InputError {
	const reason =
		typeof body === 'object' && body !== null && 'reason' in body ? String(body.reason) : '';
	const message =
		status === 401
			? `the server refused the credentials (401${reason ? `: ${reason}` : ''}); check the user name and password in the URL or in COUCHDB_USER and COUCHDB_PASSWORD`
			: status === 403
				? `refused (403${reason ? `: ${reason}` : ''}); a database is open to its role's members and the server admins`
				: `the server answered ${status}${reason ? ` (${reason})` : ''}`;
	return new InputError(where, [{ path: '', message }]);
}

/**
 * One request; `path` starts with '/'. Statuses in `accept` (besides 2xx) are returned for the
 * caller to handle (404 for "does not exist yet"); any other status is an InputError.
 */
export async function couchRequest<T = unknown>(
	conn: Connection,
	method: string,
	path: string,
	options: { body?: unknown; accept?: number[]; where?: string; timeoutMs?: number } = {}
): Promise<CouchResponse<T>> {
	const where = options.where ?? describeServer(conn);
	const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
	let response: Response;
	try {
		response = await fetch(conn.base + path, {
			method,
			headers: {
				accept: 'application/json',
				...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
				...(conn.authorization ? { authorization: conn.authorization } : {})
			},
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: AbortSignal.timeout(timeoutMs)
		});
	} catch (e) {
		const cause = (e as { cause?: { code?: string } }).cause?.code;
		const timedOut = (e as Error).name === 'TimeoutError';
		throw new InputError(where, [
			{
				path: '',
				message: timedOut
					? `no answer within ${Math.round(timeoutMs / 1000)} s; check that the server is running and reachable`
					: `cannot reach the server${cause ? ` (${cause})` : ''}; check the URL and that CouchDB is running`
			}
		]);
	}
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		// Not JSON: kept as text for the "not CouchDB" check.
	}
	if (response.ok || options.accept?.includes(response.status))
		return { status: response.status, body: body as T, size: text.length };
	throw refusal(conn, response.status, body, where);
}

/**
 * Refuses anything that is not CouchDB (or the CouchDB-compatible express-pouchdb the tests
 * use) before a single document is written to it.
 */
export async function checkCouchServer(conn: Connection): Promise<void> {
	const { body } = await couchRequest(conn, 'GET', '/');
	const welcome =
		typeof body === 'object' && body !== null
			? ((body as Record<string, unknown>).couchdb ??
				(body as Record<string, unknown>)['express-pouchdb'])
			: undefined;
	if (typeof welcome !== 'string' || !/^welcome/i.test(welcome))
		throw new InputError(describeServer(conn), [
			{
				path: '',
				message:
					'this is not a CouchDB server (its root does not answer {"couchdb": "Welcome"}); check the URL and port (CouchDB listens on 5984)'
			}
		]);
}

/** The database exists; otherwise a message saying to run setup. */
export async function requireDatabase(conn: Connection, db: string): Promise<void> {
	const where = describeServer(conn, db);
	const { status } = await couchRequest(conn, 'GET', `/${encodeURIComponent(db)}`, {
		accept: [404],
		where
	});
	if (status === 404)
		throw new InputError(where, [
			{
				path: '',
				message: `database "${db}" does not exist; create it with: couch setup --url URL --db ${db}`
			}
		]);
}

/** Who the server takes us for (wrong credentials are refused here, before any work). */
export async function sessionOf(
	conn: Connection
): Promise<{ name: string | null; roles: string[] }> {
	const { body } = await couchRequest<{ userCtx?: { name?: string | null; roles?: string[] } }>(
		conn,
		'GET',
		'/_session'
	);
	return { name: body.userCtx?.name ?? null, roles: body.userCtx?.roles ?? [] };
}
