/**
 * Workflow operations the pages call: creating subjects and assessments, exporting files (imports:
 * importing.ts), the sample city. Glue between storage, rubrics and the pure domain; components stay thin.
 */
import { heldFileIds } from '$lib/domain/held-answers';
import type { Assessment, Profile } from '$lib/domain/assessment';
import { createAssessment as newAssessment, createSampleAssessment } from '$lib/domain/sample';
import { upgradePlan } from '$lib/domain/upgrade';
import type { Rubric } from '$lib/rubrics/schema';
import { MAX_IMPORT_BYTES } from '$lib/storage/import-limit';
import { embedFiles } from '$lib/storage/files';
import * as repo from '$lib/storage/repository';
import { CorruptRecordError, NewerRecordError } from '$lib/storage/record-upgrade';
import type { SubjectRecord } from '$lib/storage/records';
import type { UnreadableRecord } from '$lib/storage/unreadable';
import { AssessmentSession } from './assessment-session.svelte';
import { digestOf } from './summaries';
import { getRubric, rubricIdFor } from './rubrics';

export const newId = () => crypto.randomUUID();
export const today = () => new Date().toISOString().slice(0, 10);

/** A file name that every operating system accepts, from the subject, period and date. */
export function fileNameFor(parts: string[], extension: string) {
	const base = parts
		.filter(Boolean)
		.join('_')
		.replace(/[\\/:*?"<>|\s]+/g, '-')
		.replace(/-+/g, '-')
		.slice(0, 120);
	return `${base}.${extension}`;
}

export function download(fileName: string, content: string | Uint8Array, type: string) {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function requireRubric(id: string): Promise<Rubric> {
	const rubric = await getRubric(id);
	if (!rubric) throw new Error(`rubric ${id} is not available`);
	return rubric;
}

/**
 * Where the answers of an assessment made with an earlier rubric version go in `to`: only the
 * exact moves of the mapping (kept or renamed); a redefined indicator starts unanswered rather
 * than with an answer to a different question. Undefined: same version, every id as it is.
 */
async function answerMoves(from: Assessment, to: Rubric) {
	if (from.rubric.version === to.version) return undefined;
	const old = await getRubric(from.rubric.id, from.rubric.version);
	if (!old || to.upgradeFrom?.from !== old.version) return new Map<string, string>();
	return upgradePlan(old, to).exact;
}

export async function createSubject(input: {
	kind: SubjectRecord['kind'];
	name: string;
	profile: Profile;
	note?: string;
}) {
	return repo.createSubject({
		id: newId(),
		kind: input.kind,
		name: input.name.trim(),
		rubricId: rubricIdFor(input.kind),
		profile: input.profile,
		note: input.note
	});
}

export async function startAssessment(input: {
	subject: SubjectRecord;
	period: string;
	assessor: string;
	date: string;
	mode: Assessment['mode'];
	/** Copy the answers of this earlier assessment as the starting point */
	copyFrom?: Assessment;
}) {
	const rubric = await requireRubric(input.subject.rubricId);
	const assessment = newAssessment(rubric, {
		id: newId(),
		subject: { id: input.subject.id, name: input.subject.name, kind: input.subject.kind },
		profile: input.subject.profile,
		date: input.date,
		period: input.period,
		assessor: input.assessor,
		mode: input.mode
	});
	if (input.copyFrom) {
		const moves = await answerMoves(input.copyFrom, rubric);
		for (const [oldId, answer] of Object.entries(input.copyFrom.answers)) {
			const id = moves ? moves.get(oldId) : oldId;
			// Evidence files belong to the earlier assessment; links and notes carry over.
			if (id && id in assessment.answers)
				assessment.answers[id] = {
					...answer,
					evidence: answer.evidence?.filter((e) => e.kind === 'link')
				};
		}
	}
	const record = await repo.createAssessment(assessment, digestOf(rubric, assessment));
	return record;
}

async function exportAssessments(records: { assessment: Assessment }[], files: Map<string, Blob>) {
	return Promise.all(records.map((r) => embedFiles(r.assessment, files)));
}

export const UNREADABLE_FORMAT = 'gd-digital-economy-unreadable-records';

/** What an export wrote, and what it had to leave out (with the raw file that keeps it). */
export interface ExportResult {
	fileName: string;
	leftOut: UnreadableRecord[];
	/** The file holding the stored values of what was left out, when anything was */
	rawFileName?: string;
}

/**
 * The stored values of records the app cannot open, as a JSON file: nothing is lost even when a
 * record cannot be read, and a newer app (or a person) can recover it from this file.
 */
export async function buildRawRecordsFile(records: UnreadableRecord[]) {
	const keys = [...new Set(records.map((r) => r.key))];
	const values = await repo.readRawRecords(keys);
	const content = JSON.stringify(
		{
			format: UNREADABLE_FORMAT,
			exportedAt: new Date().toISOString(),
			records: keys.map((key) => {
				const r = records.find((x) => x.key === key)!;
				return { key, kind: r.kind, reason: r.reason, message: r.message, value: values[key] };
			})
		},
		null,
		1
	);
	return { fileName: fileNameFor(['数字经济自评估-无法读取的记录', today()], 'json'), content };
}

/** Saves the stored values of unreadable records to a file; returns its name. */
export async function saveRawRecords(records: UnreadableRecord[]): Promise<string> {
	const file = await buildRawRecordsFile(records);
	download(file.fileName, file.content, 'application/json');
	return file.fileName;
}

/**
 * A backup whose JSON would pass this size is written as a zip of parts instead (see
 * storage/backup-archive.ts): half the import limit, so that every backup the app writes can be
 * imported again. 1,000 assessments without evidence are about 12 MB of JSON; 10,000, 115 MB.
 */
export const ARCHIVE_ABOVE_CHARS = MAX_IMPORT_BYTES / 2;

/** A backup of everything readable (or of some subjects); what cannot be read is listed. */
async function readBackup(subjectIds?: string[]) {
	// The backup format's module holds the import schemas: loaded when a backup is made.
	const [stored, { buildBackup }] = await Promise.all([
		repo.readEverything(subjectIds),
		import('$lib/storage/bundle')
	]);
	const assessments = await exportAssessments(stored.assessments, stored.files);
	const backup = buildBackup(stored.subjects, assessments, new Date().toISOString());
	const single = subjectIds?.length === 1 ? stored.subjects[0] : undefined;
	const name = single ? [single.name, today()] : ['数字经济自评估-备份', today()];
	return { backup, name, leftOut: stored.unreadable };
}

/** A backup as one JSON file. */
export async function buildBackupFile(subjectIds?: string[]) {
	const { backup, name, leftOut } = await readBackup(subjectIds);
	return { fileName: fileNameFor(name, 'json'), content: JSON.stringify(backup, null, 1), leftOut };
}

/** The backup as it is downloaded: one JSON file, or a zip of parts when it is large. */
export async function buildBackupDownload(
	subjectIds?: string[],
	archiveAbove = ARCHIVE_ABOVE_CHARS
) {
	const { backup, name, leftOut } = await readBackup(subjectIds);
	const content = JSON.stringify(backup, null, 1);
	if (content.length <= archiveAbove)
		return { fileName: fileNameFor(name, 'json'), content, type: 'application/json', leftOut };
	const { buildBackupArchive } = await import('$lib/storage/backup-archive');
	return {
		fileName: fileNameFor(name, 'zip'),
		content: await buildBackupArchive(backup),
		type: 'application/zip',
		leftOut
	};
}

export async function exportEverything(subjectIds?: string[]): Promise<ExportResult> {
	const file = await buildBackupDownload(subjectIds);
	download(file.fileName, file.content, file.type);
	// What the backup could not hold is saved beside it, so nothing is lost.
	const rawFileName = file.leftOut.length ? await saveRawRecords(file.leftOut) : undefined;
	if (!subjectIds)
		try {
			await repo.updateMeta({ lastExportAt: new Date().toISOString() });
		} catch (e) {
			// Settings that cannot be read do not undo a backup that was made.
			if (!(e instanceof NewerRecordError || e instanceof CorruptRecordError)) throw e;
		}
	return { fileName: file.fileName, leftOut: file.leftOut, rawFileName };
}

/** One assessment as a file, with the evidence files that can be read. */
export async function buildAssessmentFile(assessment: Assessment) {
	// Every held answer's files: a coordinated assessment keeps respondents' evidence too.
	const { files, unreadable } = await repo.readFiles([...heldFileIds(assessment)]);
	const [embedded] = await exportAssessments([{ assessment }], files);
	const fileName = fileNameFor([assessment.subject.name, assessment.period, today()], 'json');
	return { fileName, content: JSON.stringify(embedded, null, 1), leftOut: unreadable };
}

export async function exportAssessment(assessment: Assessment): Promise<ExportResult> {
	const file = await buildAssessmentFile(assessment);
	download(file.fileName, file.content, 'application/json');
	const rawFileName = file.leftOut.length ? await saveRawRecords(file.leftOut) : undefined;
	return { fileName: file.fileName, leftOut: file.leftOut, rawFileName };
}

/** The sample city's fixed id: loading the sample again finds it instead of copying it. */
export const SAMPLE_SUBJECT_ID = 'sample-city';

/**
 * A fictional prefecture-level city with assessments for two years, to explore the app. Loaded
 * once: when it is already on the device (by its id, or by its name for a sample loaded before
 * the id was fixed) that subject is returned with `existed` and nothing is written.
 */
export async function loadSampleCity(sample: {
	name: string;
	assessor: string;
	periodOf: (year: number) => string;
}): Promise<{ subject: SubjectRecord; existed: boolean }> {
	const { name, assessor, periodOf } = sample;
	const { subjects } = await repo.listReadableSubjects();
	const present =
		subjects.find((s) => s.id === SAMPLE_SUBJECT_ID) ??
		subjects.find((s) => s.kind === 'city' && s.name === name && !s.archived);
	if (present) return { subject: present, existed: true };
	const rubric = await requireRubric(rubricIdFor('city'));
	const profile: Profile = { level: 'prefecture', region: 'prd' };
	const subject = await repo.createSubject({
		id: SAMPLE_SUBJECT_ID,
		kind: 'city',
		name,
		rubricId: rubric.id,
		profile,
		note: ''
	});
	const year = Number(today().slice(0, 4));
	for (const [offset, seed] of [
		[1, 21],
		[0, 22]
	] as const) {
		const assessment = createSampleAssessment(
			rubric,
			{
				id: newId(),
				subject: { id: subject.id, name: subject.name, kind: 'city' },
				profile,
				date: `${year - offset}-06-30`,
				period: periodOf(year - offset),
				assessor
			},
			seed
		);
		await repo.createAssessment(assessment, digestOf(rubric, assessment));
	}
	return { subject, existed: false };
}

export function formatBytes(bytes: number) {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} B`;
}

/** Opens an assessment for filling or results; undefined when it or its rubric is missing. */
export async function openSession(id: string): Promise<AssessmentSession | undefined> {
	const record = await repo.getAssessment(id);
	if (!record) return undefined;
	const { id: rubricId, version } = record.assessment.rubric;
	const rubric = await getRubric(rubricId, version);
	return rubric ? new AssessmentSession(rubric, record) : undefined;
}
