import { existsSync } from 'node:fs';

const candidates = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium'
];

export const HOW_TO_GET_A_BROWSER =
	'End-to-end tests need Chromium or Chrome: on Debian/Ubuntu run "sudo apt-get install -y chromium", or set CHROME_PATH to the browser executable.';

/** The browser the end-to-end tests drive: CHROME_PATH, else a system Chromium/Chrome. */
export function findBrowser() {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	return candidates.find((p) => existsSync(p));
}
