import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The service-worker update test builds two versions of the app side by side: each into its own
// folder (GD_BUILD_DIR), under its own version name (GD_VERSION_NAME).
const outputDir = process.env.GD_BUILD_DIR ?? 'build';
const versionName = process.env.GD_VERSION_NAME;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: outputDir, assets: outputDir, fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Nothing leaves the device: only the app's own origin may be contacted; nothing is embedded.
		// A meta policy (static hosting sends no headers) cannot carry frame-ancestors or sandbox,
		// and no policy stops top-level navigation or WebRTC: see src/lib/network-guard.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		serviceWorker: { register: false },
		version: { pollInterval: 0, ...(versionName ? { name: versionName } : {}) }
	}
};

export default config;
