/**
 * The page's Content-Security-Policy with sync on. The policy is a meta element in every
 * prerendered page (static hosting sends no headers), and a page cannot loosen a policy once it
 * has one, so the service worker, which serves every page, rewrites connect-src before the
 * browser sees the page: exactly the configured CouchDB origin is added, nothing else.
 */
import { isSafeOrigin } from '$lib/domain/sync/connection';

const META = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

export function allowConnectOrigin(html: string, origin: string): string {
	if (!isSafeOrigin(origin)) return html;
	return html.replace(META, (_all, start: string, policy: string, end: string) => {
		const directives = policy.split(';').map((d) => d.trim());
		const rewritten = directives.map((d) =>
			/^connect-src(\s|$)/.test(d) ? `connect-src 'self' ${origin}` : d
		);
		return `${start}${rewritten.join('; ')}${end}`;
	});
}

/** The page's policy names the origin (the service worker wrote it in when serving the page). */
export function pageAllows(origin: string): boolean {
	const meta = document.querySelector('meta[http-equiv="content-security-policy" i]');
	const connect = (meta?.getAttribute('content') ?? '')
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.find(([name]) => name === 'connect-src');
	return !meta || (connect?.includes(origin) ?? false);
}
