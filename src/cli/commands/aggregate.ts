/**
 * `aggregate FILE… [--by region|level|size|sector] [--json]`: the province view's numbers
 * computed from assessment files, exactly as `couch aggregate` computes them on the server
 * (same groups, same arithmetic). Invalid files are reported and left out (exit code 1).
 */
import { aggregateSummaries } from '../../lib/domain/sync/aggregate';
import { summariseAssessment, type AssessmentSummary } from '../../lib/domain/sync/summary';
import { refuseUnmatchedPatterns } from '../batch';
import { EXIT_INVALID_INPUT, InputError, UsageError } from '../errors';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { formatAggregate } from '../couch/format';
import { loadAssessmentFile } from '../shared';
import { parseGrouping } from './couch';

export const run: Command = (files, opts) => {
	if (!files.length) throw new UsageError('aggregate needs a FILE');
	refuseUnmatchedPatterns(files);
	const by = parseGrouping(opts.by);
	const summaries: AssessmentSummary[] = [];
	let invalid = 0;
	for (const file of files)
		try {
			const { assessment, rubric } = loadAssessmentFile(file);
			summaries.push(summariseAssessment(assessment, rubric));
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			invalid++;
			process.stderr.write(`invalid: ${e.message}\n`);
		}
	const result = aggregateSummaries(summaries, by);
	if (opts.json) writeJson(result);
	else write(formatAggregate(result, opts.lang));
	if (invalid) process.exitCode = EXIT_INVALID_INPUT;
};
