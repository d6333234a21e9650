/**
 * Filling a compliance check (a legal duty) and seeing it on the results page, first and apart
 * from the maturity score, with the duties the city rubric 1.1 asks of every local government.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { openApp, type E2EApp } from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

async function openSampleAssessment(page: Page, base: string) {
	await page.goto(`${base}/assessments/`);
	await page.getByRole('button', { name: '试用示例城市' }).click();
	await page.getByText('已载入示例城市').waitFor();
	await page.getByRole('link', { name: '示例市' }).first().click();
	await page.waitForURL(/\/subject\/\?id=/);
	await page.getByRole('link', { name: '填写' }).first().click();
	await page.waitForURL(/\/assess\/\?id=/);
}

describe('compliance checks in a real browser', () => {
	it('fills a duty as not met and shows it on the results, first and apart from the score', async () => {
		app = await openApp();
		const { page } = app;
		await openSampleAssessment(page, app.url);

		// The duties head the navigation, and a notice above the indicators leads to them.
		await page.getByRole('note').filter({ hasText: '项法定义务（必须项）未确认' }).waitFor();
		await page.getByRole('button', { name: '填写合规检查' }).click();
		const section = page.getByRole('region', { name: '合规检查（必须项）' });
		await section.waitFor();
		const duty = section.getByRole('article', { name: '确定本地区、本部门重要数据具体目录' });
		await expect(
			duty.getByText('《中华人民共和国数据安全法》第二十条', { exact: false }).count()
		).resolves.toBeGreaterThan(0);
		await duty.getByLabel('未满足').check();
		await duty.getByLabel('说明').fill('目录尚在编制。');
		// Keyboard: focus the other duty's choices and pick "met" with arrow keys.
		const other = section.getByRole('article', { name: '政务数据安全管理制度和保护责任' });
		await other.getByLabel('已满足').focus();
		await page.keyboard.press('Space');
		await expect(other.getByLabel('已满足').isChecked()).resolves.toBe(true);
		await page.getByTestId('save-state').getByText('已保存').waitFor();
		await expect(axeViolations(page, 'section.compliance')).resolves.toEqual([]);

		if (process.env.SCREENSHOTS) {
			mkdirSync(process.env.SCREENSHOTS, { recursive: true });
			await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'assess-compliance.png') });
		}
		await page.reload();
		await section.waitFor();
		await expect(duty.getByLabel('未满足').isChecked()).resolves.toBe(true);
		await expect(duty.getByLabel('说明').inputValue()).resolves.toBe('目录尚在编制。');

		await page.getByRole('link', { name: '查看结果' }).click();
		await page.waitForURL(/\/results\/\?id=/);
		const status = page.getByRole('region', { name: /合规状态/ });
		await status.waitFor();
		await expect(page.getByTestId('compliance-overall').textContent()).resolves.toContain(
			'1 项法定义务未满足'
		);
		const unmet = status.getByRole('listitem').filter({ hasText: '目录尚在编制。' });
		await expect(unmet.textContent()).resolves.toMatch(
			/确定本地区、本部门重要数据具体目录.*按照数据分类分级保护制度.*《中华人民共和国数据安全法》第二十条.*本级人民政府.*目录尚在编制。/s
		);
		await expect(axeViolations(page, '#compliance')).resolves.toEqual([]);
		// Above the score, which stays as it was: a good score never hides the duty.
		const statusBox = await status.boundingBox();
		const summaryBox = await page.getByTestId('summary').boundingBox();
		expect(statusBox!.y).toBeLessThan(summaryBox!.y);

		if (process.env.SCREENSHOTS) {
			await page.screenshot({
				path: path.join(process.env.SCREENSHOTS, 'results-compliance.png'),
				fullPage: true
			});
		}
	});
});
