import { listIndicators } from '../../lib/domain/rubric-index';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { loadShippedRubrics } from '../rubric-files';

/** `rubrics [--json]`: the shipped rubrics with their scale and indicators. */
export const run: Command = (_, opts) => {
	const list = loadShippedRubrics().map((r) => ({
		id: r.id,
		version: r.version,
		audience: r.audience,
		title: r.title,
		scale: { min: 0, max: r.scale.length - 1 },
		indicators: listIndicators(r).map((e) => ({
			id: e.indicator.id,
			domain: e.domain.id,
			pillar: e.pillar.id,
			quickScan: e.indicator.quickScan
		}))
	}));
	if (opts.json) return writeJson(list);
	for (const r of list)
		write(
			`${r.id}\t${r.version}\t${r.audience}\t${r.indicators.length} indicators\t${r.title[opts.lang]}`
		);
};
