import { upgradeAssessment, type ReviewItem } from '../../lib/domain/upgrade';
import { readAssessment } from '../../lib/domain/assessment-file';
import { InputError, UsageError } from '../errors';
import { write, writeJson, writeOutputAtomically } from '../io';
import type { Command, Lang } from '../options';
import { findRubricById, shippedRubricSource } from '../rubric-files';
import { loadAssessmentFile, titleOf } from '../shared';

const REVIEW_TEXT = {
	zh: {
		proposed: (k: string) => ({ changed: '口径调整', split: '拆分', merged: '合并' })[k] ?? k,
		lowest: '（取合并前各项中最低等级）',
		confirm: '请确认或修改',
		removed: '新版已删除，原答案保留在此：',
		action: '行动状态未能对应到新版措施：',
		profile: '新版无此画像问题或选项，未转入',
		colon: '：',
		comma: '，'
	},
	en: {
		proposed: (k: string) => k,
		lowest: ' (the lowest of the merged levels)',
		confirm: 'confirm or change',
		removed: 'removed in the new version; the old answer, kept here:',
		action: 'action status with no matching measure in the new version:',
		profile: 'not a profile question or option of the new version; not carried',
		colon: ': ',
		comma: ', '
	}
};

function describe(
	item: ReviewItem,
	lang: Lang,
	oldTitle: (id: string) => string,
	newTitle: (id: string) => string
) {
	const t = REVIEW_TEXT[lang];
	const level = (l: number | null, na: boolean) => (na ? 'N/A' : l === null ? '—' : `L${l}`);
	switch (item.type) {
		case 'proposed':
			return `${item.indicatorId} ${newTitle(item.indicatorId)} ← ${item.from.map((f) => `${f.id} ${level(f.answer.level, f.answer.notApplicable)}`).join(', ')}${t.colon}${t.proposed(item.kind)} ${level(item.level, item.notApplicable)}${item.kind === 'merged' && item.from.length > 1 ? t.lowest : ''}${t.comma}${t.confirm}`;
		case 'removed':
			return `${item.oldId} ${oldTitle(item.oldId)}${t.colon}${t.removed} ${level(item.answer.level, item.answer.notApplicable)}${item.answer.note ? ` “${item.answer.note}”` : ''}${item.answer.evidence?.length ? ` (+${item.answer.evidence.length} evidence)` : ''}`;
		case 'action':
			return `${item.key}${t.colon}${t.action} ${item.action.status}`;
		case 'profile':
			return `${item.question}=${String(item.value)}${t.colon}${t.profile}`;
	}
}

/**
 * `upgrade FILE -o OUT.json [--json]`: the assessment carried into the current version of its
 * rubric (a new file; FILE is not changed), and the list of answers to review.
 */
export const run: Command = ([file], opts) => {
	if (!file)
		throw new UsageError(
			'upgrade needs a FILE (an assessment made with an earlier rubric version)'
		);
	if (!opts.output) throw new UsageError('upgrade needs -o OUT.json for the carried assessment');
	const { assessment, rubric: from } = loadAssessmentFile(file);
	const to = findRubricById(from.id)!;
	if (to.version === from.version)
		throw new InputError(file, [
			{
				path: '$.rubric.version',
				message: `is already the current version ${to.version} of ${to.id}; nothing to carry`
			}
		]);
	if (to.upgradeFrom?.from !== from.version)
		throw new InputError(file, [
			{
				path: '$.rubric.version',
				message: `rubric ${to.id} ${to.version} maps only from version ${to.upgradeFrom?.from ?? '(none)'}, not ${from.version}`
			}
		]);
	const result = upgradeAssessment(
		assessment,
		from,
		to,
		`${assessment.id}-${to.version}`.slice(0, 100)
	);
	const text = JSON.stringify(result.assessment, null, '\t') + '\n';
	// Whatever is written must open again, in the app and here.
	readAssessment(text, opts.output, shippedRubricSource);
	writeOutputAtomically(opts.output, new TextEncoder().encode(text), [file], 'carried assessment');
	if (opts.json)
		return writeJson({
			output: opts.output,
			from: from.version,
			to: to.version,
			carried: result.carried,
			review: result.review
		});
	const oldTitle = titleOf(from, opts.lang);
	const newTitle = titleOf(to, opts.lang);
	write(
		`${opts.output}: ${to.id} ${from.version} → ${to.version}; ${result.carried.length} answers carried as they were, ${result.review.length} to review`
	);
	for (const item of result.review)
		write(`  [${item.type}] ${describe(item, opts.lang, oldTitle, newTitle)}`);
};
