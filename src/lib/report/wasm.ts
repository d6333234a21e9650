/**
 * Loading a WebAssembly module the exports use (harfbuzz for the PDF's font subsetting, resvg
 * for the Word report's chart pictures), in Node and in the browser alike.
 */

/** In Node, the bytes of a file of an installed package; undefined in a browser. */
export async function readPackageFileInNode(specifier: string): Promise<BufferSource | undefined> {
	if (typeof process === 'undefined' || !process.versions?.node) return undefined;
	// Specifiers in variables: bundlers must not try to pack Node built-ins for the browser.
	const fsModule = 'node:fs/promises';
	const moduleModule = 'node:module';
	const { readFile } = (await import(
		/* @vite-ignore */ fsModule
	)) as typeof import('node:fs/promises');
	const { createRequire } = (await import(
		/* @vite-ignore */ moduleModule
	)) as typeof import('node:module');
	return readFile(createRequire(import.meta.url).resolve(specifier));
}

/**
 * An asset of the app's own origin (Vite emits the wasm as one; the service worker caches it when
 * first fetched, so this then works offline). A failed fetch is reported with `makeError`.
 */
export async function fetchAsset(
	url: string,
	makeError: (message: string) => Error
): Promise<ArrayBuffer> {
	const response = await fetch(url);
	if (!response.ok) throw makeError(`could not load ${url}: HTTP ${response.status}`);
	return response.arrayBuffer();
}
