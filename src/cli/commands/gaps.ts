import { rankGaps } from '../../lib/domain/gaps';
import { glossaryTerm } from '../../lib/domain/glossary';
import { reportText } from '../../lib/domain/report-text';
import { perFileCommand } from '../batch';
import { UsageError } from '../errors';
import { fmt, loadAssessmentFile, titleOf } from '../shared';

/** `gaps FILE… [--json] [--top N]`: gaps ranked by priority, with their measures. */
export const run = perFileCommand('gaps', (file, opts, out) => {
	const top = opts.top === undefined ? undefined : Number(opts.top);
	if (top !== undefined && (!Number.isInteger(top) || top < 1))
		throw new UsageError('--top must be a positive integer');
	const { assessment, rubric } = loadAssessmentFile(file);
	const gaps = rankGaps(rubric, assessment).slice(0, top);
	if (opts.json)
		return out.json(
			gaps.map((g) => ({
				indicatorId: g.indicatorId,
				domainId: g.domainId,
				pillarId: g.pillarId,
				current: g.current,
				target: g.target,
				gap: g.gap,
				priority: g.priority,
				responsible: g.responsible,
				measures: g.measures.map((m) => ({
					key: m.key,
					toLevel: m.toLevel,
					text: m.text,
					actors: m.actors,
					cites: m.cites,
					cases: m.cases
				}))
			}))
		);
	const title = titleOf(rubric, opts.lang);
	const term = (key: Parameters<typeof glossaryTerm>[0]) => glossaryTerm(key, opts.lang);
	if (gaps.length === 0) return out.text(reportText(opts.lang, 'noGaps'));
	// The same names as the report's gap table, so a printed line can be matched to the PDF.
	out.text(
		[
			`  #  ${term('priority')} | ${term('level')} → ${term('target')} | ${term('gap')} | ${reportText(opts.lang, 'indicator')}`,
			...gaps.map(
				(g, i) =>
					`${String(i + 1).padStart(3)}. ${fmt(g.priority, 2).padStart(6)}  ${g.current}→${g.target}  ${String(g.gap).padStart(2)}  ${g.indicatorId}  ${title(g.indicatorId)}`
			)
		].join('\n')
	);
});
