/**
 * One damaged and one newer record on the device, in a real browser, in Chinese and English:
 * export everything, export a subject, export one assessment, import and benchmark all work on
 * the readable records and say in the interface language what was left out; the raw values are
 * saved beside the backup; the unreadable records stay as stored; the backup restores on a fresh
 * profile.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, openImportDialog, type E2EApp } from '../support/e2e';
import { createCity, rawPut, rawRecords, savedState, startAssessment } from './safety-helpers';

const apps: E2EApp[] = [];
afterEach(async () => {
	for (const app of apps.splice(0)) await app.close();
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-partial-'));

const words = {
	zh: {
		exportAll: '导出全部数据',
		exportSubject: '导出该对象及历次评估',
		exportOne: '导出',
		import: '导入文件',
		confirm: '导入',
		keepBoth: /^两者都保留/,
		damagedCount: '有 1 条记录已损坏',
		newerCount: '有 1 条记录由更新版本的应用保存',
		exportedPartly: /已导出“.+”，但其中未包含 2 条无法读取的记录/,
		subjectPartly: /已导出“.+”，但其中未包含 1 条无法读取的记录/,
		exported: /已导出“[^”]+”。/,
		damagedSubject: '评估对象记录“damaged”已损坏，无法读取',
		imported: /已导入 1 个对象/
	},
	en: {
		exportAll: 'Export all data',
		exportSubject: 'Export this subject with its assessments',
		exportOne: 'Export',
		import: 'Import file',
		confirm: 'Import',
		keepBoth: /^Keep both/,
		damagedCount: '1 record(s) are damaged',
		newerCount: '1 record(s) were saved by a newer version',
		exportedPartly: /Exported “.+”, without 2 record\(s\) that cannot be read/,
		subjectPartly: /Exported “.+”, without 1 record\(s\) that cannot be read/,
		exported: /Exported “[^”]+”\./,
		damagedSubject: 'Subject record “damaged” is damaged and cannot be read',
		imported: /Imported 1 subjects/
	}
} as const;

/** Clicks a button and saves every download it causes (the backup, and the raw data beside it). */
async function downloadsOf(page: Page, count: number, click: () => Promise<void>) {
	const downloads: Download[] = [];
	const done = new Promise<void>((resolve) => {
		const on = (d: Download) => {
			downloads.push(d);
			if (downloads.length === count) {
				page.off('download', on);
				resolve();
			}
		};
		page.on('download', on);
	});
	await click();
	await done;
	return Promise.all(
		downloads.map(async (d) => {
			const file = path.join(scratch, `${Date.now()}-${d.suggestedFilename()}`);
			await d.saveAs(file);
			return { name: d.suggestedFilename(), file, text: readFileSync(file, 'utf8') };
		})
	);
}

async function useLanguage(page: Page, base: string, lang: 'zh' | 'en') {
	if (lang === 'zh') return;
	await page.goto(`${base}/settings/`);
	await page.getByRole('radio', { name: 'English' }).check();
}

describe.each(['zh', 'en'] as const)('a damaged and a newer record (%s)', (lang) => {
	const w = words[lang];
	it('leave every export, import and the benchmark working, say so, and stay as stored', async () => {
		const app = await openApp();
		apps.push(app);
		const { page } = app;
		const subjectUrl = await createCity(page, app.url, '可以打开的市');
		const subjectId = new URL(subjectUrl).searchParams.get('id')!;
		await startAssessment(page);
		await page.locator('article.indicator').first().locator('input[type=radio][value="2"]').check();
		await savedState(page);
		await rawPut(page, 'subject:damaged', { schemaVersion: 1, id: 'damaged', name: 42 });
		await rawPut(page, 'assessment:from-the-future', {
			schemaVersion: 99,
			revision: 3,
			assessment: { id: 'from-the-future', subject: { id: subjectId } },
			addedInVersion99: true
		});
		const before = await rawRecords(page);
		await useLanguage(page, app.url, lang);

		// Export everything: the backup and, beside it, the raw data of what it could not hold.
		await page.goto(`${app.url}/assessments/`);
		const notice = page.getByTestId('unreadable-records').first();
		await expect(notice.textContent()).resolves.toContain(w.damagedCount);
		const [backup, raw] = await downloadsOf(page, 2, () =>
			page.getByRole('button', { name: w.exportAll, exact: true }).click()
		);
		await expect(page.getByText(w.exportedPartly).textContent()).resolves.toBeTruthy();
		const saved = JSON.parse(backup!.text) as {
			subjects: { name: string }[];
			assessments: unknown[];
		};
		expect(saved.subjects.map((s) => s.name)).toEqual(['可以打开的市']);
		expect(saved.assessments).toHaveLength(1);
		const rawFile = JSON.parse(raw!.text) as { records: { key: string; value: unknown }[] };
		expect(
			Object.fromEntries(rawFile.records.map((r) => [r.key, JSON.stringify(r.value)]))
		).toEqual({
			'subject:damaged': before['subject:damaged'],
			'assessment:from-the-future': before['assessment:from-the-future']
		});

		// The subject: both exports work and say what was left out.
		await page.goto(subjectUrl);
		await downloadsOf(page, 2, () => page.getByRole('button', { name: w.exportSubject }).click());
		await page.getByText(w.subjectPartly).waitFor();
		await downloadsOf(page, 1, () =>
			page.getByRole('button', { name: w.exportOne, exact: true }).click()
		);
		await page.getByText(w.exported).waitFor();

		// The damaged subject's own page says what is wrong in the interface language.
		await page.goto(`${app.url}/subject/?id=damaged`);
		await expect(page.getByTestId('unreadable-records').textContent()).resolves.toContain(
			w.damagedSubject
		);

		// The benchmark works, and names what it left out.
		await page.goto(`${app.url}/benchmark/?subject=${encodeURIComponent(subjectId)}`);
		await expect(page.getByTestId('unreadable-records').textContent()).resolves.toContain(
			w.damagedCount
		);

		// An import on this device works (as a copy) and changes neither unreadable record.
		await page.goto(`${app.url}/assessments/`);
		const renamed = path.join(scratch, `renamed-${lang}.json`);
		const edited = JSON.parse(backup!.text) as { subjects: { name: string }[] };
		edited.subjects[0]!.name = '改过名的市';
		await import('node:fs').then((fs) => fs.writeFileSync(renamed, JSON.stringify(edited)));
		await openImportDialog(page, w.import);
		await page.locator('dialog input[type=file]').setInputFiles(renamed);
		await page.getByRole('radio', { name: w.keepBoth }).check();
		await page.locator('dialog').getByRole('button', { name: w.confirm, exact: true }).click();
		await page.getByText(w.imported).waitFor();
		const after = await rawRecords(page);
		for (const key of ['subject:damaged', 'assessment:from-the-future'])
			expect(after[key], key).toBe(before[key]);

		// The backup restores on a fresh profile.
		const fresh = await openApp();
		apps.push(fresh);
		await useLanguage(fresh.page, fresh.url, lang);
		await fresh.page.goto(`${fresh.url}/assessments/`);
		await openImportDialog(fresh.page, w.import);
		await fresh.page.locator('dialog input[type=file]').setInputFiles(backup!.file);
		await fresh.page
			.locator('dialog')
			.getByRole('button', { name: w.confirm, exact: true })
			.click();
		await fresh.page.getByText(w.imported).waitFor();
		await fresh.page.getByRole('link', { name: '可以打开的市' }).waitFor();
	});
});
