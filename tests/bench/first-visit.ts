/**
 * What a first visit downloads, in bytes on the wire, in Chromium with a fresh profile: until the
 * page is interactive, until the app is ready offline (service worker installed, active and in
 * control), and until reports are available offline too (Settings' button). The server gzips
 * text as static hosts do (HTML, JS, CSS, JSON); fonts and WebAssembly go as they are. Bytes are
 * counted on the server's sockets (headers included), so the service worker's own requests count.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../support/browser-path.js';
import { E2E_BROWSER_FLAGS, waitForOfflineExports } from '../support/e2e';

export interface FirstVisitRow {
	name: string;
	value: number;
	unit: 'KB';
	budget?: number;
}

/** The "done when": offline-ready within 1.5 MB, without the report fonts. */
const OFFLINE_READY_BUDGET_KB = 1.5 * 1024;

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.ttf': 'font/ttf'
};
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** A static server over build/ that gzips text and counts every byte it writes. */
async function startCountingServer(root = path.resolve('build')) {
	const sockets = new Set<Socket>();
	const gzipped = new Map<string, Buffer>();
	const fileFor = (url: string) => {
		const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
		const file = path.join(root, pathname);
		if (!file.startsWith(root)) return null;
		for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`])
			if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		return null;
	};
	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const file = fileFor(req.url ?? '/');
		if (!file) {
			res.writeHead(404).end('Not found');
			return;
		}
		const ext = path.extname(file);
		const headers: Record<string, string> = {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			// As SvelteKit advises hosts: hashed build files forever, everything else revalidated.
			'cache-control': req.url?.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
			let body = gzipped.get(file);
			if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 6 })));
			res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
			res.end(req.method === 'HEAD' ? undefined : body);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	};
	const server = createServer(handle);
	server.on('connection', (socket) => sockets.add(socket));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		bytes: () => [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** Bytes a fresh profile downloads opening `route`, until interactive (no service worker). */
async function untilInteractive(browser: Browser, route: string) {
	const server = await startCountingServer();
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}${route}`);
		await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
		return server.bytes();
	} finally {
		await context.close();
		await server.close();
	}
}

/**
 * Bytes until the app is ready offline from `route`, and then until reports are too (the same
 * request Settings' "make reports available offline" sends).
 */
async function untilOffline(browser: Browser, route: string, thenReports: boolean) {
	const server = await startCountingServer();
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}${route}`);
		// Polled with `evaluate`, which awaits the page's promise (`waitForFunction` would take a
		// pending promise for a true answer at once).
		const deadline = Date.now() + 60_000;
		while (
			!(await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return registration?.active?.state === 'activated' && !!navigator.serviceWorker.controller;
			}))
		) {
			if (Date.now() > deadline) throw new Error(`${route}: the app did not get ready offline`);
			await page.waitForTimeout(100);
		}
		const ready = server.bytes();
		if (!thenReports) return { ready };
		await waitForOfflineExports(page);
		return { ready, reports: server.bytes() };
	} finally {
		await context.close();
		await server.close();
	}
}

export async function measureFirstVisit(): Promise<FirstVisitRow[]> {
	const browser = await chromium.launch({ executablePath: findBrowser(), args: E2E_BROWSER_FLAGS });
	const kb = (bytes: number) => bytes / 1024;
	try {
		const rows: FirstVisitRow[] = [];
		rows.push({
			name: 'first visit /: wire bytes until interactive (gzip)',
			value: kb(await untilInteractive(browser, '/')),
			unit: 'KB'
		});
		const home = await untilOffline(browser, '/', true);
		rows.push({
			name: 'first visit /: wire bytes until offline-ready (gzip)',
			value: kb(home.ready),
			unit: 'KB',
			budget: OFFLINE_READY_BUDGET_KB
		});
		// A link straight to the heaviest page: the precache is the same, the page's own code too.
		const results = await untilOffline(browser, '/results/', false);
		rows.push({
			name: 'first visit /results/: wire bytes until offline-ready (gzip)',
			value: kb(results.ready),
			unit: 'KB',
			budget: OFFLINE_READY_BUDGET_KB
		});
		rows.push({
			name: 'first visit /: wire bytes until reports are available offline too',
			value: kb(home.reports!),
			unit: 'KB'
		});
		return rows;
	} finally {
		await browser.close();
	}
}
