/**
 * Filling a compliance check (a legal duty) and seeing it on the results page, first and apart
 * from the maturity score. The shipped rubrics gain their compliance checks with version 1.1, so
 * this test serves the city rubric with two checks added (the app bundles rubrics as modules).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const legal = (zh: string, en: string, article: string, articleEn: string) => ({
	title: { zh, en },
	article: { zh: article, en: articleEn },
	cite: { node: 'c03.p2.2' }
});
const CHECKS = [
	{
		id: 'dsl-officer',
		title: { zh: '数据安全负责人', en: 'Data-security officer' },
		requirement: { zh: '明确数据安全负责人和管理机构', en: 'A named data-security officer' },
		evidence: { zh: '任命文件', en: 'The appointment' },
		legalSource: legal(
			'《中华人民共和国数据安全法》',
			'Data Security Law',
			'第二十七条',
			'Article 27'
		),
		binds: { zh: '重要数据的处理者', en: 'Processors of important data' },
		responsible: ['gov']
	},
	{
		id: 'vuln-channel',
		title: { zh: '漏洞接收渠道', en: 'Vulnerability channel' },
		requirement: { zh: '建立网络产品安全漏洞接收渠道', en: 'A channel for vulnerability reports' },
		evidence: { zh: '渠道记录', en: 'Records' },
		legalSource: legal(
			'《网络产品安全漏洞管理规定》',
			'Vulnerability Provisions',
			'第六条',
			'Article 6'
		),
		binds: { zh: '网络运营者', en: 'Network operators' },
		responsible: ['miit']
	}
];

/** A browser context whose city rubric module carries CHECKS; resolves how many were patched. */
async function contextWithChecks(a: E2EApp) {
	// The service worker would answer from its cache, out of reach of request routing.
	const context = await a.browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
	let patched = 0;
	await context.route(/\.js(\?.*)?$/, async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (!body.includes('gd-city-readiness') || !/\bcompliance:\[\]/.test(body))
			return route.fulfill({ response, body });
		patched++;
		return route.fulfill({
			response,
			body: body.replace(/\bcompliance:\[\]/, `compliance:${JSON.stringify(CHECKS)}`)
		});
	});
	return { page: await context.newPage(), patched: () => patched };
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** WCAG 2.1 AA problems axe finds inside one part of the page. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async (include) => {
		type Axe = {
			run: (
				ctx: object,
				opts: object
			) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
		};
		const { violations } = await (window as unknown as { axe: Axe }).axe.run(
			{ include: [[include]] },
			{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
		);
		return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	}, selector);
}

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
		const { page, patched } = await contextWithChecks(app);
		await openSampleAssessment(page, app.url);
		expect(patched()).toBeGreaterThan(0);

		// The duties come first, in their own section.
		const section = page.getByRole('region', { name: '合规检查（必须项）' });
		await section.waitFor();
		const duty = section.getByRole('article', { name: '数据安全负责人' });
		await expect(duty.getByText('《中华人民共和国数据安全法》第二十七条').count()).resolves.toBe(1);
		await duty.getByLabel('未满足').check();
		await duty.getByLabel('说明').fill('负责人尚未任命。');
		// Keyboard: focus the other duty's choices and pick "met" with arrow keys.
		const other = section.getByRole('article', { name: '漏洞接收渠道' });
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
		await expect(duty.getByLabel('说明').inputValue()).resolves.toBe('负责人尚未任命。');

		await page.getByRole('link', { name: '查看结果' }).click();
		await page.waitForURL(/\/results\/\?id=/);
		const status = page.getByRole('region', { name: /合规状态/ });
		await status.waitFor();
		await expect(page.getByTestId('compliance-overall').textContent()).resolves.toContain(
			'1 项法定义务未满足'
		);
		const unmet = status.getByRole('listitem');
		await expect(unmet.textContent()).resolves.toMatch(
			/数据安全负责人.*明确数据安全负责人和管理机构.*《中华人民共和国数据安全法》第二十七条.*本级人民政府.*负责人尚未任命。/s
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
