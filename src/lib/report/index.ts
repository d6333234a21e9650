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
 * from `$app/paths`). The service worker caches them once the app is ready, so this works
 * offline; the fallback face is fetched only when a report needs it, and cached then.
 */
export async function fetchReportFonts(base = ''): Promise<ReportFonts> {
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
	return { song, hei, latin, fallback: () => load(REPORT_FONT_FILES.fallback) };
}
