/**
 * Node-only helpers for the CLI, the tests and the benchmark: the shipped fonts on disk. The app
 * loads the same files over HTTP (see fetchReportFonts in index.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import type { ReportFonts } from './fonts';

import { REPORT_FONT_FILES as FONT_FILES } from './font-files';

/** static/fonts of the project, wherever the process runs from (source or built CLI). */
export const STATIC_FONTS_DIR = path.join(PROJECT_ROOT, 'static/fonts');

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function readReportFonts(dir = STATIC_FONTS_DIR): ReportFonts {
	const read = (file: string) => view(readFileSync(path.join(dir, file)));
	return {
		song: read(FONT_FILES.song),
		hei: read(FONT_FILES.hei),
		latin: read(FONT_FILES.latin),
		// Read only for a report that needs it, as in the app.
		fallback: () => readFile(path.join(dir, FONT_FILES.fallback)).then(view)
	};
}

/** The fonts, read in parallel and off the main thread (the CLI parses its input meanwhile). */
export async function loadReportFonts(dir = STATIC_FONTS_DIR): Promise<ReportFonts> {
	const read = async (file: string) => view(await readFile(path.join(dir, file)));
	const [song, hei, latin] = await Promise.all([
		read(FONT_FILES.song),
		read(FONT_FILES.hei),
		read(FONT_FILES.latin)
	]);
	return { song, hei, latin, fallback: () => read(FONT_FILES.fallback) };
}
