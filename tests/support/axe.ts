import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/**
 * WCAG 2.1 AA and best-practice problems axe finds on the page (or inside `selector`), one line
 * each: `rule: targets`. The one axe run every e2e test uses.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async (include) => {
		type Axe = {
			run: (
				ctx: object,
				opts: object
			) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
		};
		const { violations } = await (window as unknown as { axe: Axe }).axe.run(
			include ? { include: [[include]] } : document,
			{
				runOnly: {
					type: 'tag',
					values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
				}
			}
		);
		return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	}, selector ?? null);
}
