import { afterEach, describe, expect, it, vi } from 'vitest';
import { YIELD_EVERY_MS, yieldingProgress } from '../../src/lib/report/progress';

/**
 * A report's progress reaches its bar at every step, but hands the page a frame (a yield through
 * the task queue) at most every YIELD_EVERY_MS: a yield per section cost the PDF a tenth of its
 * time in Chromium.
 */
describe('yielding progress', () => {
	afterEach(() => vi.restoreAllMocks());

	it('reports every step and yields at most once per interval', async () => {
		const timeout = vi.spyOn(globalThis, 'setTimeout');
		let clock = 0;
		const seen: number[] = [];
		const progress = yieldingProgress(
			(d) => seen.push(d),
			() => clock
		);
		for (let i = 1; i <= 10; i++) {
			await progress(i / 10);
			clock += 15; // ten quick steps over 150 ms
		}
		expect(seen).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
		expect(timeout.mock.calls.filter(([, ms]) => ms === 0)).toHaveLength(2);
		expect(YIELD_EVERY_MS).toBe(100);
	});

	it('never yields without a progress bar (the CLI)', async () => {
		const timeout = vi.spyOn(globalThis, 'setTimeout');
		const progress = yieldingProgress(undefined);
		for (let i = 0; i < 5; i++) await progress(i / 5);
		expect(timeout).not.toHaveBeenCalled();
	});
});
