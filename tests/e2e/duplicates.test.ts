/**
 * What a new user does twice by accident, in a real Chromium: a second assessment of the same
 * period, the sample city loaded again; and the benchmark of a city that is alone on the device.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from '../support/e2e';
import { createCity, rawRecords, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** Periods of the stored assessments of one subject, read from IndexedDB. */
async function storedPeriods(page: Page, subjectName: string) {
	return Object.entries(await rawRecords(page))
		.filter(([key]) => key.startsWith('assessment:'))
		.map(([, value]) => JSON.parse(value).assessment)
		.filter((a) => a.subject.name === subjectName)
		.map((a) => a.period as string)
		.sort();
}

describe('duplicates by accident', () => {
	it('warns before a second assessment of the same period, and on purpose labels it apart', async () => {
		app = await openApp();
		const { page } = app;
		const subjectUrl = await createCity(page, app.url, '重复市');
		await startAssessment(page, '2026年度');
		await page.goto(subjectUrl);
		await page.getByLabel('评估期间').fill(' 2026 年度');
		await page.getByRole('button', { name: '创建并开始填写' }).click();
		await page.getByText('该对象已有“2026年度”的评估').waitFor();
		// Nothing was created by the first click.
		expect(await storedPeriods(page, '重复市')).toEqual(['2026年度']);
		await expect(
			page.getByRole('link', { name: '打开已有评估' }).getAttribute('href')
		).resolves.toMatch(/\/assess\/\?id=/);

		// Another period clears the warning and is created at once.
		await page.getByLabel('评估期间').fill('2026年度复评');
		await expect(page.getByText('该对象已有').count()).resolves.toBe(0);
		await page.getByLabel('评估期间').fill('2026年度');
		await page.getByRole('button', { name: '创建并开始填写' }).click();
		await page.getByRole('button', { name: '仍然新建，标为“2026年度（第 2 次）”' }).click();
		await page.waitForURL(/\/assess\/\?id=/);
		await page.getByTestId('save-state').waitFor();
		expect(await storedPeriods(page, '重复市')).toEqual(['2026年度', '2026年度（第 2 次）']);
	});

	it('loads the sample city once: the second time it says so and opens it', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		const before = await rawRecords(page);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.waitForURL(/\/subject\/\?id=sample-city/);
		await page.getByText('示例城市“示例市”已在本设备上，未重复载入，已为您打开。').waitFor();
		await page.getByRole('heading', { name: '示例市' }).waitFor();
		const after = await rawRecords(page);
		expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
		expect(Object.keys(after).filter((k) => k.startsWith('subject:'))).toHaveLength(1);
		expect(Object.keys(after).filter((k) => k.startsWith('assessment:'))).toHaveLength(2);
	});
});

describe('benchmark of a city alone on the device', () => {
	it('shows the published reference values beside its own and says a ranking needs peers', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		await page.goto(`${app.url}/benchmark/?subject=sample-city`);
		await page.getByText('本设备上没有与本对象可比的其他对象').waitFor();
		await expect(page.getByText('导入文件').count()).resolves.toBeGreaterThan(0);
		// No rank and no percentile with nobody to compare with.
		await expect(page.getByTestId('benchmark-table').count()).resolves.toBe(0);

		const references = page.getByTestId('reference-values');
		await references.getByRole('heading', { name: '量表引用的公开参考值' }).waitFor();
		// The open-data row: Guangzhou's 2025 target of 1,600 datasets beside the sample's value.
		const openData = references.locator('tr', { hasText: '广州市2025年目标：公共数据开放数据集' });
		await expect(openData.locator('li').first().innerText()).resolves.toContain('1,600');
		const own = await openData.locator('td.own').innerText();
		expect(own).toMatch(/^\d[\d,]*(\.\d+)?$/);
		const rows = await references.locator('tbody tr').count();
		expect(rows).toBeGreaterThan(5);
		// Every row shows either a recorded value or says none is recorded.
		const owns = await references.locator('td.own').allInnerTexts();
		expect(owns.every((v) => /^\d|未填写/.test(v.trim()))).toBe(true);
	});
});
