import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
			await browser.close();
			await stopServer();
		}
	};
}

/** Resolves once a service worker controls the page (the app is then usable offline). */
export async function waitForServiceWorkerControl(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
}
