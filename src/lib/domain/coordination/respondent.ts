/**
 * The respondent's side: a package opened on its own device becomes a task (an assessment limited
 * to the package's indicators), and the task's answers go back as a return (回执), numbered so the
 * coordinator can tell a newer return from an older one.
 */
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from '../assessment-format';
import { COORDINATION_FILE_VERSION, RETURN_FORMAT } from './formats';
import type { PackageFile, ReturnFile } from './schema';

/** The id of the task a package becomes: one per package, apart from any other assessment. */
export const taskIdOf = (file: PackageFile) =>
	`task-${file.package.id}-${file.assessment.id}`.slice(0, 100);

/** The assessment a respondent fills in for a package. */
export function openPackage(file: PackageFile, now: string): Assessment {
	return {
		format: ASSESSMENT_FORMAT,
		formatVersion: ASSESSMENT_FORMAT_VERSION,
		id: taskIdOf(file),
		rubric: file.assessment.rubric,
		subject: file.assessment.subject,
		profile: file.assessment.profile,
		mode: file.assessment.mode,
		period: file.assessment.period,
		assessor: '',
		date: file.assessment.date,
		answers: { ...file.answers },
		task: {
			packageId: file.package.id,
			assessmentId: file.assessment.id,
			respondent: file.respondent,
			coordinator: file.coordinator,
			issuedOn: file.package.issuedOn,
			indicators: file.indicators,
			returned: 0
		},
		createdAt: now,
		updatedAt: now
	};
}

/** Whether a task may change this indicator: only what the package assigned. */
export const isAssignedInTask = (assessment: Assessment, indicatorId: string) =>
	!assessment.task || assessment.task.indicators.includes(indicatorId);

/**
 * The return of a task, and the task with the return counted. `person` is who filled it in;
 * only the assigned indicators' answers go back.
 */
export function buildReturn(
	task: Assessment,
	person: string,
	on: string
): { file: ReturnFile; task: Assessment } {
	if (!task.task)
		throw new Error('not a task: only an assessment opened from a package has a return');
	const sequence = task.task.returned + 1;
	const answers: Record<string, Answer> = {};
	for (const id of task.task.indicators) if (task.answers[id]) answers[id] = task.answers[id]!;
	return {
		file: {
			format: RETURN_FORMAT,
			formatVersion: COORDINATION_FILE_VERSION,
			packageId: task.task.packageId,
			assessmentId: task.task.assessmentId,
			rubric: task.rubric,
			respondentId: task.task.respondent.id,
			person,
			returnedOn: on,
			sequence,
			answers
		},
		task: { ...task, task: { ...task.task, returned: sequence } }
	};
}
