import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser, HOW_TO_GET_A_BROWSER } from './browser-path.js';
import { E2E_BROWSER_FLAGS } from './e2e';

/**
 * A whole Chromium (browser process, renderers, storage and network services) on a persistent
 * profile, started in its own process group so a test can kill all of it at once with SIGKILL —
 * as a power cut of the browser, a crash of the browser process or `kill -9` would. Playwright's
 * own launchers hide the process group, so the browser is spawned here and driven over CDP.
 */
export interface KillableBrowser {
	browser: Browser;
	/** SIGKILL to every process of this browser; resolves once they are gone. */
	kill: () => Promise<void>;
}

/** Browsers started and not yet killed: a failed test must not leave a detached one running. */
const alive = new Set<() => Promise<void>>();
export const killAllKillable = () => Promise.all([...alive].map((kill) => kill()));

export async function launchKillable(profileDir: string): Promise<KillableBrowser> {
	const executablePath = findBrowser();
	if (!executablePath) throw new Error(HOW_TO_GET_A_BROWSER);
	const child: ChildProcess = spawn(
		executablePath,
		[
			...E2E_BROWSER_FLAGS,
			`--user-data-dir=${profileDir}`,
			'--remote-debugging-port=0',
			'about:blank'
		],
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const kill = async () => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
		await exited;
		alive.delete(kill);
	};
	alive.add(kill);
	const endpoint = await new Promise<string>((resolve, reject) => {
		let text = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${text}`)), 30_000);
		child.stderr!.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
		child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${text}`)));
	});
	child.stderr!.resume();
	const browser = await chromium.connectOverCDP(endpoint);
	return { browser, kill };
}
