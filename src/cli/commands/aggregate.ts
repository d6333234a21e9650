/**
 * `aggregate FILE… [--by region|level|size|sector] [--period P] [--json]`: the province view's
 * numbers computed from assessment files, exactly as `couch aggregate` computes them on the
 * server (same periods, same one-assessment-per-subject rule, same groups, same arithmetic).
 * Invalid files are reported and left out (exit code 1).
 */
import { aggregateSummaries } from '../../lib/domain/sync/aggregate';
import type { SummaryEntry } from '../../lib/domain/sync/periods';
import { summariseAssessment } from '../../lib/domain/sync/summary';
import { refuseUnmatchedPatterns } from '../batch';
import { EXIT_INVALID_INPUT, InputError, UsageError } from '../errors';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { formatAggregate } from '../couch/format';
import { loadAssessmentFile } from '../shared';
import { parseGrouping, parsePeriod } from './couch';

export const run: Command = (files, opts) => {
	if (!files.length) throw new UsageError('aggregate needs a FILE');
	refuseUnmatchedPatterns(files);
	const by = parseGrouping(opts.by);
	const period = parsePeriod(opts.period);
	const entries: SummaryEntry[] = [];
	let invalid = 0;
	for (const file of files)
		try {
			const { assessment, rubric } = loadAssessmentFile(file);
			entries.push({
				id: assessment.id,
				date: assessment.date,
				savedAt: assessment.updatedAt ?? '',
				summary: summariseAssessment(assessment, rubric)
			});
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			invalid++;
			process.stderr.write(`invalid: ${e.message}\n`);
		}
	const result = aggregateSummaries(entries, by, period);
	if (opts.json) writeJson(result);
	else write(formatAggregate(result, opts.lang, period));
	if (invalid) process.exitCode = EXIT_INVALID_INPUT;
};
