import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** Runs the CLI as a user would, in its own process; a hang fails the test instead of blocking. */
export function cli(args: string[], options: SpawnSyncOptions = {}) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
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
