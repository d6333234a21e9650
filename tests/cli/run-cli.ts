import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/**
 * Runs the CLI as a user would, through the package entry (src/cli/bin.js: the built CLI), in
 * its own process; a hang fails the test instead of blocking. The build is made once before the
 * tests (tests/support/build-cli.ts).
 */
export function cli(args: string[], options: SpawnSyncOptions = {}) {
	const r = spawnSync(process.execPath, ['src/cli/bin.js', ...args], {
		encoding: 'utf8',
		timeout: 45_000,
		env: { ...process.env, NODE_OPTIONS: '' },
		...options
	});
	return {
		code: r.status,
		signal: r.signal,
		out: String(r.stdout ?? ''),
		err: String(r.stderr ?? '')
	};
}
