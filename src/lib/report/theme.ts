/** Page geometry, type sizes and colours of the PDF report (points; A4 portrait). */

export type Rgb = readonly [number, number, number];

export const DEFAULT_ACCENT = '#1d4e89';

export function parseHexColor(hex: string): Rgb | null {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
	return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

/** `a` moved towards `b` by `t` (0 = a, 1 = b). */
export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
	Math.round(a[0] + (b[0] - a[0]) * t),
	Math.round(a[1] + (b[1] - a[1]) * t),
	Math.round(a[2] + (b[2] - a[2]) * t)
];

/** WCAG relative luminance, to pick white or dark text on the accent colour. */
function luminance([r, g, b]: Rgb): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a: Rgb, b: Rgb) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [31, 35, 40];

export interface Theme {
	accent: Rgb;
	/** The accent as text on white: darkened when the brand colour is too light to read */
	accentText: Rgb;
	/** Text drawn on an accent fill */
	onAccent: Rgb;
	accentTint: Rgb;
	accentWash: Rgb;
	ink: Rgb;
	muted: Rgb;
	rule: Rgb;
	zebra: Rgb;
	target: Rgb;
	warningFill: Rgb;
	warningBar: Rgb;
	warningInk: Rgb;
	/** Colours of line-chart series after the first (which is the accent) */
	series: Rgb[];
}

export function makeTheme(accentHex?: string): Theme {
	const accent = (accentHex && parseHexColor(accentHex)) || parseHexColor(DEFAULT_ACCENT)!;
	let accentText = accent;
	for (let t = 0.1; contrast(accentText, WHITE) < 4.5 && t <= 1; t += 0.1)
		accentText = mix(accent, INK, t);
	return {
		accent,
		accentText,
		onAccent: contrast(accent, WHITE) >= 3 ? WHITE : INK,
		accentTint: mix(accent, WHITE, 0.72),
		accentWash: mix(accent, WHITE, 0.93),
		ink: INK,
		muted: [87, 96, 106],
		rule: [208, 215, 222],
		zebra: [246, 248, 250],
		target: [150, 158, 168],
		warningFill: [255, 244, 229],
		warningBar: [217, 119, 6],
		warningInk: [122, 75, 0],
		series: [
			[217, 119, 6],
			[46, 139, 87],
			[142, 68, 173],
			[192, 57, 43],
			[22, 160, 160],
			[107, 114, 128]
		]
	};
}

export const PAGE = {
	width: 595.28,
	height: 841.89,
	left: 54,
	right: 54,
	/** Content starts below the running header */
	top: 74,
	/** Content ends above the footer */
	bottom: 841.89 - 66,
	headerBaseline: 40,
	footerBaseline: 841.89 - 34
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const TYPE = {
	body: { size: 10.5, lineHeight: 17 },
	note: { size: 9.5, lineHeight: 15 },
	table: { size: 8.5, lineHeight: 12 },
	small: { size: 8, lineHeight: 11 },
	heading: { size: 12.5, lineHeight: 18 },
	section: { size: 20, lineHeight: 28 },
	subsection: { size: 14, lineHeight: 20 }
} as const;
