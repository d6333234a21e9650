import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorkerControl, type E2EApp } from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-'));

async function createCity(page: Page, base: string, name = '测试市') {
	await page.goto(`${base}/subject/new/`);
	await page.getByLabel('名称').fill(name);
	await page.getByLabel('地级以上市').check();
	await page.getByLabel('珠三角其他地市').check();
	await page.getByRole('button', { name: '保存' }).click();
	await page.waitForURL(/\/subject\/\?id=/);
	await page.getByRole('button', { name: '创建并开始填写' }).click();
	await page.waitForURL(/\/assess\/\?id=/);
	await page.getByTestId('save-state').waitFor();
}

const levelRadio = (page: Page, indicatorIndex: number, level: number) =>
	page
		.locator('article.indicator')
		.nth(indicatorIndex)
		.locator(`input[type=radio][value="${level}"]`);
const saved = (page: Page) =>
	page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();

describe('assessment workflow in a real browser', () => {
	it('keeps levels, targets, not-applicable and notes across a reload', async () => {
		app = await openApp();
		const { page } = app;
		await createCity(page, app.url);
		await levelRadio(page, 0, 2).check();
		await levelRadio(page, 1, 3).check();
		await page.locator('article.indicator').nth(2).getByLabel('不适用').check();
		await page
			.locator('article.indicator')
			.nth(1)
			.getByRole('combobox', { name: '目标等级' })
			.selectOption('4');
		await page.locator('article.indicator').nth(0).getByLabel('备注').fill('数据来源:统计公报');
		// Reload straight after typing: the pending note is saved when the page is hidden.
		await page.reload();
		await page.locator('article.indicator').first().waitFor();
		await expect(levelRadio(page, 0, 2).isChecked()).resolves.toBe(true);
		await expect(levelRadio(page, 1, 3).isChecked()).resolves.toBe(true);
		await expect(
			page.locator('article.indicator').nth(2).getByLabel('不适用').isChecked()
		).resolves.toBe(true);
		await expect(
			page
				.locator('article.indicator')
				.nth(1)
				.getByRole('combobox', { name: '目标等级' })
				.inputValue()
		).resolves.toBe('4');
		await expect(
			page.locator('article.indicator').nth(0).getByLabel('备注').inputValue()
		).resolves.toBe('数据来源:统计公报');
	});

	it('works offline: filling continues and survives a reload with the server gone', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		await createCity(page, app.url, '离线市');
		await app.context.setOffline(true);
		await app.stopServer();
		await levelRadio(page, 0, 1).check();
		await page.keyboard.press('j');
		await page.keyboard.press('4');
		await saved(page);
		await page.reload();
		await page.locator('article.indicator').first().waitFor();
		await expect(levelRadio(page, 0, 1).isChecked()).resolves.toBe(true);
		await expect(levelRadio(page, 1, 4).isChecked()).resolves.toBe(true);
	});

	it('exports everything, and after the browser storage is cleared imports it back identically', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		const exportOnce = async () => {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: '导出全部数据' }).click()
			]);
			const file = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
			await download.saveAs(file);
			return file;
		};
		const first = await exportOnce();
		await page.evaluate(
			() =>
				new Promise((resolve) => {
					const r = indexedDB.deleteDatabase('gd-digital-economy');
					r.onsuccess = r.onerror = r.onblocked = () => resolve(null);
				})
		);
		await page.reload();
		await page.getByText('三步开始').waitFor();
		await page.getByRole('button', { name: '导入文件' }).click();
		await page.locator('dialog input[type=file]').setInputFiles(first);
		await page.getByText('文件包含 1 个评估对象、2 次评估。').waitFor();
		await page.getByRole('button', { name: '导入', exact: true }).click();
		await page.getByText('已导入 1 个对象、2 次评估').waitFor();
		const second = await exportOnce();
		const content = (f: string) => {
			const { exportedAt: _, ...rest } = JSON.parse(readFileSync(f, 'utf8'));
			return rest;
		};
		expect(content(second)).toEqual(content(first));
		expect(content(first).assessments).toHaveLength(2);
	});

	it('does not let a second tab with stale data overwrite newer answers', async () => {
		app = await openApp();
		const { page } = app;
		await createCity(page, app.url, '双窗口市');
		const url = page.url();
		const other = await app.context.newPage();
		await other.goto(url);
		await other.locator('article.indicator').first().waitFor();
		await levelRadio(page, 0, 3).check();
		await saved(page);
		// The other tab is told, and a save from it does not land over the newer answer.
		await other.getByText('此评估已在另一个窗口中更新。').first().waitFor();
		await levelRadio(other, 0, 1).check();
		await other.getByText('为避免覆盖，本窗口已停止保存').waitFor();
		await page.reload();
		await page.locator('article.indicator').first().waitFor();
		await expect(levelRadio(page, 0, 3).isChecked()).resolves.toBe(true);
	});

	it.each([
		['not JSON', 'this is not json', '不是有效的 JSON|not valid JSON'],
		['another app’s JSON', '{"name":"other","items":[1,2]}', 'not an assessment of this app'],
		[
			'a newer format',
			'{"format":"gd-digital-economy-backup","formatVersion":9,"subjects":[],"assessments":[]}',
			'newer than this app supports'
		],
		[
			'an unknown rubric',
			JSON.stringify({
				format: 'gd-digital-economy-assessment',
				formatVersion: 1,
				id: 'x',
				rubric: { id: 'nope', version: '1.0.0' },
				subject: { id: 's', name: 'n', kind: 'city' },
				date: '2026-01-01',
				answers: {}
			}),
			'unknown rubric "nope"'
		],
		[
			'a truncated file',
			'{"format":"gd-digital-economy-backup","formatVersion":1,"subjects":[{"id":',
			'not valid JSON'
		]
	])('refuses %s with a clear message and imports nothing', async (_, content, expected) => {
		app = await openApp();
		const { page } = app;
		const file = path.join(scratch, 'bad.json');
		writeFileSync(file, content);
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '导入文件' }).click();
		await page.locator('dialog input[type=file]').setInputFiles(file);
		const alert = page.locator('dialog [role=alert]');
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(new RegExp(expected));
		await expect(
			page.getByRole('button', { name: '导入', exact: true }).isDisabled()
		).resolves.toBe(true);
		await page.getByRole('button', { name: '取消' }).click();
		await page.getByText('三步开始').waitFor();
	});

	it('refuses a 100 MB file before reading it', async () => {
		app = await openApp();
		const { page } = app;
		const file = path.join(scratch, 'huge.json');
		writeFileSync(file, Buffer.alloc(100 * 1024 * 1024, 32));
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '导入文件' }).click();
		await page.locator('dialog input[type=file]').setInputFiles(file);
		await expect(page.locator('dialog [role=alert]').textContent()).resolves.toContain(
			'over the 60.0 MB limit'
		);
	});

	it('tells the user when the browser does not allow storage', async () => {
		app = await openApp();
		const { page } = app;
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined });
		});
		await page.goto(`${app.url}/assessments/`);
		// In the interface language, with what to do.
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'此浏览器不允许本应用保存数据（no IndexedDB）。无痕窗口和部分安全设置会阻止存储'
		);
		await page.evaluate(() => localStorage.setItem('gd-assess.locale', 'en'));
		await page.reload();
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'This browser does not let the app store data (no IndexedDB). Private windows'
		);
	});
});
