import { readdirSync, readFileSync } from 'node:fs';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Download,
	type Page
} from 'playwright-core';
import { findBrowser, HOW_TO_GET_A_BROWSER } from './browser-path.js';
import { startStaticServer } from './static-server';

export const E2E_BROWSER_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export interface E2EApp {
	url: string;
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** Every URL the browser requested during the test. */
	requests: string[];
	stopServer: () => Promise<void>;
	close: () => Promise<void>;
}

/** Starts a server for the built app and a fresh Chromium profile pointed at it. */
export async function openApp(): Promise<E2EApp> {
	const executablePath = findBrowser();
	if (!executablePath) throw new Error(HOW_TO_GET_A_BROWSER);
	const server = await startStaticServer();
	const browser = await chromium.launch({ executablePath, args: E2E_BROWSER_FLAGS });
	const context = await browser.newContext({ serviceWorkers: 'allow', acceptDownloads: true });
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const downloads: Download[] = [];
	context.on('page', (p) => p.on('download', (d) => downloads.push(d)));
	const page = await context.newPage();
	let serverOpen = true;
	const stopServer = async () => {
		if (serverOpen) await server.close();
		serverOpen = false;
	};
	return {
		url: server.url,
		browser,
		context,
		page,
		requests,
		stopServer,
		close: async () => {
			try {
				if (serverOpen) await restoreBackups(browser, server.url, downloads);
			} finally {
				await browser.close();
				await stopServer();
			}
		}
	};
}

/**
 * Opens the import dialog. A click that lands before the page is interactive opens nothing, so
 * click again until the dialog is there.
 */
export async function openImportDialog(page: Page, button: string) {
	const input = page.locator('dialog input[type=file]');
	for (let attempt = 0; attempt < 30 && !(await input.isVisible()); attempt++) {
		await page.getByRole('button', { name: button }).click();
		await input.waitFor({ timeout: 1_000 }).catch(() => undefined);
	}
}

/**
 * Every backup the app wrote during a test is restored on a fresh profile before the test ends:
 * a backup the app cannot restore is a failure of the test that made it.
 */
async function restoreBackups(browser: Browser, url: string, downloads: Download[]) {
	const backups: string[] = [];
	for (const download of downloads) {
		const file = await download.path().catch(() => null);
		if (!file) continue;
		try {
			const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; subjects?: [] };
			if (data.format === 'gd-digital-economy-backup' && data.subjects?.length) backups.push(file);
		} catch {
			// Not JSON: not a backup.
		}
	}
	for (const file of backups) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${url}/assessments/`);
			await openImportDialog(page, '导入文件');
			await page.locator('dialog input[type=file]').setInputFiles(file);
			const refused = page.locator('dialog [role=alert]');
			// Whichever comes first; the other wait is abandoned (and must not fail later on its own).
			const outcome = await Promise.race([
				refused.waitFor().then(
					() => 'refused',
					() => 'gone'
				),
				page
					.getByText(/^文件包含/)
					.waitFor()
					.then(
						() => 'read',
						() => 'gone'
					)
			]);
			if (outcome !== 'read')
				throw new Error(
					`a backup the app made cannot be restored: ${await refused.textContent().catch(() => outcome)}`
				);
			await page.locator('dialog').getByRole('button', { name: '导入', exact: true }).click();
			await page.getByText(/已导入/).waitFor();
		} finally {
			await context.close();
		}
	}
}

/** Resolves once a service worker controls the page (the app is then usable offline). */
/**
 * Waits until the service worker has cached what the exports need offline, which it does in the
 * background once the app is ready: the three report fonts and every WebAssembly file of the
 * build. Polled with `evaluate`, which awaits the page's promise (`waitForFunction` would take a
 * pending promise for a true answer at once).
 */
export async function waitForOfflineExports(page: Page, timeoutMs = 60_000) {
	const wasm = readdirSync('build/_app/immutable/assets').filter((f) => f.endsWith('.wasm')).length;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ready = await page.evaluate(async (wasmCount) => {
			const fonts = await Promise.all(
				['ReportSong-UMingCN.ttf', 'ReportHei-WQYMicroHei.ttf', 'ReportLatin-NotoSerif.ttf'].map(
					(f) => caches.match(`/fonts/${f}`)
				)
			);
			let cachedWasm = 0;
			for (const key of await caches.keys())
				for (const request of await (await caches.open(key)).keys())
					if (new URL(request.url).pathname.endsWith('.wasm')) cachedWasm++;
			return fonts.every(Boolean) && cachedWasm >= wasmCount;
		}, wasm);
		if (ready) return;
		if (Date.now() > deadline)
			throw new Error(
				`the exports' fonts and WebAssembly were not cached in ${timeoutMs / 1000} s`
			);
		await page.waitForTimeout(300);
	}
}

export async function waitForServiceWorkerControl(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
}
