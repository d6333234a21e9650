import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium against the built app (see tests/support/e2e.ts).
export default defineConfig({
	// Tests build their input files with the app's own code (a backup in parts, for instance).
	resolve: { alias: { $lib: path.resolve('src/lib') } },
	test: {
		name: 'e2e',
		environment: 'node',
		include: ['tests/e2e/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		globalSetup: ['tests/support/e2e-global.ts', 'tests/support/build-cli.ts']
	}
});
