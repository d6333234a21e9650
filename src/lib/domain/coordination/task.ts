/**
 * What a respondent sees of its task: how much of it is answered (counted as the coordinator's
 * progress board counts a respondent: a level or 不适用), whether it is overdue, and the name its
 * return (回执) file gets.
 */
import type { Assessment } from '../assessment';

export interface TaskProgress {
	/** Assigned indicators with a level or marked 不适用 */
	answered: number;
	assigned: number;
}

export function taskProgress(assessment: Assessment): TaskProgress | null {
	const task = assessment.task;
	if (!task) return null;
	const answered = task.indicators.filter((id) => {
		const a = assessment.answers[id];
		return a !== undefined && (a.level !== null || a.notApplicable);
	}).length;
	return { answered, assigned: task.indicators.length };
}

/** Past the deadline on `today` (YYYY-MM-DD): the deadline day itself is not overdue. */
export const isOverdue = (deadline: string | undefined, today: string) =>
	deadline !== undefined && deadline < today;

/**
 * `<subject>-<period>-回执-<respondent>-<n>`: the coordinator sees whose return it is and which
 * one, and names that sort by subject and period. Characters no file system accepts are replaced.
 */
export function returnFileBase(assessment: Assessment, sequence: number): string {
	const task = assessment.task;
	const parts = [
		assessment.subject.name,
		assessment.period,
		'回执',
		task?.respondent.name ?? '',
		String(sequence)
	];
	return parts
		.filter(Boolean)
		.join('-')
		.replace(/[\\/:*?"<>|\s]+/g, '-')
		.replace(/-+/g, '-')
		.slice(0, 150);
}
