/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the whole app (build output, static files, every prerendered page) so it opens and
 * works with no network at all. Cache-first for our own files; nothing else is ever fetched.
 * With sync set up, every page it serves lets the page connect to that one CouchDB origin.
 */
import { build, files, prerendered, version } from '$service-worker';
import { readAllowedOrigin } from '$lib/sync/config-store';
import { allowConnectOrigin } from '$lib/sync/csp';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `gd-assess-${version}`;
/**
 * The report fonts (about 6 MB) and the WebAssembly the exports use (font subsetting for the PDF,
 * chart pictures for Word: about 3 MB) are not needed to fill in an assessment: the app is ready
 * offline without them, and they are cached right after, in the background, so the exports then
 * work offline too. One fetched before that is cached when it arrives.
 */
const isFont = (path: string) => path.startsWith('/fonts/') && path.endsWith('.ttf');
const isDeferred = (path: string) => isFont(path) || path.endsWith('.wasm');
const ASSETS = [...build, ...files, ...prerendered].filter((f) => !isDeferred(f));
// The fallback face under fonts/on-demand/ is cached only when a report first needs it.
const DEFERRED = [...build, ...files].filter(
	(f) => isDeferred(f) && !f.startsWith('/fonts/on-demand/')
);

async function cacheDeferred() {
	const cache = await caches.open(CACHE);
	for (const file of DEFERRED) if (!(await cache.match(file))) await cache.add(file);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
			// First install: take over at once. Updates wait until the user chooses to reload.
			if (!sw.registration.active) await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
	// Not part of waitUntil: activation must not wait for 9 MB of fonts and WebAssembly.
	void cacheDeferred().catch(() => undefined);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const cached =
				(await cache.match(request, { ignoreSearch: true })) ??
				(request.mode === 'navigate' ? await matchPage(cache, url.pathname) : undefined);
			if (cached) return withSyncPolicy(cached);
			try {
				const response = await fetch(request);
				if (response.ok && isDeferred(url.pathname)) await cache.put(request, response.clone());
				return withSyncPolicy(response);
			} catch {
				const home = await cache.match('/');
				return home
					? withSyncPolicy(home)
					: new Response('Offline', { status: 503, statusText: 'Offline' });
			}
		})()
	);
});

/**
 * A page's connect-src gains the configured CouchDB origin (read on every page load, so turning
 * sync off closes it again on the next one). Other responses pass untouched.
 */
async function withSyncPolicy(response: Response): Promise<Response> {
	if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
	const origin = await readAllowedOrigin().catch(() => null);
	if (!origin) return response;
	const html = allowConnectOrigin(await response.text(), origin);
	return new Response(html, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}

/** Prerendered pages are stored as /path/ (trailing slash); accept /path too. */
async function matchPage(cache: Cache, pathname: string) {
	const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
	return (await cache.match(withSlash)) ?? (await cache.match(`${withSlash}index.html`));
}
