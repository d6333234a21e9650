import type { Page } from 'playwright-core';

/**
 * Scrolls the page from top to bottom as a reader would, so every section that renders when
 * scrolled to (the results page's long sections) is there; then back to the top.
 */
export async function scrollThroughPage(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
			window.scrollTo(0, y);
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		}
		window.scrollTo(0, 0);
	});
	await page.locator('section.later').first().waitFor({ state: 'detached' });
}
