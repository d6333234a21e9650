/**
 * The results page of the sample city in a real Chromium, for the bench modules that measure
 * it: the sample loaded as a user loads it, then the results page of its latest assessment.
 */
import type { Page } from 'playwright-core';

/** Loads the sample city into this page's profile and returns the URL of its results page. */
export async function sampleResultsUrl(page: Page, appUrl: string): Promise<string> {
	await page.goto(`${appUrl}/assessments/`);
	await page.getByRole('button', { name: '试用示例城市' }).click();
	await page.getByText('已载入示例城市').waitFor();
	await page.getByRole('link', { name: '示例市' }).first().click();
	const href = await page.locator('a[href*="/results/"]').first().getAttribute('href');
	if (!href) throw new Error('the sample city has no results link on its subject page');
	return new URL(href, page.url()).href;
}

/**
 * Everything a reader printing the page would see: every section rendered (scrolled through to
 * the end, as sections render when scrolled to) and every collapsed part opened.
 */
export async function expandEverything(page: Page): Promise<void> {
	await page.evaluate(async () => {
		// No named helpers in here: the bench runs through tsx, whose helpers the page lacks.
		for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
			window.scrollTo(0, y);
			await new Promise((resolve) => requestAnimationFrame(resolve));
		}
		for (const d of document.querySelectorAll('details')) d.open = true;
		window.scrollTo(0, 0);
		await new Promise((resolve) => requestAnimationFrame(resolve));
	});
}
