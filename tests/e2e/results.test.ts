import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cli as runCli } from '../cli/run-cli';
import { openApp, waitForServiceWorkerControl, type E2EApp } from '../support/e2e';
import { addComparableCity } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-results-'));
const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

function cli(...args: string[]) {
	const r = runCli(args);
	expect(r.err).toBe('');
	return JSON.parse(r.out);
}

async function loadSampleCity(page: Page, base: string) {
	await page.goto(`${base}/assessments/`);
	await page.getByRole('button', { name: '试用示例城市' }).click();
	await page.getByText('已载入示例城市').waitFor();
	await page.getByRole('link', { name: '示例市' }).first().click();
	await page.waitForURL(/\/subject\/\?id=/);
	await page.getByRole('link', { name: '结果' }).first().waitFor();
}

/** Exports the assessment in the given row of the subject page (0 = newest) to a file. */
async function exportRow(page: Page, row: number) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '导出', exact: true }).nth(row).click()
	]);
	const file = path.join(scratch, `${Date.now()}-${row}.json`);
	await download.saveAs(file);
	return file;
}

async function expectNoAxeViolations(page: Page) {
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
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
			(v) =>
				`${v.id}: ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
	});
	expect(violations).toEqual([]);
}

describe('results, comparison and benchmark in a real browser', () => {
	it('shows the score and gap order the CLI computes for the same file, and keeps a measure marked done', async () => {
		app = await openApp();
		const { page } = app;
		await loadSampleCity(page, app.url);
		const file = await exportRow(page, 0);
		const score = cli('score', file, '--json');
		const gaps = cli('gaps', file, '--json');

		await page.getByRole('link', { name: '结果' }).first().click();
		await page.waitForURL(/\/results\/\?id=/);
		const overall = page.getByTestId('summary').locator('.figure').first().locator('strong');
		await expect(overall.textContent()).resolves.toBe(score.overall.score.toFixed(1));
		const order = await page
			.getByTestId('gap-table')
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')));
		expect(order).toEqual(gaps.map((g: { indicatorId: string }) => g.indicatorId));

		// Each gap's target, gap and recoverable points read the same in the gap table, in the
		// action plan (under the glossary's names) and in `gaps --json`.
		type CliGap = { indicatorId: string; target: number; gap: number; priority: number };
		const heads = await page
			.getByTestId('gap-table')
			.locator('thead th')
			.evaluateAll((cells) => cells.map((c) => c.textContent?.trim()));
		expect(heads).toEqual(expect.arrayContaining(['目标等级', '差距（级）', '可挽回分值']));
		const byId = new Map((gaps as CliGap[]).map((g) => [g.indicatorId, g]));
		const tableRows = await page
			.getByTestId('gap-table')
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) => ({
					id: r.getAttribute('data-indicator')!,
					cells: [...r.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '')
				}))
			);
		for (const row of tableRows) {
			const g = byId.get(row.id)!;
			expect(row.cells[3]!.startsWith(`${g.target} `), row.id).toBe(true);
			expect(row.cells.slice(4, 6), row.id).toEqual([String(g.gap), g.priority.toFixed(2)]);
		}
		const planLines = await page.locator('li.measure').evaluateAll((items) =>
			items.map((li) => ({
				id: li.getAttribute('data-indicator')!,
				text: li.querySelector('.muted.small')?.textContent?.replace(/\s+/g, ' ') ?? ''
			}))
		);
		expect(planLines.length).toBeGreaterThan(0);
		for (const line of planLines) {
			const g = byId.get(line.id)!;
			expect(line.text, line.id).toContain(`目标等级 ${g.target} `);
			expect(line.text, line.id).toContain(`可挽回分值 ${g.priority.toFixed(2)}`);
		}

		const first = page.locator('li.measure').first();
		const key = await first.getAttribute('data-key');
		await first.getByRole('combobox', { name: '状态' }).selectOption('done');
		await first.getByRole('textbox', { name: '负责人' }).fill('市工业和信息化局');
		await page.waitForTimeout(600);
		await page.reload();
		const again = page.locator(`li.measure[data-key="${key}"]`).first();
		await expect(again.getByRole('combobox', { name: '状态' }).inputValue()).resolves.toBe('done');
		await expect(again.getByRole('textbox', { name: '负责人' }).inputValue()).resolves.toBe(
			'市工业和信息化局'
		);
	});

	it('shows the deltas the CLI compare gives', async () => {
		app = await openApp();
		const { page } = app;
		await loadSampleCity(page, app.url);
		const later = await exportRow(page, 0);
		const earlier = await exportRow(page, 1);
		const c = cli('compare', earlier, later, '--json');
		await page.getByRole('link', { name: '对比', exact: true }).last().click();
		await page.waitForURL(/\/compare\//);
		const table = page.getByTestId('compare-table');
		await table.waitFor();
		for (const d of [c.overall, ...c.pillars, ...c.domains]) {
			const text = await table.locator(`tr[data-id="${d.id}"] td.delta`).textContent();
			expect(text, d.id).toBe(
				d.delta === null ? '—' : `${d.delta > 0 ? '+' : ''}${d.delta.toFixed(1)}`
			);
		}
	});

	it('has no accessibility violations on the result, compare and benchmark pages, in Chinese and English', async () => {
		app = await openApp();
		const { page } = app;
		await addComparableCity(page, app.url); // the sample loads once: a peer for the benchmark
		await loadSampleCity(page, app.url);
		const subjectUrl = page.url();
		const resultsHref = await page.getByRole('link', { name: '结果' }).first().getAttribute('href');
		const benchmarkHref = await page
			.getByRole('link', { name: '同类对象对标' })
			.getAttribute('href');
		for (const lang of ['zh', 'en'] as const) {
			if (lang === 'en') {
				await page.goto(subjectUrl);
				await page.getByRole('button', { name: '切换到英文界面' }).click();
			}
			await page.goto(new URL(resultsHref!, app.url).href);
			await page.getByTestId('gap-table').waitFor();
			await page.locator('canvas').first().waitFor();
			await expectNoAxeViolations(page);
			await page.goto(`${app.url}/compare/`);
			await page.getByTestId('compare-table').waitFor();
			await expectNoAxeViolations(page);
			await page.goto(new URL(benchmarkHref!, app.url).href);
			await page.getByTestId('benchmark-table').waitFor();
			await expectNoAxeViolations(page);
		}
	});

	it('draws charts offline, each with its data table', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/`);
		await waitForServiceWorkerControl(page);
		await loadSampleCity(page, app.url);
		const resultsHref = await page.getByRole('link', { name: '结果' }).first().getAttribute('href');
		await app.context.setOffline(true);
		await app.stopServer();
		await page.goto(new URL(resultsHref!, app.url).href);
		const canvases = page.locator('figure.chart canvas');
		await canvases.first().waitFor();
		await page.waitForFunction(() =>
			[...document.querySelectorAll('figure.chart canvas')].every(
				(c) =>
					(c as HTMLCanvasElement).width > 0 && (c as HTMLCanvasElement).toDataURL().length > 5000
			)
		);
		const figures = await page.locator('figure.chart').count();
		expect(figures).toBeGreaterThanOrEqual(3); // pillars, domains, trend
		expect(await page.locator('figure.chart details table').count()).toBe(figures);
	});
});
