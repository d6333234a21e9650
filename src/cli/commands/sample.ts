import { createSampleAssessment } from '../../lib/domain/sample';
import { UsageError } from '../errors';
import { checkedOptions, newSubject, printAssessment } from '../new-assessment';
import type { Command } from '../options';
import { parseProfile, requireRubric } from '../shared';

/** `sample --rubric ID [--seed N] [--profile q=a,...]`: a realistic filled example. */
export const run: Command = (_, opts) => {
	const rubric = requireRubric(opts.rubric);
	const seed = opts.seed === undefined ? 1 : Number(opts.seed);
	if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
	const checked = checkedOptions(opts);
	printAssessment(
		createSampleAssessment(
			rubric,
			{
				id: `sample-${seed}`,
				subject: newSubject(rubric, checked.subject),
				profile: parseProfile(rubric, opts.profile),
				date: checked.date ?? '2026-01-01',
				period: checked.period ?? '2026年度',
				assessor: 'CLI sample',
				mode: opts.quick ? 'quick' : 'full'
			},
			seed
		)
	);
};
