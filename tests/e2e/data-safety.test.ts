/**
 * Nothing lost, in a real browser: records from a newer app or damaged records are refused and
 * left exactly as stored while the rest stays usable; a save interrupted by a killed tab leaves the
 * previous good state; Settings asks for persistent storage, shows storage use, and wipes the
 * device only after a typed confirmation, with an offer to export first.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from '../support/e2e';
import { createCity, rawPut, rawRecords, savedState, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-safety-'));

const fixture = (name: string) =>
	JSON.parse(readFileSync(path.resolve('tests/fixtures/storage/v1', name), 'utf8')) as Record<
		string,
		unknown
	>;

const levelRadio = (page: Page, indicator: number, level: number) =>
	page.locator('article.indicator').nth(indicator).locator(`input[type=radio][value="${level}"]`);

describe('records this app cannot read', () => {
	it('are reported on the subjects page, listed apart from the others and never changed', async () => {
		app = await openApp();
		const { page } = app;
		await createCity(page, app.url, '可以打开的市');
		const newer = {
			...fixture('subject.json'),
			id: 'from-the-future',
			name: '新版本保存的市',
			schemaVersion: 99,
			addedInVersion99: { tiers: ['a', 'b'] }
		};
		const corrupt = { schemaVersion: 1, id: 'damaged', name: 42 };
		await rawPut(page, 'subject:from-the-future', newer);
		await rawPut(page, 'subject:damaged', corrupt);
		await rawPut(page, 'meta:app', { schemaVersion: 99, somethingNew: true });
		const before = await rawRecords(page);

		await page.goto(`${app.url}/assessments/`);
		const notice = page.getByTestId('unreadable-records');
		await notice.waitFor();
		const text = await notice.textContent();
		expect(text).toContain('有 2 条记录由更新版本的应用保存');
		expect(text).toContain('有 1 条记录已损坏');
		expect(text).toContain('保持原样');
		// The readable subject is still listed and can be opened.
		await page.getByRole('link', { name: '可以打开的市' }).click();
		await page.waitForURL(/\/subject\/\?id=/);
		await page.getByRole('heading', { name: '可以打开的市' }).waitFor();

		// Opening the newer subject directly says so, in the interface language, and changes nothing.
		await page.goto(`${app.url}/subject/?id=from-the-future`);
		await expect(page.getByTestId('unreadable-records').textContent()).resolves.toMatch(
			/评估对象记录“from-the-future”由更新版本的应用保存（数据格式 99）/
		);
		for (const p of ['/assessments/', '/settings/', '/compare/']) await page.goto(`${app.url}${p}`);
		await page.goto(`${app.url}/assessments/`);
		await notice.waitFor();
		const after = await rawRecords(page);
		for (const key of ['subject:from-the-future', 'subject:damaged', 'meta:app'])
			expect(after[key], key).toBe(before[key]);
	});
});

describe('an interrupted save', () => {
	it('leaves the previous good state when the tab is killed mid-save, and keeps the typing', async () => {
		app = await openApp();
		const { page } = app;
		await createCity(page, app.url, '断电市');
		const assessmentId = await startAssessment(page);
		await levelRadio(page, 0, 2).check();
		await savedState(page);
		const good = await rawRecords(page);
		const key = `assessment:${assessmentId}`;
		expect(JSON.parse(good[key]!).revision).toBe(2);

		// The next save writes the assessment, then stalls before the subject summary is written:
		// the transaction stays open, as a slow disk would keep it, until the tab dies.
		await page.evaluate(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (
				this: IDBObjectStore,
				value: unknown,
				k?: IDBValidKey
			) {
				const request = put.call(this, value, k);
				if (typeof k === 'string' && k.startsWith('subject:')) {
					const keepOpen = () => {
						this.get('keep-open').onsuccess = keepOpen;
					};
					keepOpen();
					(window as unknown as { saveInFlight: boolean }).saveInFlight = true;
					return {} as IDBRequest<IDBValidKey>;
				}
				return request;
			};
		});
		await levelRadio(page, 0, 4).check();
		await page.waitForFunction(
			() => (window as unknown as { saveInFlight?: boolean }).saveInFlight === true
		);
		await expect(page.getByTestId('save-state').textContent()).resolves.not.toContain('已保存');

		// Kill the tab's renderer process, as a crash or a killed browser would.
		const crashed = page.waitForEvent('crash');
		const cdp = await app.context.newCDPSession(page);
		cdp.send('Page.crash').catch(() => undefined);
		await crashed;

		const next = await app.context.newPage();
		await next.goto(`${app.url}/settings/`);
		const after = await rawRecords(next);
		// The whole interrupted save is gone: the assessment and its subject are as they were.
		expect(after[key]).toBe(good[key]);
		for (const k of Object.keys(good)) expect(after[k], k).toBe(good[k]);

		// The change itself was kept in the write-ahead draft and is saved on the next visit.
		await next.goto(`${app.url}/assess/?id=${assessmentId}`);
		await next.locator('article.indicator').first().waitFor();
		await expect(levelRadio(next, 0, 4).isChecked()).resolves.toBe(true);
		await savedState(next);
		expect(JSON.parse((await rawRecords(next))[key]!).revision).toBe(3);
	});
});

describe('Settings: data on this device', () => {
	it('asks the browser to keep the data, explains it, and shows whether it was granted', async () => {
		app = await openApp();
		const { page } = app;
		await page.addInitScript(() => {
			let granted = false;
			Object.defineProperty(navigator.storage, 'persisted', {
				value: () => Promise.resolve(granted)
			});
			Object.defineProperty(navigator.storage, 'persist', {
				value: () => {
					granted = (window as unknown as { grant?: boolean }).grant === true;
					return Promise.resolve(granted);
				}
			});
		});
		await page.goto(`${app.url}/settings/`);
		const state = page.getByTestId('persist-state');
		await state.filter({ hasText: '尚未开启' }).waitFor();
		await page.getByText('磁盘空间不足时，浏览器可能自行清除网站数据').waitFor();
		await page.getByRole('button', { name: '在本设备上保留数据' }).click();
		await state.filter({ hasText: '未获同意' }).waitFor();
		await page.evaluate(() => ((window as unknown as { grant: boolean }).grant = true));
		await page.getByRole('button', { name: '在本设备上保留数据' }).click();
		await state.filter({ hasText: '已开启' }).waitFor();
	});

	it('calls the real navigator.storage.persist() and reports its answer', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/settings/`);
		await page.getByRole('button', { name: '在本设备上保留数据' }).click();
		const expected = await page.evaluate(() => navigator.storage.persisted());
		await page
			.getByTestId('persist-state')
			.filter({ hasText: expected ? '已开启' : '未获同意' })
			.waitFor();
	});

	it('shows how much storage the app uses, and how much it may use', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/settings/`);
		const usage = page.getByTestId('storage-usage');
		await usage.filter({ hasText: '已使用' }).waitFor();
		const { usage: used, quota } = await page.evaluate(() => navigator.storage.estimate());
		const text = (await usage.textContent())!;
		expect(text).toMatch(/已使用 [\d.]+ (B|KB|MB|GB)/);
		expect(text).toMatch(/上限约为 [\d.]+ (MB|GB)/);
		expect(quota).toBeGreaterThan(used ?? 0);
		const max = Number(await page.locator('meter').getAttribute('max'));
		expect(Math.abs(max - quota!) / quota!).toBeLessThan(0.01);
	});

	it('wipes everything only after the word is typed, offering an export first', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		// A draft of unsaved typing and the language choice are in localStorage too.
		await page.evaluate(() => {
			localStorage.setItem('gd-assess.draft.x', '{"assessment":{"narrative":"未保存的意见"}}');
			localStorage.setItem('gd-assess.locale', 'zh');
		});
		await page.goto(`${app.url}/settings/`);
		await page.getByText('您还没有导出过备份').waitFor();

		// Export first: a complete backup is downloaded.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '先导出全部数据' }).click()
		]);
		const file = path.join(scratch, download.suggestedFilename());
		await download.saveAs(file);
		expect(JSON.parse(readFileSync(file, 'utf8')).assessments).toHaveLength(2);
		await page.getByText('上次导出备份').waitFor();

		const wipe = page.getByRole('button', { name: '永久清除全部数据' });
		const confirm = page.getByLabel('确认清除：请输入“删除”');
		await expect(wipe.isDisabled()).resolves.toBe(true);
		for (const wrong of ['删', 'delete', '清除', 'yes']) {
			await confirm.fill(wrong);
			await expect(wipe.isDisabled()).resolves.toBe(true);
		}
		await confirm.press('Enter');
		expect(Object.keys(await rawRecords(page)).length).toBeGreaterThan(2);

		await confirm.fill('删除');
		await wipe.click();
		await page.getByText('已清除本设备上的全部数据。').waitFor();
		expect(await rawRecords(page)).toEqual({});
		const kept = await page.evaluate(() => Object.keys(localStorage).sort());
		expect(kept).toEqual(['gd-assess.locale']);
		await page.goto(`${app.url}/assessments/`);
		await page.getByText('三步开始').waitFor();

		// The English word works in the English interface.
		await page.goto(`${app.url}/settings/`);
		await page.getByRole('radio', { name: 'English' }).check();
		await page.getByLabel('To confirm, type “DELETE”').fill('DELETE');
		await expect(
			page.getByRole('button', { name: 'Permanently wipe all data' }).isDisabled()
		).resolves.toBe(false);
	});
});
