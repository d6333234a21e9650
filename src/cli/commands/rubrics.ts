import { listIndicators } from '../../lib/domain/rubric-index';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { loadAllVersions, loadShippedRubrics } from '../rubric-files';

/** `rubrics [--json]`: every version of the shipped rubrics, with their scale and indicators. */
export const run: Command = (_, opts) => {
	const current = new Set(loadShippedRubrics().map((r) => `${r.id}@${r.version}`));
	const list = loadAllVersions().map((r) => ({
		id: r.id,
		version: r.version,
		current: current.has(`${r.id}@${r.version}`),
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
			`${r.id}\t${r.version}${r.current ? ' (current)' : ''}\t${r.audience}\t${r.indicators.length} indicators\t${r.title[opts.lang]}`
		);
};
