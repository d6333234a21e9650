/** The report fonts shipped in static/fonts (SIL OFL 1.1, licence in static/fonts/OFL.txt). */
export const REPORT_FONT_FILES = {
	regular: 'LXGWWenKai-Regular.ttf',
	bold: 'LXGWWenKai-Bold.ttf'
} as const;
