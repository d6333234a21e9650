import { compareAssessments } from '../../lib/domain/compare';
import { glossaryTerm } from '../../lib/domain/glossary';
import { reportText } from '../../lib/domain/report-text';
import { InputError, UsageError } from '../errors';
import { write, writeJson } from '../io';
import type { Command } from '../options';
import { fmt, loadAssessmentFile, pct, titleOf } from '../shared';

/** `compare A B [--json]`: deltas from the earlier assessment A to the later B. */
export const run: Command = ([a, b], opts) => {
	if (!a || !b)
		throw new UsageError('compare needs two FILES: the earlier and the later assessment');
	const before = loadAssessmentFile(a);
	const after = loadAssessmentFile(b);
	if (before.assessment.subject.id !== after.assessment.subject.id)
		process.stderr.write(
			`warning: the two files are of different subjects (${before.assessment.subject.name} / ${after.assessment.subject.name})\n`
		);
	let c;
	try {
		c = compareAssessments(before.rubric, before.assessment, after.rubric, after.assessment);
	} catch (e) {
		throw new InputError(b, [{ path: '$.rubric', message: (e as Error).message }]);
	}
	if (opts.json) return writeJson(c);
	const title = titleOf(after.rubric, opts.lang);
	const line = (d: {
		id: string;
		before: number | null;
		after: number | null;
		delta: number | null;
	}) =>
		`${fmt(d.before).padStart(5)} → ${fmt(d.after).padStart(5)}  ${d.delta === null ? '   —' : (d.delta >= 0 ? '+' : '') + d.delta.toFixed(1)}  ${d.id === 'overall' ? reportText(opts.lang, 'all') : title(d.id)}`;
	if (!c.sameRubricVersion)
		write(
			`Rubric versions differ (${c.before.rubricVersion} → ${c.after.rubricVersion}): comparing ${c.sharedIndicatorCount} shared indicators (${pct(c.comparedShare)}).`
		);
	write(
		`${reportText(opts.lang, 'before')} → ${reportText(opts.lang, 'after')} | ${glossaryTerm('change', opts.lang)}`
	);
	write(line(c.overall));
	for (const p of c.pillars) write(`  ${line(p)}`);
	for (const d of c.domains) write(`    ${line(d)}`);
	write(
		`Level changes: ${c.levelCrossings.length}; resolved gaps: ${c.resolvedGaps.length}; new gaps: ${c.newGaps.length}`
	);
};
