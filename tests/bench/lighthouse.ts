/**
 * Lighthouse's mobile performance audit of the results page of the sample city (its default
 * preset: a mid-range phone, 4× slower CPU, a slow 4G link, all simulated), run with the
 * Debian Chromium the tests use. The page needs the sample in the browser's storage, so
 * Lighthouse keeps storage, and the HTTP cache is cleared before each run. Two cases:
 * - installed: the app as its users have it, ready offline (the service worker serves the
 *   files it precached); the budget is for this case, where the page's own work decides;
 * - first visit: service worker and caches cleared, every file over the simulated link,
 *   gzipped as a static host sends it (reported: it also measures the bytes before the page
 *   can show anything, the "weight" budgets' business).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { findBrowser } from '../support/browser-path.js';
import { E2E_BROWSER_FLAGS, waitForServiceWorkerControl } from '../support/e2e';
import type { Row } from './row';
import { sampleResultsUrl } from './sample-results';

/** A port free on this machine for Chromium's DevTools endpoint, which Lighthouse drives. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

const TEXT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.html': 'text/html',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.webmanifest': 'application/manifest+json'
};

/**
 * The built app as a static host serves it: text files gzipped (the page-weight budgets are
 * stated in gzip, and a phone on a slow link is what the audit simulates), the rest by sirv.
 */
export async function startGzipServer(root = 'build') {
	const dir = path.resolve(root);
	const serve = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const zipped = new Map<string, Buffer>();
	const server: Server = createHttpServer((req, res) => {
		let file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://h').pathname));
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		const type = TEXT_TYPES[path.extname(file)];
		const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (!gzip || !type || !file.startsWith(dir) || !existsSync(file))
			return serve(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			});
		let body = zipped.get(file);
		if (!body) zipped.set(file, (body = gzipSync(readFileSync(file))));
		res.writeHead(200, {
			'Content-Type': `${type}; charset=utf-8`,
			'Content-Encoding': 'gzip',
			'Content-Length': body.byteLength
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

interface Audit {
	score: number;
	blockingMs: number;
	largestPaintMs: number;
}

export type AuditCase = 'installed' | 'first visit';

export async function auditResultsPage(runs: number, which: AuditCase): Promise<Audit[]> {
	const server = await startGzipServer();
	const profile = mkdtempSync(path.join(tmpdir(), 'gd-bench-lighthouse-'));
	const port = await freePort();
	// A persistent profile: Lighthouse opens its own tab, which must share the sample's storage.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: findBrowser(),
		args: [...E2E_BROWSER_FLAGS, `--remote-debugging-port=${port}`]
	});
	const audits: Audit[] = [];
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const url = await sampleResultsUrl(page, server.url);
		for (let i = 0; i < runs; i++) {
			await page.goto(`${server.url}/`);
			if (which === 'installed') {
				await waitForServiceWorkerControl(page);
				await page.evaluate(() => navigator.serviceWorker.ready);
			} else
				await page.evaluate(async () => {
					for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
					for (const key of await caches.keys()) await caches.delete(key);
				});
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.clearBrowserCache');
			await cdp.detach();
			await page.goto('about:blank');
			const result = await lighthouse(url, {
				port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance'],
				disableStorageReset: true
			});
			if (!result) throw new Error('Lighthouse returned no result');
			const { categories, audits: a, runtimeError } = result.lhr;
			if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
			audits.push({
				score: (categories.performance?.score ?? 0) * 100,
				blockingMs: a['total-blocking-time']?.numericValue ?? NaN,
				largestPaintMs: a['largest-contentful-paint']?.numericValue ?? NaN
			});
		}
	} finally {
		await context.close();
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return audits;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureLighthouse(runs = 3): Promise<Row[]> {
	const rows: Row[] = [];
	for (const which of ['installed', 'first visit'] as const) {
		const audits = await auditResultsPage(which === 'installed' ? runs : 1, which);
		const m = (pick: (a: Audit) => number) => median(audits.map(pick));
		const label = `Lighthouse mobile, /results/ of the sample city, ${which}`;
		rows.push(
			{
				name: `${label}: performance${audits.length > 1 ? ` (median of ${audits.length})` : ''}`,
				value: m((a) => a.score),
				unit: 'score',
				minimum: which === 'installed' ? 90 : undefined
			},
			{ name: `${label}: total blocking time`, value: m((a) => a.blockingMs), unit: 'ms' },
			{ name: `${label}: largest contentful paint`, value: m((a) => a.largestPaintMs), unit: 'ms' }
		);
	}
	return rows;
}
