/** Shared steps of the data-safety end-to-end tests (not a test file itself). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Every prerendered page of the built app, as a path such as "/assessments/". */
export function appPages(): string[] {
	const root = path.resolve('build');
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const file = path.join(dir, name);
			if (statSync(file).isDirectory()) return name === '_app' ? [] : walk(file);
			return name === 'index.html'
				? [`/${path.relative(root, dir).split(path.sep).join('/')}`]
				: [];
		});
	return walk(root)
		.map((p) => (p === '/' ? p : `${p}/`))
		.sort();
}

/** The URL of a page for a subject and one of its assessments (pages ignore ids they do not use). */
export function pageUrl(base: string, page: string, ids: { subject: string; assessment: string }) {
	if (page === '/subject/') return `${base}${page}?id=${encodeURIComponent(ids.subject)}`;
	if (page === '/' || page === '/subject/new/') return `${base}${page}`;
	return `${base}${page}?id=${encodeURIComponent(ids.assessment)}`;
}

/** Creates a city through the interface and returns the subject page's URL. */
export async function createCity(page: Page, base: string, name: string, note = '') {
	await page.goto(`${base}/subject/new/`);
	await page.getByLabel('名称').fill(name);
	await page.getByLabel('地级以上市').check();
	await page.getByLabel('珠三角其他地市').check();
	if (note) await page.getByLabel('说明').fill(note);
	await page.getByRole('button', { name: '保存' }).click();
	await page.waitForURL(/\/subject\/\?id=/);
	return page.url();
}

/** Starts an assessment from the subject page and waits for the filling page. */
export async function startAssessment(page: Page, period?: string, assessor?: string) {
	if (period !== undefined) await page.getByLabel('评估期间').fill(period);
	if (assessor !== undefined) await page.getByLabel('评估人').fill(assessor);
	await page.getByRole('button', { name: '创建并开始填写' }).click();
	await page.waitForURL(/\/assess\/\?id=/);
	await page.getByTestId('save-state').waitFor();
	return new URL(page.url()).searchParams.get('id')!;
}

export const savedState = (page: Page) =>
	page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();

/** Every stored record (evidence files excepted) as JSON text, read straight from IndexedDB. */
export function rawRecords(page: Page): Promise<Record<string, string>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, string>>((resolve, reject) => {
				const open = indexedDB.open('gd-digital-economy');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('records')) return resolve({});
					const store = db.transaction('records').objectStore('records');
					const out: Record<string, string> = {};
					const cursor = store.openCursor();
					cursor.onerror = () => reject(cursor.error);
					cursor.onsuccess = () => {
						const c = cursor.result;
						if (!c) {
							db.close();
							return resolve(out);
						}
						if (!(c.value instanceof Blob)) out[String(c.key)] = JSON.stringify(c.value);
						c.continue();
					};
				};
			})
	);
}

/** Writes one record straight into IndexedDB, as another version of the app might have. */
export function rawPut(page: Page, key: string, value: unknown): Promise<void> {
	return page.evaluate(
		([k, v]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('gd-digital-economy');
				open.onupgradeneeded = () => open.result.createObjectStore('records');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('records', 'readwrite');
					tx.objectStore('records').put(v, k);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		[key, value] as const
	);
}

/** A second prefecture-level city with one answer: a peer of the sample city in the benchmark. */
export async function addComparableCity(page: Page, base: string, name = '对照市') {
	await createCity(page, base, name);
	await startAssessment(page);
	await page.locator('article.indicator').first().locator('input[type=radio][value="2"]').click();
	await savedState(page);
}
