/**
 * The report faces shipped in static/fonts, made by make-fonts.ts from Debian's font packages
 * (`npm run fonts`); each licence is beside its font (README.md, "Report fonts").
 */
export const REPORT_FONT_FILES = {
	/** Body text: AR PL UMing CN (Ming/Song), GB 2312 and the product's own characters */
	song: 'ReportSong-UMingCN.ttf',
	/** Headings, table headers, emphasis: WenQuanYi Micro Hei, the same characters */
	hei: 'ReportHei-WQYMicroHei.ttf',
	/** English and numbers in body text: Noto Serif, Latin, Greek and Cyrillic */
	latin: 'ReportLatin-NotoSerif.ttf',
	/**
	 * The rest of WenQuanYi Micro Hei (about 14,000 rarer characters of GBK and beyond), loaded
	 * only for text that needs it, so it is not part of the fonts every install caches.
	 */
	fallback: 'on-demand/ReportFallback-WQYMicroHei.ttf'
} as const;

export type ReportFace = keyof typeof REPORT_FONT_FILES;
