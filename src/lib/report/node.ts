/**
 * Node-only helpers for the CLI, the tests and the benchmark: the shipped fonts on disk. The app
 * loads the same files over HTTP (see fetchReportFonts in index.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFonts } from './fonts';

import { REPORT_FONT_FILES as FONT_FILES } from './index';

/** static/fonts, found relative to this file wherever the process runs from. */
export const STATIC_FONTS_DIR = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../../static/fonts'
);

export function readReportFonts(dir = STATIC_FONTS_DIR): ReportFonts {
	return {
		regular: new Uint8Array(readFileSync(path.join(dir, FONT_FILES.regular))),
		bold: new Uint8Array(readFileSync(path.join(dir, FONT_FILES.bold)))
	};
}
