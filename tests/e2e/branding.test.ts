import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, openSampleResults, type E2EApp } from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-brand-'));

describe('report branding', () => {
	it('refuses a logo that is not an image, and puts the saved consultant name in the PDF', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/settings/`);
		const fake = path.join(scratch, 'logo.png');
		writeFileSync(fake, '<svg onload="alert(1)"></svg>'); // named .png, is not one
		await page.getByLabel(/标志图片/).setInputFiles(fake);
		await expect(
			page.getByRole('alert').filter({ hasText: '不是PNG或JPEG图片' }).textContent()
		).resolves.toContain('logo.png');
		await page.getByLabel(/编制单位/).fill('广州某数字经济咨询有限公司');
		await page.getByRole('button', { name: '保存', exact: true }).click();
		await page.getByText('已保存报告署名与样式。').waitFor();

		await openSampleResults(app);
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.getByRole('button', { name: '导出PDF报告' }).click()
		]);
		const file = path.join(scratch, 'r.pdf');
		await download.saveAs(file);
		expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(
			'广州某数字经济咨询有限公司'
		);
	});
});
