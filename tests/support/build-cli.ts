// Vitest global setup: builds the CLI once, so test files starting it in parallel share a build.
import { ensureBuiltCli } from '../../src/cli/build.js';

export default async function setup() {
	await ensureBuiltCli();
}
