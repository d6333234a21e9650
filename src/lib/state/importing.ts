/**
 * Importing a file: read and check it completely (one JSON file, or a backup in parts read part
 * by part with progress), compare it with the device, then write what the user chose in one
 * transaction. Nothing is written before the whole file has been checked.
 */
import { InputError } from '$lib/domain/json-input';
import {
	MAX_IMPORT_BYTES,
	parseImport,
	planImport,
	resolveImport,
	toExportedSubject,
	toRecords,
	type ImportPlan,
	type KnownAssessments,
	type ParsedImport,
	type Resolution,
	type TakenIds
} from '$lib/storage/bundle';
import type { ArchiveProgress } from '$lib/storage/backup-archive';
import { embedFiles, extractFiles } from '$lib/storage/files';
import * as repo from '$lib/storage/repository';
import type { StoredEverything } from '$lib/storage/bulk';
import { announceSaved } from './assessment-session.svelte';
import { digestOf, refreshAfterImport } from './summaries';
import { formatBytes, newId } from './library';
import { loadAllRubrics, rubricSourceOf } from './rubrics';

export interface PreparedImport {
	plan: ImportPlan;
	fileName: string;
	/** Ids held by records on this device that cannot be read: imported under new ids */
	taken: TakenIds;
}

/** Reads and checks a file completely; nothing is written yet. */
export async function prepareImport(
	file: File,
	onProgress?: (progress: ArchiveProgress) => void
): Promise<PreparedImport> {
	checkImportSize(file);
	if (await isBackupArchive(file)) return prepareArchiveImport(file, onProgress);
	return prepareImportText(await file.text(), file.name);
}

/** A zip by its first bytes, or a file named .zip (refused as damaged when it is not one). */
export async function isBackupArchive(file: File): Promise<boolean> {
	const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
	const zip = [0x50, 0x4b, 0x03, 0x04].every((b, i) => head[i] === b);
	return zip || file.name.toLowerCase().endsWith('.zip');
}

function checkImportSize(file: File) {
	if (file.size > MAX_IMPORT_BYTES)
		throw new InputError(file.name, [
			{
				path: '',
				message: `file is ${formatBytes(file.size)}, over the ${formatBytes(MAX_IMPORT_BYTES)} limit`
			}
		]);
}

/** A backup in parts (a zip): read and checked part by part, with progress. */
async function prepareArchiveImport(
	file: File,
	onProgress?: (progress: ArchiveProgress) => void
): Promise<PreparedImport> {
	const [{ readBackupArchive }, rubrics, bytes, stored] = await Promise.all([
		import('$lib/storage/backup-archive'),
		loadAllRubrics(),
		file.arrayBuffer(),
		repo.readEverything()
	]);
	const parsed = await readBackupArchive(
		new Uint8Array(bytes),
		file.name,
		rubricSourceOf(rubrics),
		onProgress,
		knownAssessments(stored)
	);
	return planAgainstDevice(parsed, file.name, stored);
}

export async function prepareImportText(text: string, fileName: string): Promise<PreparedImport> {
	const [rubrics, stored] = await Promise.all([loadAllRubrics(), repo.readEverything()]);
	const parsed = parseImport(text, fileName, rubricSourceOf(rubrics), knownAssessments(stored));
	return planAgainstDevice(parsed, fileName, stored);
}

/** The stored assessments, validated as they were read: the file's identical ones are not checked again. */
const knownAssessments = (stored: StoredEverything): KnownAssessments =>
	new Map(stored.assessments.map((r) => [r.assessment.id, r.assessment]));

/**
 * Compares a checked import with what is stored. Stored assessments carry their evidence files
 * apart (as Blobs); only those the import also holds are given theirs back to compare, so a
 * re-import does not turn every stored file into a data URL.
 */
async function planAgainstDevice(
	parsed: ParsedImport,
	fileName: string,
	stored: StoredEverything
): Promise<PreparedImport> {
	const incoming = new Set(parsed.assessments.map((a) => a.id));
	const plan = planImport(
		parsed,
		new Map(stored.subjects.map((s) => [s.id, toExportedSubject(s)])),
		new Map(
			await Promise.all(
				stored.assessments
					.filter((r) => incoming.has(r.assessment.id))
					.map(
						async (r) => [r.assessment.id, await embedFiles(r.assessment, stored.files)] as const
					)
			)
		)
	);
	const idsOf = (kind: 'subject' | 'assessment') =>
		new Set(
			stored.unreadable.filter((u) => u.kind === kind).map((u) => u.key.slice(kind.length + 1))
		);
	return {
		plan,
		fileName,
		taken: { subjects: idsOf('subject'), assessments: idsOf('assessment') }
	};
}

export async function applyImport(prepared: PreparedImport, resolution: Resolution) {
	const resolved = resolveImport(prepared.plan, resolution, () => newId(), prepared.taken);
	const rubrics = await loadAllRubrics();
	const source = rubricSourceOf(rubrics);
	const files: [string, Blob][] = [];
	resolved.assessments = resolved.assessments.map((a) => {
		const split = extractFiles(a);
		files.push(...split.files);
		return split.assessment;
	});
	// Only the subjects (their summaries): reading every assessment again would double the work.
	const { subjects } = await repo.listReadableSubjects();
	const records = toRecords(
		resolved,
		new Map(subjects.map((s) => [s.id, s])),
		(a) => {
			const rubric = source.find(a.rubric.id, a.rubric.version);
			return rubric ? digestOf(rubric, a) : { score: null, coverage: 0 };
		},
		new Date().toISOString()
	);
	const revisions = await repo.writeImport({ ...records, files });
	announceSaved(revisions);
	// The import has landed: a summary that cannot be refreshed now must not report it failed
	// (a retry would import it twice); the summaries involved are recomputed on their next check.
	await refreshAfterImport(resolved.assessments.map((a) => a.id)).catch(() => undefined);
	return resolved;
}
