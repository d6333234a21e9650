/**
 * SVG to PNG with resvg compiled to WebAssembly (`@resvg/resvg-wasm`): the same renderer and the
 * same fonts (the report's Hei face from static/fonts) in the browser and in Node, so the app and
 * the CLI draw identical chart pictures, and no system font decides how a chart looks. Word and
 * WPS show PNG everywhere; an SVG picture needs Word 2016 or later and would fall back to system
 * fonts, so the picture is a PNG drawn at print resolution.
 */
import type { initWasm as InitWasm, Resvg as ResvgClass } from '@resvg/resvg-wasm';

export class ChartRenderError extends Error {}

type ResvgModule = { initWasm: typeof InitWasm; Resvg: typeof ResvgClass };

let ready: Promise<ResvgModule> | undefined;

/** resvg, initialised once per process or page (its wasm cannot be initialised twice). */
function loadResvg(): Promise<ResvgModule> {
	ready ??= (async () => {
		const resvg = (await import('@resvg/resvg-wasm')) as ResvgModule;
		await resvg.initWasm(await loadWasm());
		return resvg;
	})();
	ready.catch(() => (ready = undefined));
	return ready;
}

async function loadWasm(): Promise<BufferSource> {
	if (typeof process !== 'undefined' && process.versions?.node) {
		// Specifiers in variables: bundlers must not try to pack Node built-ins for the browser.
		const fsModule = 'node:fs/promises';
		const moduleModule = 'node:module';
		const { readFile } = (await import(
			/* @vite-ignore */ fsModule
		)) as typeof import('node:fs/promises');
		const { createRequire } = (await import(
			/* @vite-ignore */ moduleModule
		)) as typeof import('node:module');
		return readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
	}
	// Emitted by Vite as an asset of the app's own origin, precached, so this works offline.
	const { default: url } = await import('@resvg/resvg-wasm/index_bg.wasm?url');
	const response = await fetch(url);
	if (!response.ok) throw new ChartRenderError(`could not load ${url}: HTTP ${response.status}`);
	return response.arrayBuffer();
}

export interface Rasterizer {
	/** The SVG as a PNG `zoom` times its size in pixels. */
	png(svg: string, zoom: number): Uint8Array;
}

/** A rasterizer drawing text with `font` (a TrueType file) as the SVG's sans-serif family. */
export async function createRasterizer(font: Uint8Array, family: string): Promise<Rasterizer> {
	const { Resvg } = await loadResvg();
	return {
		png(svg, zoom) {
			const renderer = new Resvg(svg, {
				fitTo: { mode: 'zoom', value: zoom },
				font: {
					fontBuffers: [font],
					defaultFontFamily: family,
					sansSerifFamily: family
				}
			});
			try {
				const image = renderer.render();
				try {
					return image.asPng();
				} finally {
					image.free();
				}
			} finally {
				renderer.free();
			}
		}
	};
}
