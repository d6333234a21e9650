/**
 * “Keep both” in a real browser: the imported copy owns its own evidence file, so removing the
 * file from the copy leaves the original's file there, openable and exported with its bytes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, openImportDialog, type E2EApp } from '../support/e2e';
import { createCity, rawRecords, savedState, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-keep-both-'));

async function saveDownload(page: Page, click: () => Promise<void>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const file = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(file);
	return file;
}

const firstCard = (page: Page) => page.locator('article.indicator').first();

describe('“keep both” then deleting the copy’s file', () => {
	it('leaves the original’s file in place, openable and exported', async () => {
		app = await openApp();
		const { page } = app;
		const subjectUrl = await createCity(page, app.url, '保留两份的市');
		const original = await startAssessment(page);
		await firstCard(page)
			.locator('input[type=file]')
			.setInputFiles({
				name: '统计公报.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('原件的证据内容')
			});
		await firstCard(page).getByRole('button', { name: '统计公报.txt' }).waitFor();
		await savedState(page);

		await page.goto(subjectUrl);
		const backup = await saveDownload(page, () =>
			page.getByRole('button', { name: '导出该对象及历次评估' }).click()
		);
		// The assessment changes on the device, so the import conflicts with it.
		await page.goto(`${app.url}/assess/?id=${encodeURIComponent(original)}`);
		await firstCard(page).locator('input[type=radio][value="2"]').check();
		await savedState(page);

		await page.goto(`${app.url}/assessments/`);
		await openImportDialog(page, '导入文件');
		await page.locator('dialog input[type=file]').setInputFiles(backup);
		await page.getByRole('radio', { name: /^两者都保留/ }).check();
		await page.locator('dialog').getByRole('button', { name: '导入', exact: true }).click();
		await page.getByText(/已导入/).waitFor();
		const copy = Object.keys(await rawRecords(page))
			.filter((k) => k.startsWith('assessment:') && k !== `assessment:${original}`)
			.map((k) => k.slice('assessment:'.length))[0]!;

		// Remove the file from the copy.
		await page.goto(`${app.url}/assess/?id=${encodeURIComponent(copy)}`);
		await firstCard(page).getByRole('button', { name: '删除', exact: true }).click();
		await savedState(page);
		await expect(
			firstCard(page).getByRole('button', { name: '统计公报.txt' }).count()
		).resolves.toBe(0);

		// The original still opens its file, with its bytes.
		await page.goto(`${app.url}/assess/?id=${encodeURIComponent(original)}`);
		const opened = await saveDownload(page, () =>
			firstCard(page).getByRole('button', { name: '统计公报.txt' }).click()
		);
		expect(readFileSync(opened, 'utf8')).toBe('原件的证据内容');
		await page.goto(subjectUrl);
		const again = JSON.parse(
			readFileSync(
				await saveDownload(page, () =>
					page.getByRole('button', { name: '导出该对象及历次评估' }).click()
				),
				'utf8'
			)
		) as {
			assessments: { id: string; answers: Record<string, { evidence?: { dataUrl?: string }[] }> }[];
		};
		const kept = again.assessments.find((a) => a.id === original)!;
		const dataUrl = Object.values(kept.answers).flatMap((a) => a.evidence ?? [])[0]?.dataUrl;
		expect(Buffer.from(dataUrl!.split(',')[1]!, 'base64').toString('utf8')).toBe('原件的证据内容');
	});
});
