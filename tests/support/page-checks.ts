/** Checks a page as a user meets it: axe-core's rules, and no sideways scrolling on a phone. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** axe-core's WCAG 2.1 AA and best-practice violations on the page, as `rule: targets`. */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						ctx: Document,
						opts: object
					) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
			}
		});
		return result.violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
		);
	});
}

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
