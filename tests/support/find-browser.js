// Fails fast, before a build, when no browser for the end-to-end tests is installed.
import { findBrowser, HOW_TO_GET_A_BROWSER } from './browser-path.js';

const found = findBrowser();
if (!found) {
	const bad = process.env.CHROME_PATH
		? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)`
		: '';
	console.error(`No browser found${bad}. ${HOW_TO_GET_A_BROWSER}`);
	process.exit(1);
}
