/**
 * What the user types to set up sync, checked before anything is stored or sent: the CouchDB
 * server's address and the database name. Pure: the page and the service worker share it.
 */

/** Why a server address cannot be used; the UI turns each into a zh/en message. */
export type ServerUrlProblem = 'empty' | 'not-a-url' | 'scheme' | 'credentials' | 'query';

export type ParsedServer =
	| {
			ok: true;
			/** The address without a trailing slash, e.g. https://couch.example.gov/couchdb */
			server: string;
			/** What the Content-Security-Policy must allow, e.g. https://couch.example.gov */
			origin: string;
	  }
	| { ok: false; problem: ServerUrlProblem };

/**
 * An origin the service worker may write into the page's connect-src: scheme, host and port
 * only, nothing that could end the directive or add another source.
 */
const SAFE_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

export function isSafeOrigin(origin: string): boolean {
	return SAFE_ORIGIN.test(origin);
}

export function parseServerUrl(text: string): ParsedServer {
	const trimmed = text.trim();
	if (!trimmed) return { ok: false, problem: 'empty' };
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { ok: false, problem: 'not-a-url' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return { ok: false, problem: 'scheme' };
	// A password in the address would be stored with it: the app asks for it instead.
	if (url.username || url.password) return { ok: false, problem: 'credentials' };
	if (url.search || url.hash) return { ok: false, problem: 'query' };
	if (!isSafeOrigin(url.origin)) return { ok: false, problem: 'not-a-url' };
	const path = url.pathname.replace(/\/+$/, '');
	return { ok: true, server: `${url.origin}${path}`, origin: url.origin };
}

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function isValidDatabaseName(name: string): boolean {
	return name.length <= 238 && DATABASE_NAME.test(name);
}

/**
 * Whether a server's answer to `GET /` is CouchDB's welcome, or that of a server speaking the
 * same protocol (express-pouchdb). Anything else (a web page, another API) is not CouchDB.
 */
export function isCouchWelcome(body: unknown): boolean {
	if (typeof body !== 'object' || body === null) return false;
	const welcome = body as Record<string, unknown>;
	return welcome.couchdb === 'Welcome' || welcome['express-pouchdb'] === 'Welcome!';
}
