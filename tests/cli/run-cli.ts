import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';

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

/**
 * The same without blocking this process: for tests whose server (the test CouchDB) runs in the
 * test's own process and must keep answering while the CLI talks to it.
 */
export function cliAsync(
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}
): Promise<{ code: number | null; out: string; err: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['src/cli/bin.js', ...args], {
			env: { ...process.env, NODE_OPTIONS: '', ...options.env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
		const timer = setTimeout(() => child.kill(), options.timeout ?? 120_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, out, err });
		});
	});
}
