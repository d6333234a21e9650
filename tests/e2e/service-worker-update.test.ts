/**
 * A new version deployed while the app is installed: build A serves and installs, build B then
 * replaces it on the same origin. Until the user chooses to reload, every page keeps running A's
 * code (from A's cache, never a mix of both); the prompt says a new version is waiting; after the
 * reload every page runs B's code alone, A's cache is gone, and every answer is still there.
 *
 * Both builds go into folders of their own (and the test serves them itself), so the suite's
 * build/ and any other run are untouched. B differs from A by its version name, which changes the
 * service worker, the cache name and the hashes of the entry code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../support/browser-path.js';
import type { ReportPackIndex } from '../../src/lib/report-pack';
import {
	E2E_BROWSER_FLAGS,
	waitForOfflineExports,
	waitForServiceWorkerControl
} from '../support/e2e';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { createCity, savedState, startAssessment } from './safety-helpers';

const run = promisify(execFile);
const workDir = mkdtempSync(path.join(tmpdir(), 'gd-e2e-sw-update-'));
const builds = { a: path.join(workDir, 'a'), b: path.join(workDir, 'b') };

async function buildVersion(dir: string, name: string) {
	await run(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], {
		env: {
			...process.env,
			GD_BUILD_DIR: dir,
			GD_VERSION_NAME: name,
			VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
		},
		maxBuffer: 64 * 1024 * 1024
	});
}

/** The offline reports pack of a build (its report-pack.<hash>.json). */
function packIndex(dir: string): ReportPackIndex {
	const assets = path.join(dir, '_app', 'immutable', 'assets');
	const name = readdirSync(assets).find((f) => /^report-pack\.[\w-]+\.json$/.test(f))!;
	return JSON.parse(readFileSync(path.join(assets, name), 'utf8')) as ReportPackIndex;
}

/** The code and style files of a build, as paths such as /_app/immutable/entry/app.X.js */
function immutableFiles(dir: string): Set<string> {
	const root = path.join(dir, '_app', 'immutable');
	const walk = (d: string): string[] =>
		readdirSync(d).flatMap((name) => {
			const file = path.join(d, name);
			return statSync(file).isDirectory() ? walk(file) : [file];
		});
	return new Set(walk(root).map((f) => `/${path.relative(dir, f).split(path.sep).join('/')}`));
}

/** The app's code and style files this document loaded (its own fetches and its tags). */
function loadedAssets(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[
			...new Set([
				...performance.getEntriesByType('resource').map((e) => e.name),
				...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
				...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href)
			])
		]
			.map((u) => new URL(u).pathname)
			.filter((p) => p.startsWith('/_app/immutable/'))
	);
}

let server: StaticServer;
let browser: Browser;
let a: Set<string>;
let b: Set<string>;
beforeAll(async () => {
	await buildVersion(builds.a, 'sw-update-a');
	await buildVersion(builds.b, 'sw-update-b');
	a = immutableFiles(builds.a);
	b = immutableFiles(builds.b);
	server = await startStaticServer(0, builds.a);
	browser = await chromium.launch({ executablePath: findBrowser(), args: E2E_BROWSER_FLAGS });
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await server?.close();
	rmSync(workDir, { recursive: true, force: true });
});

/** Clicks the update prompt and waits until the page is a new document: the reload happened. */
async function reloadThrough(page: Page, prompt: Locator) {
	await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
	// The reload comes once the new worker is active. Wait for the page's load event: polling
	// alone missed the reload when A had cached the offline reports pack (activation then
	// deletes A's larger cache first).
	await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.click()]);
	await expect
		.poll(
			() =>
				page
					.evaluate(
						() =>
							!(window as unknown as { beforeUpdate?: boolean }).beforeUpdate &&
							document.readyState === 'complete'
					)
					.catch(() => false),
			{ timeout: 30_000, message: `${page.url()} did not reload after 重新加载` }
		)
		.toBe(true);
}

const levelRadio = (page: Page, indicator: number, level: number) =>
	page.locator('article.indicator').nth(indicator).locator(`input[type=radio][value="${level}"]`);

describe('a new version deployed while the app is installed', () => {
	it('waits for the user, never mixes versions, and keeps every answer', async () => {
		const onlyA = [...a].filter((f) => !b.has(f));
		const onlyB = [...b].filter((f) => !a.has(f));
		// The two builds must differ in code, or this test could not tell them apart.
		expect(onlyA.length).toBeGreaterThan(0);
		expect(onlyB.length).toBeGreaterThan(0);
		/** Every page load runs one build's code: all of it known to that build, none of the other. */
		const expectRuns = async (page: Page, own: Set<string>, label: string) => {
			const assets = await loadedAssets(page);
			expect(assets.length, label).toBeGreaterThan(0);
			expect(
				assets.filter((f) => !own.has(f)),
				label
			).toEqual([]);
		};

		const context = await browser.newContext({ serviceWorkers: 'allow' });
		const page = await context.newPage();
		await page.goto(`${server.url}/assessments/`);
		await waitForServiceWorkerControl(page);
		await page.getByTestId('offline-ready').waitFor();
		// Reports made available offline on A are kept into B (unchanged files carried over).
		await waitForOfflineExports(page);
		await createCity(page, server.url, '更新市');
		const id = await startAssessment(page);
		const answers: [number, number][] = [
			[0, 2],
			[1, 4],
			[2, 0]
		];
		for (const [indicator, level] of answers) await levelRadio(page, indicator, level).check();
		await savedState(page);
		await expectRuns(page, a, 'A installed');

		// B is deployed. Any page load now lets the browser find the new service worker.
		server.deploy(builds.b);
		await page.reload();
		// The header's prompt (Settings shows the same status once more).
		const prompt = page.getByRole('button', { name: '重新加载' }).first();
		await prompt.waitFor({ timeout: 30_000 });
		await expect(page.getByText('有新版本可用').count()).resolves.toBe(1);
		await expectRuns(page, a, 'B waiting: the reloaded page');
		// Other pages opened meanwhile still run A, whole, and still offer the update.
		for (const p of [`/results/?id=${id}`, '/settings/', `/assess/?id=${id}`]) {
			await page.goto(`${server.url}${p}`);
			await prompt.waitFor();
			await expectRuns(page, a, `B waiting: ${p}`);
		}
		await page.locator('article.indicator').first().waitFor();
		// A second window, open on the same assessment while B waits.
		const other = await context.newPage();
		await other.goto(`${server.url}/results/?id=${id}`);
		const otherPrompt = other.getByRole('button', { name: '重新加载' }).first();
		await otherPrompt.waitFor();

		// The user chooses to reload: the page comes back on B.
		await reloadThrough(page, prompt);
		await page.locator('article.indicator').first().waitFor();
		await page.getByTestId('offline-ready').waitFor();
		await expectRuns(page, b, 'B applied');
		expect((await loadedAssets(page)).filter((f) => onlyB.includes(f)).length).toBeGreaterThan(0);
		for (const [indicator, level] of answers)
			await expect(
				levelRadio(page, indicator, level).isChecked(),
				`indicator ${indicator}`
			).resolves.toBe(true);
		await expect(prompt.count()).resolves.toBe(0);
		// The other window still runs A, whose files are gone from the cache: it keeps offering
		// the reload, and its reload brings it onto B too.
		await expectRuns(other, a, 'other window after the update');
		await otherPrompt.waitFor();
		await reloadThrough(other, otherPrompt);
		await other.locator('main h1').first().waitFor();
		await expectRuns(other, b, 'other window reloaded');
		await other.close();
		// Only B's cache is left, and B alone serves the app with the server gone.
		await expect(page.evaluate(() => caches.keys())).resolves.toEqual(['gd-assess-sw-update-b']);
		const cachedOnB = await page.evaluate(async () =>
			(await (await caches.open('gd-assess-sw-update-b')).keys()).map(
				(r) => new URL(r.url).pathname
			)
		);
		for (const file of packIndex(builds.b).files)
			expect(cachedOnB, `offline reports pack on B: ${file.path}`).toContain(`/${file.path}`);
		await server.close();
		for (const p of ['/settings/', `/assess/?id=${id}`]) {
			await page.goto(`${server.url}${p}`);
			await page.locator('main h1').first().waitFor();
			await expectRuns(page, b, `offline on B: ${p}`);
		}
		await page.locator('article.indicator').first().waitFor();
		for (const [indicator, level] of answers)
			await expect(levelRadio(page, indicator, level).isChecked()).resolves.toBe(true);
		await context.close();
	}, 120_000);
});
