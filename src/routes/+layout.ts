import { browser } from '$app/environment';
import { locale } from '$lib/state/locale.svelte';

// Every page is prerendered; the app runs entirely in the browser from static files.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'always';

/**
 * The remembered interface language is ready before the page hydrates: English messages are
 * loaded on use, and text a page words once (an error, a notice) must not be left in Chinese.
 */
export async function load() {
	if (browser) await locale.restore();
	return {};
}
