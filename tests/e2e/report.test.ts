import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
	openApp,
	openSampleResults,
	waitForOfflineExports,
	waitForServiceWorkerControl,
	type E2EApp
} from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-report-'));

describe('PDF report from the app', () => {
	it('is generated offline, with progress, named from subject, period and date, with real Chinese text', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		// Reports made available offline, as from Settings.
		await waitForOfflineExports(page);
		await openSampleResults(app);

		await app.context.setOffline(true);
		await app.stopServer();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.getByRole('button', { name: '导出PDF报告' }).click(),
			page.getByRole('progressbar').waitFor()
		]);
		expect(download.suggestedFilename()).toMatch(/^示例市_\d{4}年度_\d{4}-\d{2}-\d{2}\.pdf$/);
		const file = path.join(scratch, 'report.pdf');
		await download.saveAs(file);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('示例市');
		expect(text).toContain('数字产业化');
		expect(text).toContain('行动计划');
		expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
			/[A-Z]{6}\+UMingCN.*yes yes/
		);
	});

	it('fetches the fallback face only for rare characters, and says which characters it printed as □', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		// Everything a PDF needs offline, but not the rare-character face.
		await waitForOfflineExports(page, ['pdf', 'shared', 'fonts']);
		const fallbackCached = () =>
			page.evaluate(async () =>
				Boolean(await caches.match('/fonts/on-demand/ReportFallback-WQYMicroHei.ttf'))
			);
		expect(await fallbackCached()).toBe(false);
		await page.goto(`${app.url}/settings/`);
		await page.getByLabel(/编制单位/).fill('堃喆咨询😀');
		await page.getByRole('button', { name: '保存', exact: true }).click();
		await page.getByText('已保存报告署名与样式。').waitFor();
		await openSampleResults(app);
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.getByRole('button', { name: '导出PDF报告' }).click()
		]);
		// The notice after the export says which characters no face could draw: only the emoji,
		// since 堃 and 喆 come from the fallback face.
		const notice = page.getByRole('status').filter({ hasText: '报告字体缺少' });
		await notice.waitFor({ timeout: 60_000 });
		const said = await notice.textContent();
		expect(said).toContain('报告字体缺少其中 1 个字符（😀）');
		expect(said).toContain('已印为“□”');
		const file = path.join(scratch, 'rare.pdf');
		await download.saveAs(file);
		const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
		expect(text).toContain('堃喆咨询□');
		expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
			/[A-Z]{6}\+WenQuanYiMicroHei-Fallback.*yes yes/
		);
		// Fetched for this report, and kept for the next one offline.
		expect(await fallbackCached()).toBe(true);
	});
});
