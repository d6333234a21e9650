/**
 * The full city PDF against its peers, side by side in one Chromium run on the results page of the
 * sample city: (a) the app's own export (jsPDF, real text, subset fonts), (b) Chromium's
 * print-to-PDF of the page with every section rendered and opened, as a user printing it would,
 * (c) the screenshot approach, html2canvas + jsPDF in the page (injected here only; the app never
 * ships it). The ratios are what to read: absolute times on a shared machine move by ±50%.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../support/browser-path.js';
import { E2E_BROWSER_FLAGS } from '../support/e2e';
import { startStaticServer } from '../support/static-server';
import type { Row } from './row';
import { expandEverything, sampleResultsUrl } from './sample-results';

const require = createRequire(import.meta.url);

interface Sample {
	ms: number;
	bytes: number;
	/** The file, when asked to keep it for a look */
	file?: Buffer;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * (a) The export button, from its click to the file handed to the browser (our `download` clicks
 * a link with a download attribute), timed inside the page as the screenshot approach (c) is:
 * without Playwright's actionability checks and download plumbing, which are the harness's cost,
 * not the app's. The harness's view (click through Playwright to its download event) is kept.
 */
async function appExport(page: Page): Promise<Sample & { harnessMs: number }> {
	const t0 = performance.now();
	const [download, ms] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		page.evaluate(
			(label) =>
				new Promise<number>((resolve, reject) => {
					const button = [...document.querySelectorAll('button')].find(
						(b) => b.textContent?.trim() === label
					);
					if (!button) return reject(new Error(`no button ${label}`));
					const original = HTMLAnchorElement.prototype.click;
					HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
						if (this.download) {
							HTMLAnchorElement.prototype.click = original;
							resolve(performance.now() - start);
						}
						return original.call(this);
					};
					const start = performance.now();
					button.click();
				}),
			'导出PDF报告'
		)
	]);
	const harnessMs = performance.now() - t0;
	const file = readFileSync(await download.path());
	return { ms, harnessMs, bytes: file.byteLength, file };
}

/** (b) Chromium's own print-to-PDF of the page as it stands (A4, backgrounds printed). */
async function printToPdf(page: Page): Promise<Sample> {
	const t0 = performance.now();
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	return { ms: performance.now() - t0, bytes: pdf.byteLength, file: pdf };
}

/**
 * (c) The screenshot approach as a careful implementer writes it: each top-level part of the page
 * rasterised by html2canvas at print resolution (2×), in strips short enough for a canvas, cut
 * into A4 pages and added to a jsPDF document as JPEG.
 */
async function screenshotPdf(page: Page): Promise<Sample> {
	const made = await page.evaluate(async () => {
		type Canvas = HTMLCanvasElement;
		const w = window as unknown as {
			html2canvas: (el: Element, o: object) => Promise<Canvas>;
			jspdf: { jsPDF: new (o: object) => JsPdfLike };
		};
		interface JsPdfLike {
			internal: { pageSize: { getWidth(): number; getHeight(): number } };
			addPage(): void;
			addImage(data: string, type: string, x: number, y: number, w: number, h: number): void;
			output(type: 'arraybuffer'): ArrayBuffer;
		}
		const t0 = performance.now();
		const pdf = new w.jspdf.jsPDF({ unit: 'pt', format: 'a4' });
		const margin = 28;
		const pageW = pdf.internal.pageSize.getWidth() - 2 * margin;
		const pageH = pdf.internal.pageSize.getHeight() - 2 * margin;
		const scale = 2;
		let cursor = 0;
		const place = (canvas: Canvas, cssWidth: number) => {
			const ptPerPx = pageW / (cssWidth * scale);
			// Cut the strip into pieces of at most what is left on the current page.
			for (let top = 0; top < canvas.height;) {
				if (cursor >= pageH - 4) {
					pdf.addPage();
					cursor = 0;
				}
				const rows = Math.min(canvas.height - top, Math.floor((pageH - cursor) / ptPerPx));
				const piece = document.createElement('canvas');
				piece.width = canvas.width;
				piece.height = rows;
				piece.getContext('2d')!.drawImage(canvas, 0, -top);
				const h = rows * ptPerPx;
				pdf.addImage(
					piece.toDataURL('image/jpeg', 0.92),
					'JPEG',
					margin,
					margin + cursor,
					pageW,
					h
				);
				cursor += h;
				top += rows;
			}
		};
		const STRIP = 6000; // CSS px: at 2× well inside Chromium's canvas limits
		for (const part of document.querySelectorAll('main > *')) {
			const box = part.getBoundingClientRect();
			if (box.height === 0) continue;
			const top = box.top + window.scrollY;
			for (let y = 0; y < box.height; y += STRIP) {
				const canvas = await w.html2canvas(part, {
					scale,
					y: top + y,
					height: Math.min(STRIP, box.height - y),
					backgroundColor: '#ffffff',
					logging: false
				});
				place(canvas, box.width);
			}
		}
		const file = pdf.output('arraybuffer');
		const ms = performance.now() - t0;
		// Handed out as text (evaluate returns JSON), after the clock stopped.
		let binary = '';
		const view = new Uint8Array(file);
		for (let i = 0; i < view.length; i += 0x8000)
			binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
		return { ms, base64: btoa(binary) };
	});
	const file = Buffer.from(made.base64, 'base64');
	return { ms: made.ms, bytes: file.byteLength, file };
}

/** `keepIn`: a folder to write the last file of each approach to, to look at them. */
export async function measureReportPeers(runs = 3, keepIn?: string): Promise<Row[]> {
	const server = await startStaticServer();
	const browser = await chromium.launch({ executablePath: findBrowser(), args: E2E_BROWSER_FLAGS });
	const samples = {
		app: [] as (Sample & { harnessMs: number })[],
		print: [] as Sample[],
		shots: [] as Sample[]
	};
	try {
		// The page's policy forbids injected scripts; the peer (c) needs two.
		const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
		// tsx names the functions it compiles with a helper the page does not have.
		await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
		const page = await context.newPage();
		await page.goto(await sampleResultsUrl(page, server.url));
		await page.getByTestId('summary').waitFor();
		await expandEverything(page);
		await page.waitForLoadState('networkidle');
		await page.addScriptTag({ path: require.resolve('html2canvas/dist/html2canvas.min.js') });
		await page.addScriptTag({ path: require.resolve('jspdf/dist/jspdf.umd.min.js') });
		// One warm-up of each (fonts fetched, code compiled), then rounds taking turns, so that a
		// busy moment of the machine falls on all three alike.
		for (let i = 0; i <= runs; i++) {
			const round = {
				app: await appExport(page),
				print: await printToPdf(page),
				shots: await screenshotPdf(page)
			};
			if (i > 0) {
				samples.app.push(round.app);
				samples.print.push(round.print);
				samples.shots.push(round.shots);
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	if (keepIn)
		for (const [k, list] of Object.entries(samples))
			writeFileSync(path.join(keepIn, `${k}.pdf`), list[list.length - 1]!.file!);
	const ms = (k: keyof typeof samples) => median(samples[k].map((s) => s.ms));
	const kb = (k: keyof typeof samples) => median(samples[k].map((s) => s.bytes)) / 1024;
	return [
		{
			name: 'report peers: our PDF export, full city sample (click to file, in the page)',
			value: ms('app'),
			unit: 'ms'
		},
		{
			name: 'report peers: the same through the harness (Playwright click to its download event)',
			value: median(samples.app.map((s) => s.harnessMs)),
			unit: 'ms'
		},
		{ name: 'report peers: our PDF, size', value: kb('app'), unit: 'KB' },
		{
			name: "report peers: Chromium's print-to-PDF of the results page",
			value: ms('print'),
			unit: 'ms'
		},
		{ name: 'report peers: print-to-PDF, size', value: kb('print'), unit: 'KB' },
		{ name: 'report peers: screenshots (html2canvas + jsPDF)', value: ms('shots'), unit: 'ms' },
		{ name: 'report peers: screenshots, size', value: kb('shots'), unit: 'KB' },
		{
			name: 'report peers: ours × faster than print-to-PDF',
			value: ms('print') / ms('app'),
			unit: '×',
			minimum: 3
		},
		{
			name: 'report peers: ours × faster than screenshots',
			value: ms('shots') / ms('app'),
			unit: '×',
			minimum: 10
		}
	];
}
