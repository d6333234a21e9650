/**
 * Long lists in Chromium against the built app: 5,000 subjects, each with an assessment of the
 * full city rubric, written straight into the app's IndexedDB store (records as the app stores
 * them, from a device of before score summaries were kept). Measured: the first benchmark visit,
 * which computes and stores every summary, then the subjects list and the benchmark as every
 * later visit sees them: time until the rows are shown and the main thread is free, and the
 * longest task (PerformanceObserver 'longtask') from navigation until the page has settled.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { openApp } from '../support/e2e';
import type { TimingRow } from './browser';

const SUBJECTS = 5000;
const VARIANTS = 25;

/** Stored records (key → value) of SUBJECTS comparable cities with one assessment each. */
function deviceRecords(): [string, unknown][] {
	const city = loadRubricText(readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'), 'city');
	const profile = { ...defaultProfile(city), region: 'prd' };
	const variants = Array.from({ length: VARIANTS }, (_, seed) => {
		const a = createSampleAssessment(
			city,
			{ id: 'v', subject: { id: 'v', name: 'v', kind: 'city' }, profile, date: '2025-06-30' },
			seed + 1
		);
		const score = scoreAssessment(city, a).overall;
		return { a, score: score.score, coverage: score.coverage.ratio };
	});
	const records: [string, unknown][] = [];
	for (let i = 0; i < SUBJECTS; i++) {
		const id = `s${i}`;
		const name = `城市${String(i).padStart(4, '0')}`;
		const time = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
		const v = variants[i % VARIANTS]!;
		const assessment = {
			...v.a,
			id: `${id}-a`,
			subject: { id, name, kind: 'city' as const },
			period: '2025年度',
			createdAt: time,
			updatedAt: time
		};
		records.push([
			`subject:${id}`,
			{
				schemaVersion: 1,
				id,
				kind: 'city',
				name,
				rubricId: city.id,
				profile,
				note: '',
				archived: false,
				createdAt: time,
				updatedAt: time,
				summary: {
					assessmentIds: [assessment.id],
					latest: {
						assessmentId: assessment.id,
						date: assessment.date,
						period: assessment.period,
						score: v.score,
						coverage: v.coverage
					}
				}
			}
		]);
		records.push([
			`assessment:${assessment.id}`,
			{ schemaVersion: 1, revision: 1, updatedAt: time, assessment }
		]);
	}
	return records;
}

/** Writes records into the app's store (created as the app creates it when it is not there yet). */
async function seed(page: Page, records: [string, unknown][]) {
	for (let i = 0; i < records.length; i += 500)
		await page.evaluate(
			(chunk) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('gd-digital-economy');
					open.onupgradeneeded = () => open.result.createObjectStore('records');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction('records', 'readwrite');
						const store = tx.objectStore('records');
						for (const [key, value] of chunk) store.put(value, key);
						tx.oncomplete = () => {
							open.result.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				}),
			records.slice(i, i + 500)
		);
}

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

export async function measureLists(runs = 3): Promise<TimingRow[]> {
	const records = deviceRecords();
	const app = await openApp();
	try {
		const { page, context } = app;
		await context.addInitScript({ content: INSTRUMENT });
		await page.goto(`${app.url}/`);
		await seed(page, records);
		const benchmarkUrl = `${app.url}/benchmark/?subject=s0`;
		// First visit on a device from before summaries: every summary is computed and stored.
		const first = await visit(page, benchmarkUrl);
		const list: Visit[] = [];
		const bench: Visit[] = [];
		for (let i = 0; i < runs; i++) {
			list.push(await visit(page, `${app.url}/assessments/`));
			bench.push(await visit(page, benchmarkUrl));
		}
		const n = SUBJECTS.toLocaleString('en');
		return [
			{
				name: `subjects list, ${n} subjects: to interactive`,
				samples: list.map((v) => v.interactive),
				unit: 'ms',
				budget: 1000
			},
			{
				name: `subjects list, ${n} subjects: longest task`,
				samples: list.map((v) => v.longestTask),
				unit: 'ms',
				budget: 200
			},
			{
				name: `benchmark among ${n} subjects: to interactive`,
				samples: bench.map((v) => v.interactive),
				unit: 'ms',
				budget: 1000
			},
			{
				name: `benchmark among ${n} subjects: longest task`,
				samples: bench.map((v) => v.longestTask),
				unit: 'ms',
				budget: 200
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
				budget: 200
			}
		];
	} finally {
		await app.close();
	}
}
