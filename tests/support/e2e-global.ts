import { existsSync } from 'node:fs';
import { findBrowser, HOW_TO_GET_A_BROWSER } from './browser-path.js';

// The e2e command builds first; this guards against running the e2e suite on its own without it.
export default function setup() {
	if (!existsSync('build/index.html'))
		throw new Error('The app is not built: run "npm run test:e2e" (it builds first).');
	if (!findBrowser()) throw new Error(HOW_TO_GET_A_BROWSER);
}
