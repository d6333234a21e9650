/**
 * Stored cross-site scripting, in a real browser: script and event-handler payloads typed into
 * every text field, or brought in by an imported file, are shown as the literal text on every page
 * and never run; evidence links only ever point to http(s) addresses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from '../support/e2e';
import {
	appPages,
	createCity,
	pageUrl,
	rawRecords,
	savedState,
	startAssessment
} from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-xss-'));

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=1';
const SVG = '"><svg onload=window.__pwned=1>';
const ALL = `${SCRIPT}${IMG}${JS_URL}${SVG}`;

/** Records script runs, policy violations and dialogs from the moment a page starts. */
async function watch(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __violations: string[] };
		w.__violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return dialogs;
}

/** Nothing ran, nothing was injected, and no link points anywhere but the web. */
async function expectInert(page: Page, where: string) {
	const state = await page.evaluate(() => ({
		pwned: (window as unknown as { __pwned?: unknown }).__pwned,
		violations: (window as unknown as { __violations: string[] }).__violations,
		handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
		injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, object, embed').length,
		scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
		badLinks: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
			.map((a) => a.href)
			.filter((href) => !/^(https?:|blob:)/i.test(href))
	}));
	expect(state, where).toEqual({
		pwned: undefined,
		violations: [],
		handlers: 0,
		injected: 0,
		scripts: 0,
		badLinks: []
	});
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Loads a page and lets it read from the device before it is inspected. */
async function visit(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(300);
}

describe('text typed by a user', () => {
	it('is shown literally on every page and never runs', async () => {
		app = await openApp();
		const { page } = app;
		const dialogs = await watch(page);
		const name = `市${SVG}${IMG}${SCRIPT}`;
		const note = `说明 ${ALL}`;
		const period = `${IMG}${SVG}`;
		const assessor = `${SCRIPT}${JS_URL}${SVG}`;
		await createCity(page, app.url, name, note);
		const subjectId = new URL(page.url()).searchParams.get('id')!;
		const assessmentId = await startAssessment(page, period, assessor);

		const card = page.locator('article.indicator').first();
		await card.getByLabel('备注').fill(`备注 ${ALL}`);
		await page.getByLabel('评估意见（用于报告摘要）').fill(`意见 ${ALL}`);
		await card.locator('summary').filter({ hasText: '佐证材料' }).click();
		const title = card.getByPlaceholder('标题');
		const url = card.getByPlaceholder('https://');
		// A javascript: address is refused, whatever it is called.
		for (const bad of [
			JS_URL,
			' JavaScript:window.__pwned=1',
			'data:text/html,<script>1</script>'
		]) {
			await title.fill(`${IMG}${SVG}`);
			await url.fill(bad);
			await card.getByRole('button', { name: '添加链接' }).click();
			await card.getByText('请输入以 http:// 或 https:// 开头的网址。').waitFor();
		}
		await url.fill(`https://example.org/?q=${SVG}`);
		await card.getByRole('button', { name: '添加链接' }).click();
		await card.getByRole('link', { name: `${IMG}${SVG}` }).waitFor();
		await savedState(page);

		const stored = Object.values(await rawRecords(page)).join('\n');
		expect(stored).toContain(JSON.stringify(`备注 ${ALL}`).slice(1, -1));

		const ids = { subject: subjectId, assessment: assessmentId };
		for (const p of appPages()) {
			await visit(page, pageUrl(app.url, p, ids));
			await expectInert(page, p);
		}

		// Shown as typed, character for character.
		await visit(page, `${app.url}/assessments/`);
		expect(await bodyText(page)).toContain(name);
		await visit(page, pageUrl(app.url, '/subject/', ids));
		const subjectText = await bodyText(page);
		for (const text of [name, note, period, assessor]) expect(subjectText).toContain(text);
		await visit(page, pageUrl(app.url, '/assess/', ids));
		expect(await bodyText(page)).toContain(`${name} ${period}`);
		const first = page.locator('article.indicator').first();
		await expect(first.getByLabel('备注').inputValue()).resolves.toBe(`备注 ${ALL}`);
		await expect(page.getByLabel('评估意见（用于报告摘要）').inputValue()).resolves.toBe(
			`意见 ${ALL}`
		);
		const link = first.getByRole('link', { name: `${IMG}${SVG}` });
		await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\/example\.org\/\?q=/);
		await expect(link.getAttribute('rel')).resolves.toContain('noopener');
		await expectInert(page, 'assess after reload');
		expect(dialogs).toEqual([]);
	});
});

describe('text brought in by an imported file', () => {
	const subjectId = `s${SVG}`;
	const assessmentId = `a${IMG}`;
	const indicator = 'c02.core-industry-share';
	const assessment = {
		format: 'gd-digital-economy-assessment',
		formatVersion: 1,
		id: assessmentId,
		rubric: { id: 'gd-city-readiness', version: '1.0.0' },
		subject: { id: subjectId, name: `导入市${ALL}`.slice(0, 200), kind: 'city' },
		profile: { level: 'prefecture', region: 'prd' },
		mode: 'full',
		period: `${IMG}${SVG}`,
		assessor: `${SCRIPT}${SVG}`,
		date: '2026-06-30',
		narrative: `导入的意见 ${ALL}`,
		answers: {
			[indicator]: {
				level: 2,
				notApplicable: false,
				target: null,
				note: `导入的备注 ${ALL}`,
				evidence: [
					{
						id: 'ev-link',
						kind: 'link',
						title: `链接${IMG}`,
						url: `https://example.org/${SVG}`
					},
					{
						id: 'ev-file',
						kind: 'file',
						title: `文件${SVG}`,
						fileName: `${IMG}.html`,
						mimeType: 'text/html',
						size: 33,
						dataUrl: `data:text/html;base64,${Buffer.from(SCRIPT).toString('base64')}`
					}
				]
			}
		},
		actions: {
			[indicator]: { status: 'planned', owner: `${SCRIPT}${SVG}`, note: `行动 ${ALL}` }
		}
	};
	const subject = {
		id: subjectId,
		kind: 'city',
		name: assessment.subject.name,
		rubricId: 'gd-city-readiness',
		profile: assessment.profile,
		note: `导入的说明 ${ALL}`,
		archived: false,
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z'
	};
	const backup = (a: unknown) =>
		JSON.stringify({
			format: 'gd-digital-economy-backup',
			formatVersion: 1,
			exportedAt: '2026-11-23T00:00:00.000Z',
			subjects: [subject],
			assessments: [a]
		});

	async function importFile(page: Page, base: string, file: string) {
		await page.goto(`${base}/assessments/`);
		await page.getByRole('button', { name: '导入文件' }).click();
		await page.locator('dialog input[type=file]').setInputFiles(file);
	}

	it('is shown literally on every page and never runs; its file opens only as a download', async () => {
		app = await openApp();
		const { page } = app;
		const dialogs = await watch(page);
		const file = path.join(scratch, 'payloads.json');
		writeFileSync(file, backup(assessment));
		await importFile(page, app.url, file);
		await page.getByText('文件包含 1 个评估对象、1 次评估。').waitFor();
		await page.getByRole('button', { name: '导入', exact: true }).click();
		await page.getByText('已导入 1 个对象、1 次评估').waitFor();
		await expectInert(page, 'after import');

		const ids = { subject: subjectId, assessment: assessmentId };
		for (const p of appPages()) {
			await visit(page, pageUrl(app.url, p, ids));
			await expectInert(page, p);
		}

		await visit(page, `${app.url}/assessments/`);
		expect(await bodyText(page)).toContain(assessment.subject.name);
		await visit(page, pageUrl(app.url, '/subject/', ids));
		const text = await bodyText(page);
		for (const t of [subject.name, subject.note, assessment.period, assessment.assessor])
			expect(text).toContain(t);
		await visit(page, pageUrl(app.url, '/assess/', ids));
		const card = page.locator(`article[data-indicator="${indicator}"]`);
		await expect(card.getByLabel('备注').inputValue()).resolves.toBe(`导入的备注 ${ALL}`);
		await expect(page.getByLabel('评估意见（用于报告摘要）').inputValue()).resolves.toBe(
			`导入的意见 ${ALL}`
		);
		const link = card.getByRole('link', { name: `链接${IMG}` });
		await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\/example\.org\//);
		// The HTML evidence file is handed over as a download, never rendered by the app.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('button', { name: `文件${SVG}` }).click()
		]);
		expect(download.suggestedFilename()).toContain('.html');
		await page.waitForTimeout(300);
		await expectInert(page, 'after opening the evidence file');
		expect(app.context.pages()).toHaveLength(1);
		expect(dialogs).toEqual([]);
	});

	it.each([
		['javascript:', JS_URL],
		['data:', 'data:text/html,<script>window.__pwned=1</script>'],
		['file:', 'file:///etc/passwd']
	])('refuses a file whose evidence link is a %s address, saying where', async (_, url) => {
		app = await openApp();
		const { page } = app;
		await watch(page);
		const bad = structuredClone(assessment);
		bad.answers[indicator]!.evidence[0]!.url = url;
		const file = path.join(scratch, `${SVG}.json`);
		writeFileSync(file, backup(bad));
		await importFile(page, app.url, file);
		const alert = page.locator('dialog [role=alert]');
		await alert.waitFor();
		const message = (await alert.textContent())!;
		expect(message).toContain(`${SVG}.json`);
		expect(message).toContain(`answers["${indicator}"].evidence[0].url`);
		expect(message).toContain('http:// or https://');
		await expect(
			page.getByRole('button', { name: '导入', exact: true }).isDisabled()
		).resolves.toBe(true);
		await expectInert(page, 'refused import');
		expect(await rawRecords(page)).toEqual({});
	});
});
