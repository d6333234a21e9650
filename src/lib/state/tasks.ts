/**
 * The respondent's side of coordination, as the pages use it: recognising a 填报包 or 回执 among
 * imported files, opening a package as a task, and exporting the task's return with its evidence
 * files. Glue between storage, rubrics and the pure domain.
 */
import type { Assessment } from '$lib/domain/assessment';
import { parseJsonText } from '$lib/domain/json-input';
import {
	buildReturn,
	PACKAGE_FORMAT,
	RETURN_FORMAT,
	type PackageFile,
	type ReturnFile
} from '$lib/domain/coordination/core';
import { returnFileBase } from '$lib/domain/coordination/task';
import { MAX_IMPORT_BYTES } from '$lib/storage/import-limit';
import { download } from './library';
import {
	isBackupArchive,
	prepareImport,
	prepareImportText,
	type PreparedImport
} from './importing';
import type { ArchiveProgress } from '$lib/storage/backup-archive';
import { embedFiles } from '$lib/storage/files';
import * as repo from '$lib/storage/repository';
import { earlierTasksOf, openPackageOnDevice, type OpenedPackage } from '$lib/storage/tasks';
import type { UnreadableRecord } from '$lib/storage/unreadable';
import { announceSaved, type AssessmentSession } from './assessment-session.svelte';
import { loadAllRubrics, rubricSourceOf } from './rubrics';

/**
 * Whether a file's text claims to be a package or a return. Read from the text, not parsed, so
 * that a truncated package is still recognised and refused as a damaged package, not as a
 * damaged assessment. Files this app writes put `format` first.
 */
export function coordinationFormatOfText(text: string): 'package' | 'return' | null {
	const head = text.slice(0, 4096);
	const match = /"format"\s*:\s*"([a-z-]+)"/.exec(head);
	if (match?.[1] === PACKAGE_FORMAT) return 'package';
	if (match?.[1] === RETURN_FORMAT) return 'return';
	return null;
}

/** A package or return naming a rubric version this app does not have. */
export class MissingRubricVersionError extends Error {
	constructor(
		readonly kind: 'package' | 'return',
		readonly rubricId: string,
		readonly version: string,
		readonly available: string[]
	) {
		super(`rubric ${rubricId} version ${version} is not available in this app`);
		this.name = 'MissingRubricVersionError';
	}
}

/** A package or return that could not be read: `problem` says why (InputError and the like). */
export class CoordinationReadError extends Error {
	constructor(
		readonly kind: 'package' | 'return',
		readonly problem: unknown
	) {
		super(problem instanceof Error ? problem.message : String(problem));
		this.name = 'CoordinationReadError';
	}
}

export type CoordinationImport =
	/** A package, valid: ready to open as a task. `earlier`: tasks it supersedes on this device */
	| { kind: 'package'; file: PackageFile; earlier: Assessment[] }
	/**
	 * A return: it belongs on the coordinating assessment's 协调 page, never in the general
	 * import. `coordinating` is that assessment when it is on this device.
	 */
	| { kind: 'return'; file: ReturnFile; coordinating: Assessment | null };

const rubricRefOf = (data: unknown): { id: unknown; version: unknown } | undefined => {
	const d = data as { rubric?: unknown; assessment?: { rubric?: unknown } } | null;
	const ref = (d?.assessment?.rubric ?? d?.rubric) as { id?: unknown; version?: unknown } | null;
	return ref && typeof ref === 'object' ? { id: ref.id, version: ref.version } : undefined;
};

/**
 * Reads a package or return completely (JSON limits, schema, rubric, answers, evidence); writes
 * nothing. Throws InputError for a damaged or altered file, MissingRubricVersionError for a
 * rubric version this app lacks.
 */
export async function readCoordinationImport(
	text: string,
	fileName: string
): Promise<CoordinationImport> {
	const data = parseJsonText(text, fileName, MAX_IMPORT_BYTES);
	// The files' schemas (zod) are loaded when a file is chosen, not with the page.
	const [allRubrics, { coordinationFormatOf, parseCoordinationData }] = await Promise.all([
		loadAllRubrics(),
		import('$lib/domain/coordination/files')
	]);
	const rubrics = rubricSourceOf(allRubrics);
	const kind = coordinationFormatOf(data);
	const ref = rubricRefOf(data);
	if (kind && typeof ref?.id === 'string' && typeof ref.version === 'string') {
		if (!rubrics.find(ref.id, ref.version))
			throw new MissingRubricVersionError(
				kind,
				ref.id.slice(0, 100),
				ref.version.slice(0, 50),
				rubrics.versions(ref.id)
			);
	}
	const read = parseCoordinationData(data, fileName, rubrics);
	if (read.kind === 'package')
		return { kind: 'package', file: read.file, earlier: await earlierTasksOf(read.file) };
	const coordinating = await repo.getAssessment(read.file.assessmentId).catch(() => undefined);
	return {
		kind: 'return',
		file: read.file,
		coordinating: coordinating && !coordinating.assessment.task ? coordinating.assessment : null
	};
}

export type AnyImport =
	{ kind: 'data'; prepared: PreparedImport } | { kind: 'coordination'; read: CoordinationImport };

/**
 * Reads any file the general import is given: an assessment or backup (prepared for import as
 * before), or a package or return, recognised and read whole. Writes nothing.
 */
export async function readAnyImport(
	file: File,
	onProgress?: (progress: ArchiveProgress) => void
): Promise<AnyImport> {
	// An oversized file is refused by the general import's own check, before it is read; a backup
	// in parts (a zip) is read part by part there.
	if (file.size > MAX_IMPORT_BYTES || (await isBackupArchive(file)))
		return { kind: 'data', prepared: await prepareImport(file, onProgress) };
	const text = await file.text();
	const format = coordinationFormatOfText(text);
	if (!format) return { kind: 'data', prepared: await prepareImportText(text, file.name) };
	try {
		return { kind: 'coordination', read: await readCoordinationImport(text, file.name) };
	} catch (e) {
		throw e instanceof MissingRubricVersionError ? e : new CoordinationReadError(format, e);
	}
}

/** Opens a package read by readCoordinationImport: the task, or why it was not opened. */
export async function openTask(file: PackageFile): Promise<OpenedPackage> {
	const opened = await openPackageOnDevice(file);
	if (opened.kind === 'opened') announceSaved([{ id: opened.record.assessment.id, revision: 1 }]);
	return opened;
}

const PERSON_KEY = 'gd-assess.return-person';

/** Who filled in the last return on this device: offered again next time. */
export function rememberedPerson(): string {
	try {
		return globalThis.localStorage?.getItem(PERSON_KEY) ?? '';
	} catch {
		return '';
	}
}

export function rememberPerson(person: string) {
	try {
		globalThis.localStorage?.setItem(PERSON_KEY, person);
	} catch {
		// Not remembered where storage is blocked; the return is made all the same.
	}
}

export interface ReturnExport {
	fileName: string;
	content: string;
	/** The task with this return counted: store it before the file is handed over */
	task: Assessment;
	sequence: number;
	/** Evidence files that could not be read: listed in the return without their content */
	leftOut: UnreadableRecord[];
	/** Evidence files named by the answers that are not on this device at all */
	missing: string[];
}

/**
 * The next return of a task as a file: the assigned answers, with their evidence files embedded
 * as data URLs (as an exported assessment carries them), named
 * `<subject>-<period>-回执-<respondent>-<n>.json`.
 */
export async function buildReturnExport(
	task: Assessment,
	person: string,
	on: string
): Promise<ReturnExport> {
	const built = buildReturn(task, person.trim(), on);
	const fileIds = Object.values(built.file.answers).flatMap((a) =>
		(a.evidence ?? []).filter((e) => e.kind === 'file').map((e) => e.id)
	);
	const { files, unreadable } = await repo.readFiles(fileIds);
	const embedded = await embedFiles({ ...task, answers: built.file.answers }, files);
	const missing = fileIds.filter(
		(id) => !files.has(id) && !unreadable.some((u) => u.key === `file:${id}`)
	);
	const sequence = built.file.sequence;
	return {
		fileName: `${returnFileBase(task, sequence)}.json`,
		content: JSON.stringify({ ...built.file, answers: embedded.answers }, null, 1),
		task: built.task,
		sequence,
		leftOut: unreadable,
		missing
	};
}

export type StoredReturn =
	| { ok: true; export: ReturnExport }
	| { ok: false; reason: 'missing' | 'conflict' | 'not-a-task' }
	| { ok: false; reason: 'failed'; error: unknown };

/**
 * The next return of the task open on the fill page, counted on the task and stored; hand it
 * over (deliverReturn) only once this says it is stored. A return whose number was not stored is never handed
 * over: the next export would carry the same number with other answers, which the coordinator
 * refuses as altered.
 */
export async function exportSessionReturn(
	session: AssessmentSession,
	person: string,
	on: string
): Promise<StoredReturn> {
	if (!session.assessment.task) return { ok: false, reason: 'not-a-task' };
	await session.flush();
	// A plain copy: the session's answers are reactive proxies.
	const task = JSON.parse(JSON.stringify(session.assessment)) as Assessment;
	const built = await buildReturnExport(task, person, on);
	if (!(await session.recordReturn(built.sequence)))
		return session.saveState === 'conflict'
			? { ok: false, reason: 'conflict' }
			: { ok: false, reason: 'failed', error: session.saveError };
	return { ok: true, export: built };
}

/** Hands a stored return over as a download, and remembers who filled it in. */
export function deliverReturn(built: ReturnExport, person: string) {
	download(built.fileName, built.content, 'application/json');
	rememberPerson(person);
}

/**
 * Builds the next return of a stored task and stores the task with the return counted (for the
 * subject page, where no fill session is open); hand it over with deliverReturn once stored.
 */
export async function exportStoredReturn(
	id: string,
	person: string,
	on: string
): Promise<StoredReturn> {
	const record = await repo.getAssessment(id);
	if (!record) return { ok: false, reason: 'missing' };
	if (!record.assessment.task) return { ok: false, reason: 'not-a-task' };
	const built = await buildReturnExport(record.assessment, person, on);
	const saved = await repo.saveAssessment(built.task, record.revision, {
		score: null,
		coverage: 0
	});
	if (!saved.ok) return { ok: false, reason: saved.reason };
	announceSaved([{ id, revision: saved.record.revision }]);
	return { ok: true, export: built };
}
