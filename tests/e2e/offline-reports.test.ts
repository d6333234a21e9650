import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportPackIndex } from '../../src/lib/report-pack';
import {
	openApp,
	openSampleResults,
	waitForServiceWorkerControl,
	type E2EApp
} from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const BUILD = path.resolve('build');
const ASSETS = path.join(BUILD, '_app/immutable/assets');
const CHUNKS = path.join(BUILD, '_app/immutable/chunks');

function packIndex(): ReportPackIndex {
	const name = readdirSync(ASSETS).find((f) => /^report-pack\.[\w-]+\.json$/.test(f));
	if (!name) throw new Error('the build has no report-pack index');
	return JSON.parse(readFileSync(path.join(ASSETS, name), 'utf8')) as ReportPackIndex;
}

/** Every URL path this origin's caches hold. */
const cachedPaths = (app: E2EApp) =>
	app.page.evaluate(async () => {
		const paths: string[] = [];
		for (const key of await caches.keys())
			for (const request of await (await caches.open(key)).keys())
				paths.push(new URL(request.url).pathname);
		return paths;
	});

describe('offline reports pack', () => {
	it('is left out of the first visit: the precache holds the whole app but no export code or report font', async () => {
		// Found by content, not by the build's own list: the libraries that write the files.
		const byContent = (needle: string) =>
			readdirSync(CHUNKS).filter((f) =>
				readFileSync(path.join(CHUNKS, f), 'utf8').includes(needle)
			);
		const exportCode = [
			...byContent('jsPDF'),
			...byContent('exceljs'),
			...byContent('html2canvas')
		];
		expect(exportCode.length).toBeGreaterThanOrEqual(3);
		const wasm = readdirSync(ASSETS).filter((f) => f.endsWith('.wasm'));
		expect(wasm.length).toBe(2);

		const index = packIndex();
		const inPack = new Set(index.files.map((f) => f.path));
		for (const f of exportCode) expect(inPack, f).toContain(`_app/immutable/chunks/${f}`);
		for (const f of wasm) expect(inPack, f).toContain(`_app/immutable/assets/${f}`);
		for (const font of [
			'fonts/ReportSong-UMingCN.ttf',
			'fonts/ReportHei-WQYMicroHei.ttf',
			'fonts/ReportLatin-NotoSerif.ttf',
			'fonts/on-demand/ReportFallback-WQYMicroHei.ttf'
		])
			expect(inPack).toContain(font);

		app = await openApp();
		await app.page.goto(`${app.url}/results/`);
		await waitForServiceWorkerControl(app.page);
		const cached = new Set(await cachedPaths(app));
		const appFiles = readdirSync(path.join(BUILD, '_app/immutable'), { recursive: true })
			.map((f) => `_app/immutable/${String(f).split(path.sep).join('/')}`)
			.filter((f) => /\.(js|css|wasm|json)$/.test(f));
		for (const file of appFiles)
			if (inPack.has(file)) expect(cached, file).not.toContain(`/${file}`);
			else expect(cached, file).toContain(`/${file}`);
		for (const font of inPack)
			if (font.startsWith('fonts/')) expect(cached).not.toContain(`/${font}`);
	});

	it('offline without it, an export says what is missing and what to do; Settings makes it available and frees it', async () => {
		app = await openApp();
		const { page, context } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		await openSampleResults(app);
		const overall = await page.getByTestId('summary').textContent();

		await context.setOffline(true);
		await page.locator('details.answer-workbook > summary').click();
		for (const [button, what] of [
			['导出PDF报告', 'PDF报告'],
			['导出Word报告', 'Word报告'],
			['导出Excel工作簿', 'Excel工作簿']
		] as const) {
			await page.getByRole('button', { name: button }).click();
			const alert = page.getByRole('alert').filter({ hasText: what });
			await alert.waitFor();
			const text = (await alert.textContent())!;
			expect(text).toContain('还没有保存在本设备上');
			expect(text).toContain('请联网后再试一次');
			expect(text).toContain('让报告也能离线使用');
			expect(text).not.toMatch(/TypeError|at \w+ \(|HTTP \d/);
			await alert.getByRole('button', { name: '关闭提示' }).click();
		}
		// Nothing lost: the results are still there, and still there after an offline reload.
		expect(await page.getByTestId('summary').textContent()).toBe(overall);
		await page.reload();
		await page.getByTestId('summary').waitFor();
		expect(await page.getByTestId('summary').textContent()).toBe(overall);

		// Settings says what is kept for offline reports; online again, it downloads all of it.
		await context.setOffline(false);
		await page.goto(`${app.url}/settings/`);
		const section = page.getByTestId('report-pack');
		const rows = section.locator('tbody tr');
		await rows.first().waitFor();
		expect(await rows.count()).toBeGreaterThanOrEqual(5);
		for (const row of await rows.all()) expect(await row.textContent()).toContain('未保存');
		await expect
			.poll(() => section.getByTestId('report-pack-total').textContent())
			.toMatch(/^共 \d+\.\d MB，已保存在本设备上 0 B。$/);
		await Promise.all([
			section.getByRole('progressbar', { name: '报告字体和导出程序的下载进度' }).waitFor(),
			section.getByRole('button', { name: '让报告也能离线使用' }).click()
		]);
		await section.getByText('已全部保存在本设备上').waitFor({ timeout: 60_000 });
		for (const row of await rows.all()) expect(await row.textContent()).toContain('✓ 已保存');
		const index = packIndex();
		const cached = new Set(await cachedPaths(app));
		for (const f of index.files) expect(cached, f.path).toContain(`/${f.path}`);

		// Now the exports work with no network at all.
		await context.setOffline(true);
		await app.stopServer();
		// Pages come from the service worker's cache.
		await openSampleResults(app, false);
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			page.getByRole('button', { name: '导出PDF报告' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.pdf$/);

		// Freeing the space deletes the pack and nothing else.
		await page.goto(`${app.url}/settings/`);
		await section.getByRole('button', { name: '释放空间' }).click();
		await section.getByText(/已从本设备删除报告字体和导出程序（\d+\.\d MB）/).waitFor();
		for (const row of await rows.all()) expect(await row.textContent()).toContain('未保存');
		const after = new Set(await cachedPaths(app));
		for (const f of index.files) expect(after, f.path).not.toContain(`/${f.path}`);
		expect(after).toContain('/results/');
	});
});
