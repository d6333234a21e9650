/**
 * Every page at phone width (390 and 360 px), in Chinese and English, with the sample city loaded:
 * nothing scrolls the page sideways, no table column is squeezed below two characters, and axe
 * finds no accessibility problem. SCREENSHOTS=<folder> saves a full-page picture of each.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { openApp, type E2EApp } from '../support/e2e';
import { scrollThroughPage } from '../support/lazy-sections';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** The sample city (two assessments, so compare has content); returns its page links. */
async function loadSampleCity(page: Page, base: string) {
	await page.goto(`${base}/assessments/`);
	await page.getByRole('button', { name: '试用示例城市' }).click();
	await page.getByText('已载入示例城市').waitFor();
	await page.getByRole('link', { name: '示例市' }).first().click();
	await page.waitForURL(/\/subject\/\?id=/);
	const subject = page.url();
	const href = async (name: string) =>
		new URL((await page.getByRole('link', { name }).first().getAttribute('href'))!, base).href;
	return {
		subject,
		results: await href('结果'),
		assess: await href('填写'),
		benchmark: await href('同类对象对标')
	};
}

/** Sideways scrolling of the page, and table cells whose text is squeezed below two characters. */
async function layoutProblems(page: Page) {
	return page.evaluate(() => {
		const problems: string[] = [];
		const root = document.scrollingElement!;
		if (root.scrollWidth > window.innerWidth)
			problems.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
		// Collapsed parts are measured too: open them all.
		for (const d of document.querySelectorAll('details')) d.open = true;
		const canvas = document.createElement('canvas').getContext('2d')!;
		for (const cell of document.querySelectorAll<HTMLElement>('table td, table th')) {
			const text = cell.textContent?.trim() ?? '';
			if ([...text].length < 2) continue;
			const range = document.createRange();
			range.selectNodeContents(cell);
			const lines = [...range.getClientRects()];
			if (lines.length === 0) continue; // not rendered (visually hidden caption cell)
			const style = getComputedStyle(cell);
			if (style.position === 'absolute') continue;
			canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const oneCjk = canvas.measureText('国').width;
			const whole = canvas.measureText(text).width;
			const widest = Math.max(...lines.map((r) => r.width));
			// The text fits on one line, or its lines are at least two characters wide.
			if (widest + 1 < Math.min(whole, 2 * oneCjk))
				problems.push(`"${text.slice(0, 20)}" is ${widest.toFixed(0)}px wide`);
		}
		return problems;
	});
}

async function visit(page: Page, url: string, ready: string) {
	await page.goto(url);
	await page.locator(ready).first().waitFor();
	// Charts draw after the page is shown; let them lay out before measuring.
	await page.waitForLoadState('networkidle');
}

const sizes = [
	{ width: 390, height: 844 },
	{ width: 360, height: 740 }
];

describe('every page at phone width', () => {
	for (const size of sizes)
		for (const lang of ['zh', 'en'] as const)
			it(`fits ${size.width}px in ${lang}, with no squeezed table column and no axe violation`, async () => {
				app = await openApp();
				const { page } = app;
				await page.setViewportSize(size);
				const links = await loadSampleCity(page, app.url);
				if (lang === 'en') {
					await page.getByRole('button', { name: '切换到英文界面' }).click();
					await page.locator('html[lang="en"]').waitFor();
				}
				const pages: [string, string, string][] = [
					['home', `${app.url}/`, 'main h1'],
					['assessments', `${app.url}/assessments/`, 'main .card'],
					['subject', links.subject, 'main table'],
					['new-subject', `${app.url}/subject/new/`, 'main form'],
					['assess', links.assess, 'main article'],
					['results', links.results, '[data-testid="summary"]'],
					['compare', `${app.url}/compare/`, '[data-testid="compare-table"]'],
					['benchmark', links.benchmark, 'main h1'],
					['settings', `${app.url}/settings/`, 'main h1']
				];
				const failures: string[] = [];
				for (const [name, url, ready] of pages) {
					await visit(page, url, ready);
					// The results page's long sections render when scrolled to: check them all.
					if (name === 'results') await scrollThroughPage(page);
					const violations = await axeViolations(page);
					if (process.env.SCREENSHOTS) {
						mkdirSync(process.env.SCREENSHOTS, { recursive: true });
						await page.screenshot({
							path: path.join(process.env.SCREENSHOTS, `${name}-${size.width}-${lang}.png`),
							fullPage: name !== 'results' && name !== 'assess'
						});
					}
					const problems = await layoutProblems(page);
					failures.push(...[...violations, ...problems].map((p) => `${name}: ${p}`));
				}
				expect(failures).toEqual([]);
			});
});
