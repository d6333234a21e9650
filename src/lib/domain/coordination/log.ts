/**
 * Sign-off (定稿) and the change log. A finalised assessment is read-only until reopened; the
 * reopening and every change after the first sign-off are logged with who, when, the indicator,
 * old → new and the reason.
 */
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import { emptyCoordination } from './empty';
import type { Coordination, LogEntry } from './schema';

type Change = NonNullable<LogEntry['changes']>[number];

const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
const num = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));

/** The fields that differ between two answers, old → new. */
export function describeChange(before: Answer | undefined, after: Answer | undefined): Change[] {
	const changes: Change[] = [];
	const push = (field: Change['field'], from: string | null, to: string | null) => {
		if (from !== to) changes.push({ field, from, to });
	};
	push('level', num(before?.level), num(after?.level));
	push(
		'notApplicable',
		String(before?.notApplicable ?? false),
		String(after?.notApplicable ?? false)
	);
	push('target', num(before?.target), num(after?.target));
	push('value', num(before?.value), num(after?.value));
	const figures = (a: Answer | undefined) => (a?.figures ? JSON.stringify(a.figures) : null);
	push('figures', figures(before), figures(after));
	const note = (a: Answer | undefined) => (a?.note?.trim() ? short(a.note.trim()) : null);
	push('note', note(before), note(after));
	const evidence = (a: Answer | undefined) =>
		a?.evidence?.length ? short(a.evidence.map((e) => e.title).join('；')) : null;
	push('evidence', evidence(before), evidence(after));
	return changes;
}

export interface SignOff {
	on: string;
	by: string;
}

const coordinationOf = (a: Assessment): Coordination => a.coordination ?? emptyCoordination();

/** Signs the assessment off: read-only until reopened. */
export function finalise(assessment: Assessment, signOff: SignOff, reason?: string): Assessment {
	const coordination = coordinationOf(assessment);
	if (coordination.finalised) return assessment;
	return {
		...assessment,
		coordination: {
			...coordination,
			finalised: { by: signOff.by, on: signOff.on },
			log: [
				...coordination.log,
				{ on: signOff.on, by: signOff.by, kind: 'finalise', ...(reason ? { reason } : {}) }
			]
		}
	};
}

/** Reopens a finalised assessment; the reason is required and logged. */
export function reopen(assessment: Assessment, signOff: SignOff, reason: string): Assessment {
	const coordination = assessment.coordination;
	if (!coordination?.finalised) return assessment;
	const { finalised: _closed, ...open } = coordination;
	return {
		...assessment,
		coordination: {
			...open,
			log: [...open.log, { on: signOff.on, by: signOff.by, kind: 'reopen', reason }]
		}
	};
}

export const isFinalised = (assessment: Assessment) => Boolean(assessment.coordination?.finalised);

/** Whether changes are logged: from the first sign-off on, every change is. */
export const isLogged = (assessment: Assessment) =>
	Boolean(assessment.coordination?.log.some((e) => e.kind === 'finalise'));

/**
 * Records a coordinator's edit of one answer in the log when changes are logged; returns the
 * assessment unchanged otherwise. The caller has already refused edits while finalised.
 */
export function logAnswerChange(
	assessment: Assessment,
	indicatorId: string,
	before: Answer | undefined,
	signOff: SignOff,
	reason?: string
): Assessment {
	if (!isLogged(assessment)) return assessment;
	const changes = describeChange(before, assessment.answers[indicatorId]);
	if (changes.length === 0) return assessment;
	const coordination = assessment.coordination!;
	return {
		...assessment,
		coordination: {
			...coordination,
			log: [
				...coordination.log,
				{
					on: signOff.on,
					by: signOff.by,
					kind: 'answer',
					indicatorId,
					changes,
					...(reason ? { reason } : {})
				}
			]
		}
	};
}
