/**
 * Long lists in Chromium against the built app: 5,000 subjects, each with an assessment of the
 * full city rubric, written straight into the app's IndexedDB store (records as the app stores
 * them, from a device of before score summaries were kept). Measured: the first benchmark visit,
 * which computes and stores every summary, then the subjects list and the benchmark as every
 * later visit sees them: time until the rows are shown and the main thread is free, and the
 * longest task (PerformanceObserver 'longtask') from navigation until the page has settled.
 */
import type { Page } from 'playwright-core';
import { openApp } from '../support/e2e';
import { cityRecords, seedRecords } from '../support/many-subjects';
import type { TimingRow } from './browser';

const SUBJECTS = 5000;

/**
 * Installed before any page script: records long tasks and the moment the measured table first
 * has rows. Plain text, so that no build helper of this file ends up in the page.
 */
const INSTRUMENT = `
	window.__longTasks = [];
	window.__readyAt = null;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	new MutationObserver((_, observer) => {
		const rows = document.querySelector(
			'[data-testid="subjects-table"] tbody tr, [data-testid="benchmark-table"] tbody tr'
		);
		if (!rows) return;
		if (window.__readyAt === null) window.__readyAt = performance.now();
		observer.disconnect();
	}).observe(document, { subtree: true, childList: true });
`;

interface Visit {
	/** Rows shown and no long task still running */
	interactive: number;
	longestTask: number;
}

async function visit(page: Page, url: string, settleMs = 1500): Promise<Visit> {
	await page.goto(url);
	await page.waitForFunction(
		() => (window as unknown as { __readyAt: number | null }).__readyAt !== null,
		undefined,
		{ timeout: 120_000, polling: 50 }
	);
	await page.waitForTimeout(settleMs);
	return page.evaluate(() => {
		const w = window as unknown as { __longTasks: [number, number][]; __readyAt: number };
		const blocking = w.__longTasks.filter(([start]) => start < w.__readyAt);
		const interactive = Math.max(w.__readyAt, ...blocking.map(([s, d]) => s + d));
		return { interactive, longestTask: Math.max(0, ...w.__longTasks.map(([, d]) => d)) };
	});
}

/** `subjects` other than 5,000 (without budgets) show what the page costs with few. */
export async function measureLists(runs = 3, subjects = SUBJECTS): Promise<TimingRow[]> {
	const records = cityRecords(subjects);
	const app = await openApp();
	try {
		const { page, context } = app;
		await context.addInitScript({ content: INSTRUMENT });
		await page.goto(`${app.url}/`);
		await seedRecords(page, records);
		const benchmarkUrl = `${app.url}/benchmark/?subject=s0`;
		// First visit on a device from before summaries: every summary is computed and stored.
		const first = await visit(page, benchmarkUrl);
		const list: Visit[] = [];
		const bench: Visit[] = [];
		for (let i = 0; i < runs; i++) {
			list.push(await visit(page, `${app.url}/assessments/`));
			bench.push(await visit(page, benchmarkUrl));
		}
		const n = subjects.toLocaleString('en');
		const budget = (ms: number) => (subjects === SUBJECTS ? ms : undefined);
		return [
			{
				name: `subjects list, ${n} subjects: to interactive`,
				samples: list.map((v) => v.interactive),
				unit: 'ms',
				budget: budget(1000)
			},
			{
				name: `subjects list, ${n} subjects: longest task`,
				samples: list.map((v) => v.longestTask),
				unit: 'ms',
				budget: budget(200)
			},
			{
				name: `benchmark among ${n} subjects: to interactive`,
				samples: bench.map((v) => v.interactive),
				unit: 'ms',
				budget: budget(1000)
			},
			{
				name: `benchmark among ${n} subjects: longest task`,
				samples: bench.map((v) => v.longestTask),
				unit: 'ms',
				budget: budget(200)
			},
			{
				name: `benchmark, first visit without stored summaries (all ${n} computed): to interactive`,
				samples: [first.interactive],
				unit: 'ms'
			},
			{
				name: `benchmark, first visit without stored summaries: longest task`,
				samples: [first.longestTask],
				unit: 'ms',
				budget: budget(200)
			}
		];
	} finally {
		await app.close();
	}
}
