/**
 * Tasks on a respondent's device: a 填报包 opened here becomes a task assessment under the
 * package's subject. Opening is one transaction (subject and task land together or not at all),
 * and it never duplicates: the same package opened again finds the task it made.
 */
import type { Assessment } from '$lib/domain/assessment';
import { openPackage, taskIdOf, type PackageFile } from '$lib/domain/coordination/core';
import { assessmentKey, now, plain, request, subjectKey, transaction } from './database';
import { readSubjectAssessments, summarize } from './assessments';
import {
	RECORD_SCHEMA_VERSION,
	upgradeRecord,
	type AssessmentRecord,
	type SubjectRecord
} from './record-upgrade';
import type { UnreadableRecord } from './unreadable';

export type OpenedPackage =
	/** A new task (and its subject, when the subject was not on this device) */
	| { kind: 'opened'; record: AssessmentRecord; newSubject: boolean }
	/** This package was opened here before: its task, as it stands now */
	| { kind: 'existing'; record: AssessmentRecord }
	/**
	 * This device holds the coordinator's own assessment the package was made from: opening it
	 * here would put the respondent's task beside the assessment it is meant to feed.
	 */
	| { kind: 'coordinator-device'; assessment: Assessment | null }
	/** A subject with the package's id is here but is of another kind (city vs. enterprise) */
	| { kind: 'subject-mismatch'; subject: SubjectRecord };

/**
 * Opens a package on this device: the subject (when it is not here yet, with the package's id
 * and name, so later packages of the same subject land beside it) and the task, together.
 */
export async function openPackageOnDevice(file: PackageFile): Promise<OpenedPackage> {
	const time = now();
	return transaction('readwrite', async (s): Promise<OpenedPackage> => {
		const ownKey = assessmentKey(file.assessment.id);
		const own: unknown = await request(s.get(ownKey));
		if (own !== undefined) {
			// An unreadable record with that id is still the coordinator's: refuse all the same.
			let assessment: Assessment | null;
			try {
				assessment = upgradeRecord('assessment', ownKey, own).assessment;
			} catch {
				assessment = null;
			}
			return { kind: 'coordinator-device', assessment };
		}

		const taskKey = assessmentKey(taskIdOf(file));
		const existing: unknown = await request(s.get(taskKey));
		if (existing !== undefined)
			return { kind: 'existing', record: upgradeRecord('assessment', taskKey, existing) };

		const subject = file.assessment.subject;
		const sKey = subjectKey(subject.id);
		const storedSubject: unknown = await request(s.get(sKey));
		let subjectRecord: SubjectRecord;
		const newSubject = storedSubject === undefined;
		if (storedSubject === undefined) {
			subjectRecord = {
				schemaVersion: RECORD_SCHEMA_VERSION,
				id: subject.id,
				kind: subject.kind,
				name: subject.name,
				rubricId: file.assessment.rubric.id,
				profile: plain(file.assessment.profile),
				note: '',
				archived: false,
				createdAt: time,
				updatedAt: time,
				summary: { assessmentIds: [], latest: null }
			};
		} else {
			subjectRecord = upgradeRecord('subject', sKey, storedSubject);
			if (
				subjectRecord.kind !== subject.kind ||
				subjectRecord.rubricId !== file.assessment.rubric.id
			)
				return { kind: 'subject-mismatch', subject: subjectRecord };
		}

		const task = openPackage(file, time);
		const record: AssessmentRecord = {
			schemaVersion: RECORD_SCHEMA_VERSION,
			revision: 1,
			updatedAt: time,
			assessment: plain(task)
		};
		const unreadable: UnreadableRecord[] = [];
		const others = newSubject ? [] : await readSubjectAssessments(s, subjectRecord, unreadable);
		await request(s.add(record, taskKey));
		// A task's partial answers are no score of the subject: its digest carries none.
		const summary = summarize(
			subjectRecord,
			[...others, record],
			new Map([[task.id, { score: null, coverage: 0 }]]),
			subjectRecord.summary,
			unreadable
		);
		await request(s.put({ ...subjectRecord, summary, updatedAt: time }, sKey));
		return { kind: 'opened', record, newSubject };
	});
}

/** Tasks on this device answering the same coordinator's assessment for the same respondent. */
export async function earlierTasksOf(file: PackageFile): Promise<Assessment[]> {
	return transaction('readonly', async (s) => {
		const raw: unknown = await request(s.get(subjectKey(file.assessment.subject.id)));
		if (raw === undefined) return [];
		const subject = upgradeRecord('subject', subjectKey(file.assessment.subject.id), raw);
		const unreadable: UnreadableRecord[] = [];
		return (await readSubjectAssessments(s, subject, unreadable))
			.map((r) => r.assessment)
			.filter(
				(a) =>
					a.task?.assessmentId === file.assessment.id &&
					a.task.respondent.id === file.respondent.id &&
					a.task.packageId !== file.package.id
			);
	});
}
