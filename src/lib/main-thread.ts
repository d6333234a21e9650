/**
 * Long work on the main thread, in slices: between slices the browser handles input and paints,
 * so no task runs long enough to freeze the page (a long task is one over 50 ms).
 */

interface Scheduler {
	yield?: () => Promise<void>;
}

/** Lets input, rendering and other tasks run before the work goes on. */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Work per slice: well under the 50 ms that counts as a long task. */
const SLICE_MS = 25;

/**
 * A clock for slicing a loop: call the returned function after each step; it yields once the
 * current slice has run SLICE_MS.
 */
export function slicer() {
	let start = performance.now();
	return async () => {
		if (performance.now() - start < SLICE_MS) return;
		await yieldToMain();
		start = performance.now();
	};
}
