/**
 * Two tabs on one assessment, in a real browser: an import that replaces the assessment tells
 * the open tab, which then never saves over the imported content; and what that tab holds on
 * screen — including notes typed after the banner appeared — is exported intact.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { openApp, openImportDialog, type E2EApp } from '../support/e2e';
import { createCity, rawRecords, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-stale-'));

async function saveDownload(page: Page, click: () => Promise<void>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const file = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(file);
	return file;
}

const levelRadio = (page: Page, level: number) =>
	page.locator('article.indicator').first().locator(`input[type=radio][value="${level}"]`);

describe('an open tab when an import replaces its assessment', () => {
	it('is told, never saves over the import, and exports what it holds including later notes', async () => {
		app = await openApp();
		const { page } = app;
		const subjectUrl = await createCity(page, app.url, '两个窗口的市');
		// Left as created (revision 1): the revision a replaced record used to fall back to.
		const id = await startAssessment(page);

		// An edited copy of the assessment, as a colleague would send it back.
		await page.goto(subjectUrl);
		const exported = await saveDownload(page, () =>
			page.getByRole('button', { name: '导出', exact: true }).click()
		);
		const edited = JSON.parse(readFileSync(exported, 'utf8')) as Assessment;
		edited.narrative = '同事修改后的总体评价';
		const editedFile = path.join(scratch, 'edited.json');
		writeFileSync(editedFile, JSON.stringify(edited));

		// A second tab is filling in the assessment.
		const stale = await app.context.newPage();
		await stale.goto(`${app.url}/assess/?id=${encodeURIComponent(id)}`);
		await stale.getByTestId('save-state').waitFor();

		// The first tab imports the edited copy over it.
		await page.goto(`${app.url}/assessments/`);
		await openImportDialog(page, '导入文件');
		await page.locator('dialog input[type=file]').setInputFiles(editedFile);
		await page.getByRole('radio', { name: /^用导入的记录替换/ }).check();
		await page.locator('dialog').getByRole('button', { name: '导入', exact: true }).click();
		await page.getByText(/已导入/).waitFor();
		const imported = (await rawRecords(page))[`assessment:${id}`]!;
		expect(imported).toContain('同事修改后的总体评价');

		// The open tab shows the banner without reloading.
		await stale.getByText('此评估已在另一个窗口中更新。').first().waitFor();

		// Typing there is kept on screen but never saved over the import.
		const note = stale.locator('article.indicator').first().locator('textarea');
		await note.fill('横幅出现后输入的备注');
		await note.blur();
		await stale.getByRole('button', { name: '把当前内容导出为文件' }).waitFor();
		await note.fill('横幅出现后输入的备注，又补充了一句');
		await levelRadio(stale, 3).check();
		expect((await rawRecords(page))[`assessment:${id}`]).toBe(imported);

		const onScreen = JSON.parse(
			readFileSync(
				await saveDownload(stale, () =>
					stale.getByRole('button', { name: '把当前内容导出为文件' }).click()
				),
				'utf8'
			)
		) as Assessment;
		const first = Object.values(onScreen.answers).find((a) => a.note);
		expect(first?.note).toBe('横幅出现后输入的备注，又补充了一句');
		expect(first?.level).toBe(3);
		expect((await rawRecords(page))[`assessment:${id}`]).toBe(imported);
	});
});
