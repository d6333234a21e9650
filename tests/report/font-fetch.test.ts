/**
 * The app's report fonts are fetched once per session: a second export reuses them, and a failed
 * load (offline before the fonts were cached) is tried again on the next export.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshModule() {
	vi.resetModules();
	return import('../../src/lib/report');
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchReportFonts', () => {
	it('fetches each font once for any number of exports', async () => {
		const fetch = vi.fn(async () => new Response(new Uint8Array([1, 2, 3])));
		vi.stubGlobal('fetch', fetch);
		const { fetchReportFonts } = await freshModule();
		const first = await fetchReportFonts('/app');
		const second = await fetchReportFonts('/app');
		expect(second).toBe(first);
		expect(fetch).toHaveBeenCalledTimes(3);
		const fallback = first.fallback as () => Promise<Uint8Array>;
		await fallback();
		await fallback();
		expect(fetch).toHaveBeenCalledTimes(4);
		expect(fetch.mock.calls.map((c) => String((c as unknown[])[0]))).toContain(
			'/app/fonts/ReportSong-UMingCN.ttf'
		);
	});

	it('tries again after a failed load', async () => {
		let online = false;
		const fetch = vi.fn(async () =>
			online ? new Response(new Uint8Array([1])) : new Response('', { status: 504 })
		);
		vi.stubGlobal('fetch', fetch);
		const { fetchReportFonts } = await freshModule();
		await expect(fetchReportFonts('')).rejects.toThrow(/HTTP 504/);
		online = true;
		await expect(fetchReportFonts('')).resolves.toHaveProperty('song');
	});
});
