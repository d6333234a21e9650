/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the app (build output, static files, every prerendered page) so it opens and works
 * with no network at all. Cache-first for our own files; nothing else is ever fetched.
 *
 * The offline reports pack (report fonts, and the code and WebAssembly that write PDF, Word and
 * Excel files: about 14 MB) is not needed to fill in, score, view or compare, so the first visit
 * does not download it. A file of it is cached when an export first fetches it, and the whole
 * pack when the user asks for it in Settings (see $lib/report-pack).
 *
 * With sync set up, every page it serves lets the page connect to that one CouchDB origin.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { isReportPackIndex, type ReportPackReply, type ReportPackRequest } from '$lib/report-pack';
import { ReportPackWorker } from '$lib/report-pack/worker';
import { readAllowedOrigin } from '$lib/sync/config-store';
import { allowConnectOrigin } from '$lib/sync/csp';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `gd-assess-${version}`;
const pack = new ReportPackWorker(base, CACHE, build.find(isReportPackIndex));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			const packFiles = await pack.files();
			await cache.addAll([...build, ...files, ...prerendered].filter((f) => !packFiles.has(f)));
			const older = (await caches.keys()).filter((key) => key !== CACHE);
			await pack.carryOver(older);
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
});

sw.addEventListener('message', (event) => {
	const data = event.data as ReportPackRequest | { type: 'SKIP_WAITING' } | undefined;
	if (data?.type === 'SKIP_WAITING') {
		void sw.skipWaiting();
		return;
	}
	const port = event.ports[0];
	if (!port || !data?.type.startsWith('report-pack:')) return;
	const reply = (message: ReportPackReply) => port.postMessage(message);
	const work = async () => {
		if (data.type === 'report-pack:cache')
			await pack.cache(data.groups, (doneBytes, totalBytes) =>
				reply({ type: 'progress', doneBytes, totalBytes })
			);
		else if (data.type === 'report-pack:free') await pack.free();
		reply({ type: 'status', status: await pack.status() });
	};
	event.waitUntil(
		work().catch(async (e: unknown) =>
			reply({
				type: 'error',
				message: e instanceof Error ? e.message : String(e),
				status: await pack.status()
			})
		)
	);
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
				const packFiles = await pack.files().catch(() => new Map<string, unknown>());
				if (response.ok && packFiles.has(url.pathname))
					await cache.put(url.pathname, response.clone());
				return withSyncPolicy(response);
			} catch {
				// A page falls back to the app's start page; a file (say, export code never cached)
				// fails as a file, so the code that asked for it can say what is missing.
				const page = request.mode === 'navigate' ? await cache.match(`${base}/`) : undefined;
				return page
					? withSyncPolicy(page)
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
