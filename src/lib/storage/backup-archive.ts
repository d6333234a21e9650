/**
 * A backup too large for one JSON file (a province: 10,000 assessments are about 115 MB of JSON)
 * travels as a zip of parts: `manifest.json` (what the parts are, how many assessments each holds
 * and the SHA-256 of each), `subjects.json`, and `assessments-0001.json` … each a JSON array of at
 * most a few hundred assessments in the backup's own assessment format. The zip is about 30×
 * smaller than the JSON, and the import reads it one part at a time: each part is unpacked,
 * hashed, parsed and checked on its own, with progress and a pause for the page between parts.
 * Every part is checked before anything is compared or written, so a missing, damaged or invalid
 * part changes nothing. Loaded only when an archive is read or written (fflate stays off pages).
 */
import { unzipSync, zipSync } from 'fflate';
import { BackupArchiveError } from './archive-error';
import { z } from 'zod';
import type { Assessment } from '$lib/domain/assessment';
import {
	describeIssue,
	InputError,
	parseJsonText,
	type Problem,
	type RubricSource
} from '$lib/domain/assessment-file';
import {
	assessmentProblems,
	backupProblems,
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	checkBackupVersion,
	ExportedSubjectSchema,
	MAX_IMPORT_BYTES,
	validateAssessments,
	type Backup,
	type KnownAssessments,
	type ParsedImport
} from './backup-format';

export const ARCHIVE_MANIFEST = 'manifest.json';
export const ARCHIVE_SUBJECTS = 'subjects.json';
/** Small parts keep each step of the import short (about 3 MB of JSON without evidence). */
export const ASSESSMENTS_PER_PART = 250;
/** A part with large evidence files closes early, so that no part nears the import limit. */
const PART_BYTES = 16 * 1024 * 1024;
/** What an archive may unpack to in all: well above 10,000 assessments, far below a zip bomb. */
export const MAX_ARCHIVE_UNPACKED_BYTES = 1024 * 1024 * 1024;
const MAX_PARTS = 1000;
const MB = 1024 * 1024;

export { BackupArchiveError };

const PartSchema = z.strictObject({
	name: z.string().regex(/^assessments-\d{4}\.json$/),
	count: z.number().int().min(1).max(ASSESSMENTS_PER_PART),
	sha256: z.string().regex(/^[0-9a-f]{64}$/)
});

const ManifestSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	formatVersion: z.literal(BACKUP_FORMAT_VERSION),
	exportedAt: z.string().max(40),
	subjects: z.strictObject({ name: z.literal(ARCHIVE_SUBJECTS), sha256: PartSchema.shape.sha256 }),
	parts: z.array(PartSchema).max(MAX_PARTS)
});
type Manifest = z.infer<typeof ManifestSchema>;

/** How far reading an archive has come: parts checked of all parts (the subjects count as one). */
export interface ArchiveProgress {
	done: number;
	total: number;
}

const encoder = new TextEncoder();

async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Whether these first bytes start a zip file (what a backup archive is). */
export const isZip = (head: Uint8Array) => ZIP_MAGIC.every((b, i) => head[i] === b);

/** The assessments in parts: at most ASSESSMENTS_PER_PART each, and closed early when large. */
function splitParts(assessments: readonly Assessment[]): string[][] {
	const parts: string[][] = [];
	let current: string[] = [];
	let bytes = 0;
	for (const a of assessments) {
		const json = JSON.stringify(a, null, 1);
		if (
			current.length &&
			(current.length >= ASSESSMENTS_PER_PART || bytes + json.length > PART_BYTES)
		) {
			parts.push(current);
			current = [];
			bytes = 0;
		}
		current.push(json);
		bytes += json.length;
	}
	if (current.length) parts.push(current);
	return parts;
}

/** A backup as a zip of parts (see the top of this file). */
export async function buildBackupArchive(backup: Backup): Promise<Uint8Array> {
	const files: Record<string, Uint8Array> = {};
	const subjects = encoder.encode(JSON.stringify(backup.subjects, null, 1));
	const parts: Manifest['parts'] = [];
	for (const [i, part] of splitParts(backup.assessments).entries()) {
		const name = `assessments-${String(i + 1).padStart(4, '0')}.json`;
		const bytes = encoder.encode(`[\n${part.join(',\n')}\n]`);
		files[name] = bytes;
		parts.push({ name, count: part.length, sha256: await sha256(bytes) });
	}
	const manifest: Manifest = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: backup.exportedAt,
		subjects: { name: ARCHIVE_SUBJECTS, sha256: await sha256(subjects) },
		parts
	};
	// The manifest first: a reader sees what to expect before any part.
	return zipSync({
		[ARCHIVE_MANIFEST]: encoder.encode(JSON.stringify(manifest, null, 1)),
		[ARCHIVE_SUBJECTS]: subjects,
		...files
	});
}

/** Lets the page paint and handle input between parts. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Entry {
	originalSize: number;
}

/**
 * Reads a backup archive completely: every part present, unpacked within the limits, of the
 * content the manifest names (SHA-256) and valid by the same checks as a backup in one file.
 * Throws BackupArchiveError for a damaged, incomplete or oversized archive, InputError (naming
 * the part and the place in it) for records that are not valid.
 */
export async function readBackupArchive(
	bytes: Uint8Array,
	file: string,
	rubrics: RubricSource,
	onProgress: (progress: ArchiveProgress) => void = () => undefined,
	known?: KnownAssessments
): Promise<ParsedImport> {
	if (!isZip(bytes.subarray(0, 4))) throw new BackupArchiveError(file, 'damaged');
	// The directory first, unpacking nothing: which entries there are and what they claim to hold.
	const entries = new Map<string, Entry>();
	const unpack = (name: string): Uint8Array | undefined =>
		unzipSync(bytes, { filter: (f) => f.name === name })[name];
	try {
		unzipSync(bytes, {
			filter: (f) => {
				if (entries.size < MAX_PARTS + 2) entries.set(f.name, { originalSize: f.originalSize });
				return false;
			}
		});
	} catch (e) {
		throw new BackupArchiveError(file, 'damaged', '', errorText(e));
	}
	const manifestEntry = entries.get(ARCHIVE_MANIFEST);
	if (!manifestEntry || manifestEntry.originalSize > MB)
		throw new BackupArchiveError(file, 'notBackup');
	const manifest = readManifest(bytes, file, unpack);
	const total = [manifest.subjects, ...manifest.parts].reduce(
		(sum, p) => sum + (entries.get(p.name)?.originalSize ?? 0),
		0
	);
	for (const part of [manifest.subjects, ...manifest.parts]) {
		const entry = entries.get(part.name);
		if (!entry) throw new BackupArchiveError(file, 'missingPart', part.name);
		if (entry.originalSize > MAX_IMPORT_BYTES)
			throw new BackupArchiveError(file, 'tooLarge', part.name);
	}
	if (total > MAX_ARCHIVE_UNPACKED_BYTES) throw new BackupArchiveError(file, 'tooLarge');

	const steps = manifest.parts.length + 1;
	const subjects = await readPart(
		bytes,
		file,
		manifest.subjects,
		unpack,
		z.array(ExportedSubjectSchema).max(10_000)
	);
	onProgress({ done: 1, total: steps });
	await pause();

	const assessments: Assessment[] = [];
	const places: string[] = [];
	const problems: Problem[] = [];
	for (const [n, part] of manifest.parts.entries()) {
		const raws = await readPart(
			bytes,
			file,
			part,
			unpack,
			z.array(z.unknown()).max(ASSESSMENTS_PER_PART)
		);
		if (raws.length !== part.count)
			throw new BackupArchiveError(file, 'brokenPart', part.name, 'count');
		for (let i = 0; i < raws.length; i++) places.push(`${part.name}[${i}]`);
		const where = (i: number) => places[i]!;
		const checked = validateAssessments(raws, where, known, assessments.length);
		if (checked.problems.length) throw new InputError(file, checked.problems);
		const records = checked.assessments;
		problems.push(...assessmentProblems(records, where, rubrics, assessments.length));
		if (problems.length >= 20) throw new InputError(file, problems.slice(0, 20));
		assessments.push(...records);
		onProgress({ done: n + 2, total: steps });
		await pause();
	}
	problems.push(
		...backupProblems(
			subjects,
			assessments,
			(i) => `${ARCHIVE_SUBJECTS}[${i}]`,
			(i) => places[i]!,
			rubrics
		)
	);
	if (problems.length) throw new InputError(file, problems.slice(0, 20));
	return { kind: 'backup', subjects, assessments };
}

function readManifest(
	bytes: Uint8Array,
	file: string,
	unpack: (name: string) => Uint8Array | undefined
): Manifest {
	let data: unknown;
	try {
		data = parseJsonText(decode(unpack(ARCHIVE_MANIFEST)), `${file}/${ARCHIVE_MANIFEST}`, MB);
	} catch (e) {
		if (e instanceof InputError) throw e;
		throw new BackupArchiveError(file, 'brokenPart', ARCHIVE_MANIFEST, errorText(e));
	}
	const format = (data as { format?: unknown } | null)?.format;
	if (format !== BACKUP_FORMAT) throw new BackupArchiveError(file, 'notBackup');
	checkBackupVersion(
		(data as { formatVersion?: unknown }).formatVersion,
		`${file}/${ARCHIVE_MANIFEST}`
	);
	const result = ManifestSchema.safeParse(data);
	if (!result.success)
		throw new InputError(
			`${file}/${ARCHIVE_MANIFEST}`,
			result.error.issues.slice(0, 10).map(describeIssue)
		);
	const names = [result.data.subjects.name, ...result.data.parts.map((p) => p.name)];
	if (new Set(names).size !== names.length)
		throw new InputError(`${file}/${ARCHIVE_MANIFEST}`, [
			{ path: '$.parts', message: 'a part is named twice' }
		]);
	return result.data;
}

/** One part: unpacked, of the manifest's SHA-256, parsed within the limits and valid by schema. */
async function readPart<T>(
	bytes: Uint8Array,
	file: string,
	part: { name: string; sha256: string },
	unpack: (name: string) => Uint8Array | undefined,
	schema: z.ZodType<T>
): Promise<T> {
	let data: Uint8Array | undefined;
	try {
		data = unpack(part.name);
	} catch (e) {
		throw new BackupArchiveError(file, 'brokenPart', part.name, errorText(e));
	}
	if (!data) throw new BackupArchiveError(file, 'missingPart', part.name);
	if ((await sha256(data)) !== part.sha256)
		throw new BackupArchiveError(file, 'brokenPart', part.name, 'changed');
	const where = `${file}/${part.name}`;
	const result = schema.safeParse(parseJsonText(decode(data), where, MAX_IMPORT_BYTES));
	if (!result.success)
		throw new InputError(where, result.error.issues.slice(0, 10).map(describeIssue));
	return result.data;
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 100);
