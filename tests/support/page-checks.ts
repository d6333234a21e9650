/** Checks a page as a user meets it: axe-core's rules, and no sideways scrolling on a phone. */
import path from 'node:path';
import type { Page } from 'playwright-core';

export { axeViolations } from './axe';

/**
 * How far the page scrolls sideways at each width (0 when it does not), with a screenshot of
 * the viewport at each width into SCREENSHOTS_DIR when that is set.
 */
export async function sidewaysAt(
	page: Page,
	name: string,
	widths: readonly number[] = [1366, 390]
): Promise<Record<number, number>> {
	const shots = process.env.SCREENSHOTS_DIR;
	const overflow: Record<number, number> = {};
	for (const width of widths) {
		await page.setViewportSize({ width, height: 900 });
		overflow[width] = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		if (shots) await page.screenshot({ path: path.join(shots, `${name}-${width}.png`) });
	}
	await page.setViewportSize({ width: 1366, height: 900 });
	return overflow;
}
