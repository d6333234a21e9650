/**
 * Import of large backups in Chromium, through the app's own import dialog against the built app:
 * from choosing the file to the summary (read, parse, validate, compare with the device) and from
 * 导入 to 已导入 (resolve, write to IndexedDB). A first import into an empty device, then the same
 * file again (nothing to change): the re-import must cost no more than the first import.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { openApp, openImportDialog } from '../support/e2e';
import { backupText, largeBackup } from '../support/large-backup';

export interface ImportRow {
	name: string;
	value: number;
	unit: 'ms' | 'KB' | 'MB' | '×';
	budget?: number;
}

const TIMEOUT = 20 * 60_000;

/** Chooses the file in the import dialog; resolves with the time until the dialog says what it holds. */
async function check(page: Page, file: string, expect: RegExp): Promise<number> {
	await openImportDialog(page, '导入文件');
	const t0 = performance.now();
	await page.locator('dialog input[type=file]').setInputFiles(file);
	await page.locator('dialog').getByText(expect).waitFor({ timeout: TIMEOUT });
	return performance.now() - t0;
}

async function write(page: Page): Promise<number> {
	const t0 = performance.now();
	await page.locator('dialog').getByRole('button', { name: '导入', exact: true }).click();
	await page.getByText(/已导入/).waitFor({ timeout: TIMEOUT });
	return performance.now() - t0;
}

/** The JS heap in use, in MB, after a collection (Chromium's own figure). */
async function heapMb(page: Page): Promise<number> {
	const session = await page.context().newCDPSession(page);
	await session.send('HeapProfiler.collectGarbage');
	const { usedSize } = await session.send('Runtime.getHeapUsage');
	await session.detach();
	return usedSize / 1024 / 1024;
}

/** One backup imported into a fresh profile, then again. */
async function importTwice(file: string) {
	const app = await openApp();
	try {
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '导入文件' }).waitFor();
		const firstCheck = await check(page, file, /^文件包含/);
		const firstWrite = await write(page);
		const againCheck = await check(page, file, /无需导入/);
		const heap = await heapMb(page);
		return { first: firstCheck + firstWrite, firstCheck, firstWrite, again: againCheck, heap };
	} finally {
		// The backups made here are the bench's own; nothing to restore.
		await app.browser.close();
		await app.stopServer();
	}
}

/**
 * `large`: also import a 10,000-assessment backup (a zip of parts; several minutes), which has
 * no budget and runs only when asked for (`npm run bench -- --import-10k`).
 */
export async function measureImport(runs = 3, large = false): Promise<ImportRow[]> {
	const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
	const rows: ImportRow[] = [];
	try {
		const file = path.join(dir, '备份-1000.json');
		writeFileSync(file, backupText(largeBackup(1000)));
		const samples: Awaited<ReturnType<typeof importTwice>>[] = [];
		for (let i = 0; i < runs; i++) samples.push(await importTwice(file));
		const median = (pick: (s: (typeof samples)[number]) => number) =>
			samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
		rows.push(
			{
				name: `import: 1,000-assessment backup (${(statSync(file).size / 1e6).toFixed(1)} MB) into an empty device`,
				value: median((s) => s.first),
				unit: 'ms'
			},
			{
				name: 'import: of which reading and checking',
				value: median((s) => s.firstCheck),
				unit: 'ms'
			},
			{ name: 'import: of which writing', value: median((s) => s.firstWrite), unit: 'ms' },
			{
				name: 'import: the same backup again (already on the device)',
				value: median((s) => s.again),
				unit: 'ms'
			},
			{
				name: 'import: re-import ÷ first import',
				value: median((s) => s.again / s.first),
				unit: '×',
				budget: 1
			}
		);
		if (large) {
			const archive = path.join(dir, '备份-10000.zip');
			const { buildBackupArchive } = await import('../../src/lib/storage/backup-archive');
			writeFileSync(archive, await buildBackupArchive(largeBackup(10_000)));
			const r = await importTwice(archive);
			rows.push(
				{
					name: `import: 10,000-assessment backup (zip, ${(statSync(archive).size / 1e6).toFixed(1)} MB) into an empty device`,
					value: r.first,
					unit: 'ms'
				},
				{ name: 'import: the same 10,000 again', value: r.again, unit: 'ms' },
				{ name: 'import: page JS heap after 10,000', value: r.heap, unit: 'MB' }
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return rows;
}
