/**
 * Node-only helpers for the CLI, the tests and the benchmark: the shipped fonts on disk. The app
 * loads the same files over HTTP (see fetchReportFonts in index.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFonts } from './fonts';

import { REPORT_FONT_FILES as FONT_FILES } from './font-files';

/** static/fonts, found relative to this file wherever the process runs from. */
export const STATIC_FONTS_DIR = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../static/fonts'
);

export function readReportFonts(dir = STATIC_FONTS_DIR): ReportFonts {
	// Views on the Buffers, not copies: each file is 15 MB.
	const read = (file: string) => {
		const b = readFileSync(path.join(dir, file));
		return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
	};
	return { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) };
}

/** Both fonts, read in parallel and off the main thread (the CLI parses its input meanwhile). */
export async function loadReportFonts(dir = STATIC_FONTS_DIR): Promise<ReportFonts> {
	const read = async (file: string) => {
		const b = await readFile(path.join(dir, file));
		return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
	};
	const [regular, bold] = await Promise.all([read(FONT_FILES.regular), read(FONT_FILES.bold)]);
	return { regular, bold };
}
