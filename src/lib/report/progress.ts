/**
 * A renderer's progress callback that also lets the page paint: with a progress bar to show,
 * each report yields between long synchronous steps. Without one (the CLI) it never yields: in
 * Node a yield right after subsetting waits for the wasm engine's background work, where running
 * on lets it finish in parallel.
 */
export function yieldingProgress(
	onProgress: ((done: number) => void) | undefined
): (done: number) => Promise<void> {
	return async (done) => {
		if (!onProgress) return;
		onProgress(done);
		await new Promise<void>((resolve) => setTimeout(resolve, 0));
	};
}
