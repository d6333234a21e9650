import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headings, readDocx } from '../support/docx';
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
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-word-'));

/** word/document.xml of a .docx, unzipped by Python's zipfile (not the library that zipped it). */
const documentXml = (file: string) =>
	execFileSync(
		'/usr/bin/python3',
		[
			'-c',
			'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
			file
		],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);

describe('Word report from the app', () => {
	it('is made offline with the chosen language and sections, and downloads as a .docx', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		// Reports made available offline, as from Settings.
		await waitForOfflineExports(page);
		await openSampleResults(app);

		// The PDF's options apply: leave out the action plan.
		await page.getByText('报告选项').click();
		await page.getByRole('checkbox', { name: '行动计划' }).uncheck();

		await app.context.setOffline(true);
		await app.stopServer();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.getByRole('button', { name: '导出Word报告' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^示例市_\d{4}年度_\d{4}-\d{2}-\d{2}\.docx$/);
		const file = path.join(scratch, 'report.docx');
		await download.saveAs(file);
		const xml = documentXml(file);
		expect(xml).toContain('示例市');
		expect(xml).toContain('数字产业化');
		const doc = readDocx(file);
		expect(headings(doc, 'Heading1')).toContain('执行摘要');
		expect(headings(doc, 'Heading1')).not.toContain('行动计划');
		// Chart pictures drawn in the browser (resvg's WebAssembly, cached for offline use).
		expect(doc.pictures.length).toBeGreaterThanOrEqual(2);
		await page.getByText(/已生成“示例市_.*\.docx”/).waitFor();
	});
});
