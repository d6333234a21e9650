/**
 * Timings in a real Chromium against the built app: cold load to interactive, offline reload,
 * autosave latency of one answer change, and the full PDF report made in the browser.
 */
import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../support/browser-path.js';
import {
	openApp,
	waitForOfflineExports,
	waitForServiceWorkerControl,
	E2E_BROWSER_FLAGS
} from '../support/e2e';
import { startStaticServer } from '../support/static-server';

export interface TimingRow {
	name: string;
	samples: number[];
	unit: 'ms' | 'KB';
	budget?: number;
}

const interactiveAt = (page: Page) =>
	page
		.waitForFunction(
			() => performance.getEntriesByName('app-interactive')[0]?.startTime ?? 0,
			undefined,
			{
				timeout: 30_000
			}
		)
		.then((h) => h.jsonValue() as Promise<number>);

export async function measureBrowser(runs = 5): Promise<TimingRow[]> {
	const cold: number[] = [];
	const offline: number[] = [];
	const autosave: number[] = [];
	const pdfTime: number[] = [];
	const pdfSize: number[] = [];

	// One running browser (as a user's would be); a fresh profile per run: nothing cached, no
	// service worker yet. The first run only warms the browser process and is not counted.
	const server = await startStaticServer();
	const browser = await chromium.launch({ executablePath: findBrowser(), args: E2E_BROWSER_FLAGS });
	try {
		for (let i = 0; i <= runs; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${server.url}/`);
			const coldMs = await interactiveAt(page);
			await waitForServiceWorkerControl(page);
			await context.setOffline(true);
			await page.reload();
			const offlineMs = await interactiveAt(page);
			if (i > 0) {
				cold.push(coldMs);
				offline.push(offlineMs);
			}
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}

	const app = await openApp();
	try {
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		// The PDF's fonts and code, cached as Settings does, so no timing includes a download.
		await waitForOfflineExports(page, ['pdf', 'shared', 'fonts']);
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		await page.getByRole('link', { name: '示例市' }).first().click();
		await page.getByRole('link', { name: '填写' }).first().click();
		await page.getByTestId('save-state').waitFor();
		for (let i = 0; i < runs * 2; i++) {
			// From the click to the visible "saved" state, measured inside the page.
			autosave.push(
				await page.evaluate(
					async (level) => {
						const state = document.querySelector('[data-testid="save-state"]')!;
						const radio = document.querySelector<HTMLInputElement>(
							`article.indicator input[type=radio][value="${level}"]`
						)!;
						const t0 = performance.now();
						const saved = new Promise<number>((resolve) => {
							const observer = new MutationObserver(() => {
								if (state.textContent?.includes('已保存') && radio.checked) {
									observer.disconnect();
									resolve(performance.now() - t0);
								}
							});
							observer.observe(state, { childList: true, subtree: true, characterData: true });
						});
						radio.click();
						return saved;
					},
					i % 2 === 0 ? 1 : 3
				)
			);
		}
		await page.getByRole('link', { name: '查看结果' }).click();
		await page.getByTestId('summary').waitFor();
		const dir = mkdtempSync(path.join(tmpdir(), 'gd-bench-'));
		for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) {
			const t0 = performance.now();
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 60_000 }),
				page.getByRole('button', { name: '导出PDF报告' }).click()
			]);
			const file = path.join(dir, `report-${i}.pdf`);
			await download.saveAs(file);
			pdfTime.push(performance.now() - t0);
			pdfSize.push(statSync(file).size / 1024);
		}
	} finally {
		await app.close();
	}
	return [
		{ name: 'cold load to interactive, / (Chromium)', samples: cold, unit: 'ms', budget: 1000 },
		{ name: 'offline reload to interactive, /', samples: offline, unit: 'ms' },
		{
			name: 'autosave of one answer change (click to saved)',
			samples: autosave,
			unit: 'ms',
			budget: 50
		},
		{
			name: 'PDF report in Chromium, sample city: time',
			samples: pdfTime,
			unit: 'ms',
			budget: 3000
		},
		{
			name: 'PDF report in Chromium, sample city: size',
			samples: pdfSize,
			unit: 'KB',
			budget: 1536
		}
	];
}
