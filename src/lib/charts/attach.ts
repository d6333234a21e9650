/**
 * A Svelte attachment that draws a chart block on a canvas. Chart.js is imported only here and
 * only when a chart comes near the screen, so pages without charts never load it and a long page
 * does not draw charts nobody has scrolled to yet (on a phone that is seconds of work on load).
 */
import type { Attachment } from 'svelte/attachments';
import type { ChartBlock } from '$lib/domain/report-model';
import { chartConfig } from './config';

type ChartModule = typeof import('chart.js/auto');
/** Chart.js once loaded: printing draws the charts not drawn yet with it, synchronously. */
let loaded: ChartModule | undefined;

export function chart(block: ChartBlock): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let destroyed = false;
		let instance: { destroy(): void } | undefined;
		const draw = ({ default: Chart }: ChartModule) => {
			if (destroyed || instance) return;
			instance = new Chart(canvas, chartConfig(block));
		};
		const start = () => {
			observer?.disconnect();
			if (loaded) return draw(loaded);
			void import('chart.js/auto').then((module) => draw((loaded = module)));
		};
		// Half a screen ahead, so a chart is drawn by the time it is in sight.
		const observer =
			typeof IntersectionObserver === 'undefined'
				? undefined
				: new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
						rootMargin: '50% 0px'
					});
		if (observer) observer.observe(canvas);
		else start();
		const printing = () => start();
		window.addEventListener('beforeprint', printing);
		return () => {
			destroyed = true;
			observer?.disconnect();
			window.removeEventListener('beforeprint', printing);
			instance?.destroy();
		};
	};
}
