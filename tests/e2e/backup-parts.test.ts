/**
 * A backup in parts (a zip) in a real Chromium, through the import dialog: the dialog shows which
 * part it is checking, then what the file holds, and imports it; a second import finds nothing to
 * do. A backup with a missing or changed part is refused with what is wrong, and nothing lands.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBackupArchive } from '../../src/lib/storage/backup-archive';
import { axeViolations } from '../support/axe';
import { openApp, openImportDialog, type E2EApp } from '../support/e2e';
import { largeBackup } from '../support/large-backup';
import { rawRecords } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const dir = mkdtempSync(path.join(tmpdir(), 'e2e-backup-parts-'));
/** 260 assessments of 130 subjects: the subjects and two parts, three steps to check. */
let whole: string;
let missing: string;
let changed: string;

beforeAll(async () => {
	const archive = await buildBackupArchive(largeBackup(260));
	const edited = (edit: (entries: Record<string, Uint8Array>) => void) => {
		const entries = unzipSync(archive);
		edit(entries);
		return zipSync(entries);
	};
	whole = path.join(dir, '数字经济自评估-备份.zip');
	missing = path.join(dir, '缺少部分.zip');
	changed = path.join(dir, '改动过.zip');
	writeFileSync(whole, archive);
	writeFileSync(
		missing,
		edited((x) => delete x['assessments-0002.json'])
	);
	writeFileSync(
		changed,
		edited((x) => {
			const text = new TextDecoder().decode(x['assessments-0001.json']);
			x['assessments-0001.json'] = strToU8(
				text.replace('"period": "2021年度"', '"period": "2020年度"')
			);
		})
	);
});

/** Every text the dialog's status line shows while the file is read, in order. */
async function recordStatus(page: Page) {
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { statusSeen: string[] }).statusSeen = seen;
		new MutationObserver(() => {
			const status = document.querySelector('dialog [role=status]');
			const progress = document.querySelector('dialog progress');
			const text = `${status?.textContent?.trim() ?? ''}${progress ? ` [${progress.getAttribute('value')}/${progress.getAttribute('max')}]` : ''}`;
			if (text && seen.at(-1) !== text) seen.push(text);
		}).observe(document.body, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
}

const statusSeen = (page: Page) =>
	page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);

const storedKeys = async (page: Page) => Object.keys(await rawRecords(page)).sort();

describe('a backup in parts', () => {
	it('shows its progress part by part, imports it, and finds it unchanged the second time', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await openImportDialog(page, '导入文件');
		await recordStatus(page);
		await page.locator('dialog input[type=file]').setInputFiles(whole);
		await page.getByText('文件包含 130 个评估对象、260 次评估。').waitFor({ timeout: 60_000 });
		const seen = await statusSeen(page);
		expect(seen).toEqual(
			expect.arrayContaining([
				'正在检查备份的第 1 / 3 部分… [1/3]',
				'正在检查备份的第 2 / 3 部分… [2/3]'
			])
		);
		await page.locator('dialog').getByRole('button', { name: '导入', exact: true }).click();
		await page
			.getByText('已导入 130 个对象、260 次评估；跳过 0 项，0 项与本设备相同未变。')
			.waitFor({ timeout: 60_000 });
		const keys = await storedKeys(page);
		expect(keys.filter((k) => k.startsWith('assessment:'))).toHaveLength(260);
		expect(keys.filter((k) => k.startsWith('subject:'))).toHaveLength(130);

		await openImportDialog(page, '导入文件');
		await page.locator('dialog input[type=file]').setInputFiles(whole);
		await page.getByText('文件中的内容与本设备完全相同，无需导入。').waitFor({ timeout: 60_000 });
		expect(await storedKeys(page)).toEqual(keys);
	});

	it('is refused with what to do when a part is missing or was changed, and nothing is written', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await openImportDialog(page, '导入文件');
		const alert = page.locator('dialog [role=alert]');
		await page.locator('dialog input[type=file]').setInputFiles(missing);
		await expect(alert.textContent({ timeout: 60_000 })).resolves.toBe(
			'备份“缺少部分.zip”缺少部分“assessments-0002.json”，未导入任何内容。请使用导出时得到的完整备份文件，不要解压后再重新压缩。'
		);
		expect(await axeViolations(page, 'dialog')).toEqual([]);
		await page.locator('dialog input[type=file]').setInputFiles(changed);
		await page
			.locator('dialog [role=alert]', { hasText: '改动过.zip' })
			.waitFor({ timeout: 60_000 });
		await expect(alert.textContent()).resolves.toBe(
			'备份“改动过.zip”中的部分“assessments-0001.json”已损坏（内容与备份清单记录的不一致），未导入任何内容。请重新复制或重新导出备份文件。'
		);
		await expect(
			page.locator('dialog').getByRole('button', { name: '导入', exact: true }).isDisabled()
		).resolves.toBe(true);
		expect((await storedKeys(page)).filter((k) => !k.startsWith('meta:'))).toEqual([]);
	});
});
