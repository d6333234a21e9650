/**
 * The PDF report, for the app and the CLI: `renderReportPdf(buildReportModel(...), { font })`.
 * Everything here runs in the browser and in Node; Node-only helpers are in ./node.
 */
import { REPORT_FONT_FILES } from './font-files';
import type { ReportFonts } from './fonts';

export {
	renderReportPdf,
	ReportRenderError,
	type ReportBranding,
	type RenderReportOptions
} from './pdf';
export type { ReportFonts } from './fonts';
export { breakLines } from './line-break';

export { REPORT_FONT_FILES };

/**
 * Fetches the shipped fonts from the app's static files (`base` is the app's base path, e.g.
 * from `$app/paths`). The service worker caches them when first fetched, or with the offline
 * reports pack from Settings (src/lib/report-pack), so this then works offline; the fallback
 * face is fetched only when a report needs it. The fonts are kept in memory for the session:
 * without that, every export read the same megabytes from the cache again, and the first export
 * took up to three times as long as the next.
 */
export function fetchReportFonts(base = ''): Promise<ReportFonts> {
	let fonts = loaded.get(base);
	if (!fonts) {
		fonts = loadReportFonts(base);
		loaded.set(base, fonts);
		// A failed load (offline before the fonts were cached) is tried again next time.
		fonts.catch(() => loaded.delete(base));
	}
	return fonts;
}

const loaded = new Map<string, Promise<ReportFonts>>();

async function loadReportFonts(base: string): Promise<ReportFonts> {
	const load = async (file: string) => {
		const response = await fetch(`${base}/fonts/${file}`);
		if (!response.ok)
			throw new Error(`could not load the report font ${file}: HTTP ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	};
	const [song, hei, latin] = await Promise.all([
		load(REPORT_FONT_FILES.song),
		load(REPORT_FONT_FILES.hei),
		load(REPORT_FONT_FILES.latin)
	]);
	let fallback: Promise<Uint8Array> | undefined;
	return {
		song,
		hei,
		latin,
		fallback: () => {
			fallback ??= load(REPORT_FONT_FILES.fallback);
			fallback.catch(() => (fallback = undefined));
			return fallback;
		}
	};
}
