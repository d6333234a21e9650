import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorkerControl, type E2EApp } from '../support/e2e';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('app shell in a real browser', () => {
	it('keeps working with the network cut and the server stopped, once installed', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		await page.getByTestId('offline-ready').waitFor();

		await app.context.setOffline(true);
		await app.stopServer();
		await page.reload();
		await expect(page.locator('h1').textContent()).resolves.toContain('数字经济');

		for (const [name, path, heading] of [
			['评估', '/assessments/', '评估对象'],
			['对比', '/compare/', '对比'],
			['设置', '/settings/', '设置']
		] as const) {
			await page.getByRole('navigation').getByRole('link', { name }).click();
			// Wait for this page, not any page: the previous URL may match a looser pattern.
			await page.waitForURL((url) => url.pathname === path);
			await page.locator('main h1', { hasText: heading }).waitFor();
			await expect(page.locator('main h1').textContent()).resolves.toBe(heading);
		}
		// A full page load of a deep link also comes from the cache.
		await page.goto(`${app.url}/settings/`);
		await expect(page.locator('main h1').textContent()).resolves.toBe('设置');
	});

	it('requests nothing from any host other than 127.0.0.1', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		for (const path of ['/assessments/', '/compare/', '/settings/', '/'])
			await page.goto(`${app.url}${path}`);
		expect(app.requests.length).toBeGreaterThan(5);
		const foreign = app.requests.filter((u) => new URL(u).hostname !== '127.0.0.1');
		expect(foreign).toEqual([]);
	});

	it('remembers the English interface across reloads', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await page.getByRole('button', { name: '切换到英文界面' }).click();
		// The English messages load on the switch: wait for them before reading the heading.
		await page.getByRole('link', { name: 'Assessments' }).waitFor();
		await expect(page.locator('main h1').textContent()).resolves.toContain('self-assessment');
		await page.reload();
		await page.getByRole('link', { name: 'Assessments' }).waitFor();
		await expect(page.locator('main h1').textContent()).resolves.toContain('self-assessment');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
	});

	it('declares language, title, manifest and theme colour, and shows keyboard focus', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
		await expect(page.title()).resolves.toBe('数字经济发展水平自评估');
		const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await page.request.get(new URL(manifestHref!, page.url()).href)).json();
		expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);
		await expect(page.locator('meta[name="theme-color"]').getAttribute('content')).resolves.toMatch(
			/^#[0-9a-f]{6}$/i
		);

		await page.keyboard.press('Tab');
		const outline = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			return {
				tag: el.tagName,
				width: parseFloat(style.outlineWidth),
				styleName: style.outlineStyle
			};
		});
		expect(outline.tag).toBe('A');
		expect(outline.styleName).not.toBe('none');
		expect(outline.width).toBeGreaterThanOrEqual(2);
	});
});
