import { checkCoverage } from '../../lib/domain/coverage';
import { guideline, listLeafPathNodes } from '../../lib/rubrics/guideline';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { requireRubric } from '../shared';

/** `coverage --rubric ID [--json]`: guideline nodes cited, required and uncovered. */
export const run: Command = (_, opts) => {
	const rubric = requireRubric(opts.rubric);
	const report = checkCoverage(rubric, guideline.nodes, listLeafPathNodes());
	if (opts.json) return writeJson(report);
	for (const n of report.required)
		write(
			`${n.indicatorIds.length ? 'covered  ' : 'UNCOVERED'}  ${n.nodeId.padEnd(14)} ${n.title}  ${n.indicatorIds.join(' ')}`
		);
	write(
		`${report.required.length - report.uncovered.length}/${report.required.length} required nodes covered; ${report.cited.length} nodes cited in all.`
	);
	if (report.uncovered.length) process.exitCode = 1;
};
