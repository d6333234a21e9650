/**
 * A Svelte attachment that draws a chart block on a canvas. Chart.js is imported only here and
 * only when a chart is shown, so pages without charts never load it.
 */
import type { Attachment } from 'svelte/attachments';
import type { ChartBlock } from '$lib/domain/report-model';
import { chartConfig } from './config';

export function chart(block: ChartBlock): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let destroyed = false;
		let instance: { destroy(): void } | undefined;
		void import('chart.js/auto').then(({ default: Chart }) => {
			if (destroyed) return;
			instance = new Chart(canvas, chartConfig(block));
		});
		return () => {
			destroyed = true;
			instance?.destroy();
		};
	};
}
