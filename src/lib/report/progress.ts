/**
 * A renderer's progress callback that also lets the page paint: with a progress bar to show,
 * a report yields between long synchronous steps, but not more often than a frame every
 * `YIELD_EVERY_MS`: each yield hands the page a rendering update, and a dozen of them cost a
 * report more time than its progress bar gains. Without a progress bar (the CLI) it never
 * yields: in Node a yield right after subsetting waits for the wasm engine's background work,
 * where running on lets it finish in parallel.
 */
export const YIELD_EVERY_MS = 100;

export function yieldingProgress(
	onProgress: ((done: number) => void) | undefined,
	now: () => number = () => performance.now()
): (done: number) => Promise<void> {
	let last = -Infinity;
	return async (done) => {
		if (!onProgress) return;
		onProgress(done);
		if (now() - last < YIELD_EVERY_MS) return;
		await new Promise<void>((resolve) => setTimeout(resolve, 0));
		last = now();
	};
}
