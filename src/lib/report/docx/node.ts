/** Node-only: the chart face of the Word report, read from static/fonts (the app fetches it). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_FONT_FILES } from '../font-files';
import { STATIC_FONTS_DIR } from '../node';

export async function loadChartFont(dir = STATIC_FONTS_DIR): Promise<Uint8Array> {
	const bytes = await readFile(path.join(dir, REPORT_FONT_FILES.hei));
	return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
