/**
 * The file formats an import reads: one assessment (the assessment format), or subjects with
 * their assessments (a backup). A file is validated completely before anything is compared or
 * written; the same checks serve a backup read in parts (backup-archive.ts).
 */
import { z } from 'zod';
import { AssessmentSchema, type Assessment } from '$lib/domain/assessment';
import {
	InputError,
	checkAgainstRubric,
	describeIssue,
	parseJsonText,
	validateAssessment,
	type Problem,
	type RubricSource
} from '$lib/domain/assessment-file';
import { evidenceProblems, isWebUrl, sharedFileIdProblems } from '$lib/domain/evidence-check';
import { identicalData } from './content-equality';
import { subjectProblems } from './subject-check';
import { type SubjectRecord, SubjectRecordSchema } from './records';
import { MAX_IMPORT_BYTES } from './import-limit';

export const BACKUP_FORMAT = 'gd-digital-economy-backup';
export const BACKUP_FORMAT_VERSION = 1;
export { MAX_IMPORT_BYTES };

export const ExportedSubjectSchema = SubjectRecordSchema.omit({
	schemaVersion: true,
	summary: true
});
export type ExportedSubject = z.infer<typeof ExportedSubjectSchema>;

export const BackupSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	formatVersion: z.literal(BACKUP_FORMAT_VERSION),
	exportedAt: z.string().max(40),
	subjects: z.array(ExportedSubjectSchema).max(10_000),
	assessments: z.array(AssessmentSchema).max(100_000)
});
export type Backup = z.infer<typeof BackupSchema>;

/** A backup with its assessments not yet validated: each is checked on its own (see below). */
const BackupEnvelopeSchema = BackupSchema.extend({
	assessments: z.array(z.unknown()).max(100_000)
});

/**
 * Assessments on this device, validated when they were read for this import. An imported record
 * identical to one of them (timestamps included) is taken as that record instead of being
 * validated again: re-importing a backup that is already here then costs less than importing it.
 */
export type KnownAssessments = ReadonlyMap<string, Assessment>;

export function toExportedSubject(record: SubjectRecord): ExportedSubject {
	const { schemaVersion, summary, ...rest } = record;
	return rest;
}

export function buildBackup(
	subjects: SubjectRecord[],
	assessments: Assessment[],
	exportedAt: string
): Backup {
	return {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt,
		subjects: subjects.map(toExportedSubject).sort((a, b) => a.id.localeCompare(b.id)),
		assessments: [...assessments].sort((a, b) => a.id.localeCompare(b.id))
	};
}

// Links and embedded files are checked by the same rules as the CLI's; the link check stays
// importable from here for the interface.
export { isWebUrl };

/** What a valid import file contains, before it is compared with the device. */
export interface ParsedImport {
	kind: 'assessment' | 'backup';
	subjects: ExportedSubject[];
	assessments: Assessment[];
}

/** Where a problem of the n-th assessment is: its JSON path, or its part and place in an archive. */
export type AssessmentPlace = (index: number) => string;

/** Problems of assessments already valid by schema: rubric, version, profile, answers, evidence. */
export function assessmentProblems(
	assessments: readonly Assessment[],
	where: AssessmentPlace,
	rubrics: RubricSource,
	offset = 0
): Problem[] {
	return assessments.flatMap((a, i) => {
		const at = where(offset + i);
		const rubric = rubrics.find(a.rubric.id, a.rubric.version);
		if (!rubric) {
			const known = rubrics.versions(a.rubric.id);
			return [
				{
					path: `${at}.rubric`,
					message: known.length
						? `rubric ${a.rubric.id} version ${a.rubric.version} is not available in this app (available: ${known.join(', ')})`
						: `unknown rubric "${a.rubric.id}"`
				}
			];
		}
		return [
			...checkAgainstRubric(a, rubric).map((p) => ({
				path: p.path.startsWith('$') ? `${at}${p.path.slice(1)}` : p.path,
				message: p.message
			})),
			...evidenceProblems(a, at)
		];
	});
}

/**
 * Problems between the records of a backup: subjects checked against their rubric, assessments
 * whose subject is missing or of another kind, ids that appear twice, evidence file ids shared.
 */
export function backupProblems(
	subjects: readonly ExportedSubject[],
	assessments: readonly Assessment[],
	subjectPlace: (index: number) => string,
	where: AssessmentPlace,
	rubrics: RubricSource
): Problem[] {
	const problems: Problem[] = [];
	subjects.forEach((s, i) => problems.push(...subjectProblems(s, subjectPlace(i), rubrics)));
	const byId = new Map(subjects.map((s) => [s.id, s]));
	assessments.forEach((a, i) => {
		const subject = byId.get(a.subject.id);
		if (!subject)
			problems.push({
				path: `${where(i)}.subject.id`,
				message: `refers to subject "${a.subject.id}", which is not in the file`
			});
		else if (subject.kind !== a.subject.kind)
			problems.push({
				path: `${where(i)}.subject.kind`,
				message: `is "${a.subject.kind}" but subject "${subject.id}" is "${subject.kind}"`
			});
	});
	// A set, not indexOf: a province-sized backup holds 10,000 assessments.
	const dup = (ids: string[]) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) return id;
			seen.add(id);
		}
		return undefined;
	};
	const dupSubject = dup(subjects.map((s) => s.id));
	if (dupSubject)
		problems.push({ path: '$.subjects', message: `subject "${dupSubject}" appears twice` });
	const dupAssessment = dup(assessments.map((a) => a.id));
	if (dupAssessment)
		problems.push({
			path: '$.assessments',
			message: `assessment "${dupAssessment}" appears twice`
		});
	problems.push(...sharedFileIdProblems(assessments, where));
	return problems;
}

/**
 * Validates assessments one by one against the schema, except those identical to a known (stored,
 * validated) one, which are taken as they are stored. Problems name each assessment's place.
 */
export function validateAssessments(
	raws: readonly unknown[],
	where: AssessmentPlace,
	known: KnownAssessments = new Map(),
	offset = 0
): { assessments: Assessment[]; problems: Problem[] } {
	const assessments: Assessment[] = [];
	const problems: Problem[] = [];
	raws.forEach((raw, i) => {
		const id = (raw as { id?: unknown } | null)?.id;
		const stored = typeof id === 'string' ? known.get(id) : undefined;
		if (stored && identicalData(raw, stored)) {
			assessments.push(stored);
			return;
		}
		const result = AssessmentSchema.safeParse(raw);
		if (result.success) assessments.push(result.data);
		else
			for (const issue of result.error.issues.slice(0, 10 - Math.min(problems.length, 10))) {
				const p = describeIssue(issue);
				problems.push({ path: `${where(offset + i)}${p.path.slice(1)}`, message: p.message });
			}
	});
	return { assessments, problems };
}

/** A backup newer than this app is refused with what to do, before its schema is looked at. */
export function checkBackupVersion(version: unknown, file: string, path = '$.formatVersion') {
	if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
		throw new InputError(file, [
			{
				path,
				message: `backup format ${version} is newer than this app supports (${BACKUP_FORMAT_VERSION}); update the app to import it`
			}
		]);
}

/**
 * Parses and validates an import file completely. Throws InputError with a clear message for
 * anything that is not a valid file of this app, refers to an unknown rubric, or is inconsistent.
 */
export function parseImport(
	text: string,
	file: string,
	rubrics: RubricSource,
	known?: KnownAssessments
): ParsedImport {
	const data = parseJsonText(text, file, MAX_IMPORT_BYTES);
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new InputError(file, [{ path: '$', message: 'expected a JSON object' }]);
	const format = (data as Record<string, unknown>).format;
	if (format !== BACKUP_FORMAT) {
		const assessment = validateAssessment(data, file);
		const problems = assessmentProblems([assessment], () => '$', rubrics);
		problems.push(...sharedFileIdProblems([assessment], () => '$'));
		if (problems.length) throw new InputError(file, problems.slice(0, 20));
		return { kind: 'assessment', subjects: [], assessments: [assessment] };
	}
	checkBackupVersion((data as Record<string, unknown>).formatVersion, file);
	const result = BackupEnvelopeSchema.safeParse(data);
	if (!result.success)
		throw new InputError(file, result.error.issues.slice(0, 10).map(describeIssue));
	const where = (i: number) => `$.assessments[${i}]`;
	const { subjects } = result.data;
	const checked = validateAssessments(result.data.assessments, where, known);
	if (checked.problems.length) throw new InputError(file, checked.problems.slice(0, 10));
	const { assessments } = checked;
	const problems = [
		...assessmentProblems(assessments, where, rubrics),
		...backupProblems(subjects, assessments, (i) => `$.subjects[${i}]`, where, rubrics)
	];
	if (problems.length) throw new InputError(file, problems.slice(0, 20));
	return { kind: 'backup', subjects, assessments };
}
