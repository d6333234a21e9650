/**
 * A 1.0 assessment carried into the current rubric version in a real browser, and compared
 * across the two versions with the compared share — the same share the CLI reports for the same
 * two files. Runs once the current city rubric is later than its archived 1.0.0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli as runCli } from '../cli/run-cli';
import { findRubricById } from '../../src/cli/rubric-files';
import { openApp, type E2EApp } from '../support/e2e';
import { fixturePath } from '../support/rubrics';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-versions-'));
const current = findRubricById('gd-city-readiness')!.version;

describe.skipIf(current === '1.0.0')('rubric versions in a real browser', () => {
	it('carries a 1.0 assessment into the current version and compares the two, with the compared share', async () => {
		app = await openApp();
		const { page } = app;
		const original = fixturePath('assessments', 'city-1.0.json');
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '导入文件' }).click();
		await page.locator('dialog input[type=file]').setInputFiles(original);
		await page.getByRole('button', { name: '导入', exact: true }).click();
		await page.getByText('已导入 1 个对象、1 次评估').waitFor();
		await page.getByRole('link', { name: '示例市' }).first().click();
		await page.waitForURL(/\/subject\/\?id=/);

		await page.getByRole('button', { name: `转入新版量表（${current}）` }).click();
		await page.getByText(`已按新版量表 ${current} 新建评估；原评估保持不变。`).waitFor();
		const rows = page.locator('table.data tbody tr');
		await expect(rows.count()).resolves.toBe(2);
		await expect(page.getByText('（量表 1.0.0）').count()).resolves.toBe(1);
		// Whatever did not move exactly waits on the review list, each with a way to settle it.
		const review = page.getByRole('region', { name: /转入新版量表：待确认事项/ });
		const items = review.locator('li[data-review]');
		for (let i = 0; i < (await items.count()); i++) {
			const item = items.nth(i);
			const action =
				(await item.getAttribute('data-review')) === 'proposed' ? '确认建议' : '已阅，移出列表';
			await expect(item.getByRole('button', { name: action }).isVisible()).resolves.toBe(true);
		}

		// Confirming a proposal writes it and takes it off the list.
		const proposed = items.filter({ has: page.getByRole('button', { name: '确认建议' }) });
		const before = await items.count();
		if ((await proposed.count()) > 0) {
			await proposed.first().getByRole('button', { name: '确认建议' }).click();
			await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(before - 1);
		}

		// Export the carried assessment (the row without the older version's note) for the CLI.
		const carriedRow = rows.filter({ hasNotText: '量表 1.0.0' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			carriedRow.getByRole('button', { name: '导出', exact: true }).click()
		]);
		const carried = path.join(scratch, 'carried.json');
		await download.saveAs(carried);
		const r = runCli(['compare', original, carried, '--json']);
		expect(r.err).toBe('');
		const cli = JSON.parse(r.out);
		expect(cli.sameRubricVersion).toBe(false);
		const share = `${Math.round(cli.comparedShare * 100)}%`;

		await page.getByRole('link', { name: '对比', exact: true }).first().click();
		await page.waitForURL(/\/compare\//);
		await page
			.getByLabel('较早的评估')
			.selectOption({ label: `2026年度 · 2026-01-01 · 量表 1.0.0` });
		await page
			.getByLabel('较晚的评估')
			.selectOption({ label: `2026年度 · 2026-01-01 · 量表 ${current}` });
		await page.getByText(share, { exact: false }).first().waitFor();
		const warning = await page.locator('.notice').filter({ hasText: '1.0.0' }).innerText();
		expect(warning).toContain(current);
		expect(warning).toContain(share);
		expect(warning).toContain(String(cli.sharedIndicatorCount));
	});
});
