/**
 * SVG to PNG with resvg compiled to WebAssembly (`@resvg/resvg-wasm`): the same renderer and the
 * same fonts (the report's Hei face from static/fonts) in the browser and in Node, so the app and
 * the CLI draw identical chart pictures, and no system font decides how a chart looks. Word and
 * WPS show PNG everywhere; an SVG picture needs Word 2016 or later and would fall back to system
 * fonts, so the picture is a PNG drawn at print resolution.
 */
import type { initWasm as InitWasm, Resvg as ResvgClass } from '@resvg/resvg-wasm';
import { fetchAsset, readPackageFileInNode } from '../wasm';

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
	const inNode = await readPackageFileInNode('@resvg/resvg-wasm/index_bg.wasm');
	if (inNode) return inNode;
	const { default: url } = await import('@resvg/resvg-wasm/index_bg.wasm?url');
	return fetchAsset(url, (message) => new ChartRenderError(message));
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
