/**
 * How the lines of a line chart are told apart: by colour, by dash pattern and by point shape at
 * once, so that a reader with a colour-vision deficiency, or a grey-scale print, still tells every
 * line apart. Colours are from the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies); its yellow, orange and sky blue are left out because they fade on white paper.
 * Shared by the on-screen charts (Chart.js) and the PDF's vector charts.
 */
export type PointShape = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot';

export interface SeriesStyle {
	color: string;
	/** Dash pattern in pixels (on, off, …); empty for a solid line */
	dash: number[];
	point: PointShape;
}

/** One style per line; a chart never has more lines than this (see MAX_SERIES in the domain). */
export const LINE_STYLES: readonly SeriesStyle[] = [
	{ color: '#000000', dash: [], point: 'circle' },
	{ color: '#0072B2', dash: [8, 4], point: 'rect' },
	{ color: '#D55E00', dash: [2, 3], point: 'triangle' },
	{ color: '#009E73', dash: [10, 3, 2, 3], point: 'rectRot' },
	{ color: '#CC79A7', dash: [4, 2], point: 'crossRot' }
];

export const lineStyle = (index: number): SeriesStyle => LINE_STYLES[index % LINE_STYLES.length]!;

/** "#0072B2" as [0, 114, 178] (for jsPDF). */
export function hexToRgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export interface DirectLabel {
	index: number;
	/** Where the label's vertical middle goes, after moving labels apart */
	y: number;
}

/**
 * Vertical positions for labels at the end of each line: each as close to its line's last point
 * as it can be without overlapping the next (`gap` apart), kept inside [top, bottom].
 */
export function spreadLabels(
	ends: { index: number; y: number }[],
	gap: number,
	top: number,
	bottom: number
): DirectLabel[] {
	const sorted = [...ends].sort((a, b) => a.y - b.y).map((e) => ({ ...e }));
	for (let i = 1; i < sorted.length; i++)
		sorted[i]!.y = Math.max(sorted[i]!.y, sorted[i - 1]!.y + gap);
	// Pushed past the bottom: shift the stack up, then keep the first inside the top.
	const overflow = (sorted.at(-1)?.y ?? 0) - bottom;
	if (overflow > 0) for (const label of sorted) label.y -= overflow;
	for (let i = 0; i < sorted.length; i++)
		sorted[i]!.y = Math.max(sorted[i]!.y, i === 0 ? top : sorted[i - 1]!.y + gap);
	return sorted;
}
