import { createAssessment } from '../../lib/domain/sample';
import { checkedOptions, newSubject, printAssessment } from '../new-assessment';
import type { Command } from '../options';
import { parseProfile, requireRubric } from '../shared';

/**
 * `template --rubric ID [--version X] [--profile q=a,...]`: an empty assessment with every
 * indicator id, of version X (default: the current version).
 */
export const run: Command = (_, opts) => {
	const rubric = requireRubric(opts.rubric, opts.version);
	const checked = checkedOptions(opts);
	printAssessment(
		createAssessment(rubric, {
			id: 'assessment-1',
			subject: newSubject(rubric, checked.subject),
			profile: parseProfile(rubric, opts.profile),
			date: checked.date ?? '2026-01-01',
			mode: opts.quick ? 'quick' : 'full'
		})
	);
};
