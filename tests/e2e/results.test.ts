import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cli as runCli } from '../cli/run-cli';
import { axeViolations } from '../support/axe';
import { openApp, waitForServiceWorkerControl, type E2EApp } from '../support/e2e';
import { scrollThroughPage } from '../support/lazy-sections';
import { addComparableCity } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-results-'));

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
	expect(await axeViolations(page)).toEqual([]);
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
		await page.getByTestId('summary').waitFor();
		await scrollThroughPage(page);
		const overall = page.getByTestId('summary').locator('.figure').first().locator('strong');
		await expect(overall.textContent()).resolves.toBe(score.overall.score.toFixed(1));
		const order = await page
			.getByTestId('gap-table')
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')));
		expect(order).toEqual(gaps.map((g: { indicatorId: string }) => g.indicatorId));

		// The CSV export (its code loads on the click) holds the overall score and the gaps.
		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出CSV' }).click()
		]);
		const csv = readFileSync((await csvDownload.path())!, 'utf8');
		expect(csv).toMatch(/^overall,/m);
		expect(csv).toContain(gaps[0].indicatorId);

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
		await page.getByTestId('summary').waitFor();
		await scrollThroughPage(page);
		const again = page.locator(`li.measure[data-key="${key}"]`).first();
		await expect(again.getByRole('combobox', { name: '状态' }).inputValue()).resolves.toBe('done');
		await expect(again.getByRole('textbox', { name: '负责人' }).inputValue()).resolves.toBe(
			'市工业和信息化局'
		);
	});

	it('keeps a status to the department that set it, filters the plan by who acts, and prints one department’s list', async () => {
		app = await openApp();
		const { page } = app;
		// The print dialog is the browser's; here it only counts that it was asked for.
		await page.addInitScript(() => {
			const w = window as unknown as { printed: number };
			w.printed = 0;
			window.print = () => void w.printed++;
		});
		await loadSampleCity(page, app.url);
		await page.getByRole('link', { name: '结果' }).first().click();
		await page.waitForURL(/\/results\/\?id=/);
		await page.getByTestId('summary').waitFor();
		await scrollThroughPage(page);

		// A measure the plan lists under two departments.
		const [key, one, other] = await page.locator('li.measure').evaluateAll((items) => {
			const actors = new Map<string, string[]>();
			for (const li of items as HTMLElement[])
				actors.set(li.dataset.key!, [...(actors.get(li.dataset.key!) ?? []), li.dataset.actor!]);
			const [k, a] = [...actors].find(([, list]) => list.length > 1)!;
			return [k, a[0]!, a[1]!];
		});
		const status = (actor: string) =>
			page
				.locator(`li.measure[data-key="${key}"][data-actor="${actor}"]`)
				.getByRole('combobox', { name: '状态' });
		const openGroups = () =>
			page.locator('details.group').evaluateAll((groups) => {
				for (const g of groups as HTMLDetailsElement[]) g.open = true;
			});
		await openGroups();
		await status(one).selectOption('done');
		await expect(status(other).inputValue()).resolves.toBe('open');
		// Stored for that department alone: still so after a reload.
		await expect
			.poll(async () => {
				await page.reload();
				await page.getByTestId('summary').waitFor();
				await scrollThroughPage(page);
				await openGroups();
				return [await status(one).inputValue(), await status(other).inputValue()];
			})
			.toEqual(['done', 'open']);

		// The actor filter (of the plan, shared with the gap table) shows that actor's list only.
		const gapRows = await page.getByTestId('gap-table').locator('tbody tr').count();
		await page.locator('#plan').getByRole('combobox', { name: '责任主体' }).selectOption(other);
		const shownActors = await page
			.locator('li.measure')
			.evaluateAll((items) => [...new Set(items.map((li) => (li as HTMLElement).dataset.actor))]);
		expect(shownActors).toEqual([other]);
		await expect(status(other).isVisible()).resolves.toBe(true);
		const filteredRows = await page.getByTestId('gap-table').locator('tbody tr').count();
		expect(filteredRows).toBeGreaterThan(0);
		expect(filteredRows).toBeLessThan(gapRows);

		// Printing this department's list shows nothing else of the page on paper.
		await page.locator(`details.group[data-actor="${other}"] button.print`).click();
		await expect(
			page.evaluate(() => (window as unknown as { printed: number }).printed)
		).resolves.toBe(1);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
		await expect(page.locator('#gaps').isVisible()).resolves.toBe(false);
		await expect(page.locator('.export').isVisible()).resolves.toBe(false);
		await expect(page.locator(`details.group[data-actor="${other}"]`).isVisible()).resolves.toBe(
			true
		);
		await expect(page.locator('.print-title').first().textContent()).resolves.toContain('行动清单');
		await expect(status(other).isVisible()).resolves.toBe(false); // a form field does not print
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
			await page.getByTestId('summary').waitFor();
			await scrollThroughPage(page);
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
		// Charts are drawn as they come near the screen.
		await scrollThroughPage(page);
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

	it('renders the long sections when scrolled to: headings first, and each on a link, a key, find or print', async () => {
		app = await openApp();
		const { page } = app;
		await loadSampleCity(page, app.url);
		const resultsUrl = new URL(
			(await page.getByRole('link', { name: '结果' }).first().getAttribute('href'))!,
			app.url
		).href;
		const open = async () => {
			await page.goto(resultsUrl);
			await page.getByTestId('summary').waitFor();
		};
		const later = page.locator('section.later');
		await open();
		// Not rendered up front, but each stands as its heading, in the section menu's order.
		await expect(later.count()).resolves.toBeGreaterThanOrEqual(3);
		await expect(page.locator('li.measure').count()).resolves.toBe(0);
		for (const name of ['行动计划', '分领域明细'])
			await expect(page.getByRole('heading', { level: 2, name }).count()).resolves.toBe(1);

		// The section menu's link renders the section it leads to.
		await page
			.getByRole('navigation', { name: '本页目录' })
			.getByRole('link', { name: '行动计划' })
			.click();
		await page.locator('li.measure').first().waitFor();

		// The keyboard reaches a section not rendered yet: its button shows it and moves to its heading.
		await open();
		await page.locator('#domains').getByRole('button', { name: '立即显示本节' }).focus();
		await page.locator('#domains details.domain').first().waitFor();
		await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('h-domains');

		// The browser's find (Ctrl+F) renders everything, so it finds what is further down.
		await open();
		await page.keyboard.press('Control+f');
		await expect(later.count()).resolves.toBe(0);

		// So does printing: Chromium's print-to-PDF of the page has every section.
		await open();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.byteLength).toBeGreaterThan(0);
		await expect(later.count()).resolves.toBe(0);
	});
});
