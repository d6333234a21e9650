import { readFileSync } from 'node:fs';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Download,
	type Page
} from 'playwright-core';
import type { ReportPackGroup, ReportPackReply, ReportPackStatus } from '../../src/lib/report-pack';
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

/**
 * Makes reports available offline as Settings' "让报告也能离线使用" button does: asks the service
 * worker (the same message, src/lib/report-pack) to cache the report fonts and export code, and
 * resolves once it says every file asked for is cached. `groups` narrows it (say, without the
 * rare-character face); by default the whole pack.
 */
export async function waitForOfflineExports(
	page: Page,
	groups?: ReportPackGroup[],
	timeoutMs = 60_000
) {
	const missing = await page.evaluate(
		async ({ groups, timeoutMs }) => {
			const worker = (await navigator.serviceWorker.ready).active!;
			const status = await new Promise<ReportPackStatus>((resolve, reject) => {
				const channel = new MessageChannel();
				const timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
				channel.port1.onmessage = ({ data }: MessageEvent<ReportPackReply>) => {
					if (data.type === 'progress') return;
					clearTimeout(timer);
					if (data.type === 'status') resolve(data.status);
					else reject(new Error(data.message));
				};
				worker.postMessage({ type: 'report-pack:cache', groups }, [channel.port2]);
			});
			return status.files
				.filter((f) => !f.cached && (!groups || groups.includes(f.group)))
				.map((f) => f.path);
		},
		{ groups, timeoutMs }
	);
	if (missing.length) throw new Error(`the exports' files were not cached: ${missing.join(', ')}`);
}

/** Resolves once a service worker controls the page (the app is then usable offline). */
export async function waitForServiceWorkerControl(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
}

/**
 * The sample city's latest results, as a user reaches them: loaded from the subjects list
 * (unless `load` is false: already on the device), then its subject page and 结果.
 */
export async function openSampleResults(app: E2EApp, load = true) {
	const { page } = app;
	await page.goto(`${app.url}/assessments/`);
	if (load) {
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
	}
	await page.getByRole('link', { name: '示例市' }).click();
	await page.getByRole('link', { name: '结果' }).first().click();
	await page.waitForURL(/\/results\//);
	await page.getByTestId('summary').waitFor();
}
