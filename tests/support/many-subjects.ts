/** Many subjects on a device, for the long-list tests and the bench. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadRubricText } from '../../src/lib/rubrics/loader';

const VARIANTS = 25;

/**
 * Stored records (key → value) of `count` comparable cities (same region), each with one full
 * city assessment, as a device from before score summaries were kept holds them (the subject's
 * summary has the latest score and coverage but no `scores`). City n is named 城市000n and was
 * changed n minutes after the first, so the list shows the highest numbers first.
 */
export function cityRecords(count: number): [string, unknown][] {
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
	for (let i = 0; i < count; i++) {
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
export async function seedRecords(page: Page, records: [string, unknown][]) {
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
