/**
 * Backups in parts (a zip): the same content as the one-file backup, read part by part with
 * progress; a missing, changed, damaged or oversized part and an invalid record are refused with
 * what is wrong and where, and nothing is written; re-importing finds everything unchanged.
 */
import 'fake-indexeddb/auto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shippedRubricSource } from '../../src/cli/rubric-files';
import { InputError } from '../../src/lib/domain/assessment-file';
import { applyImport, prepareImport } from '../../src/lib/state/importing';
import { buildBackupDownload } from '../../src/lib/state/library';
import {
	ASSESSMENTS_PER_PART,
	BackupArchiveError,
	buildBackupArchive,
	readBackupArchive,
	type ArchiveProgress
} from '../../src/lib/storage/backup-archive';
import { parseImport, type Backup } from '../../src/lib/storage/bundle';
import * as repo from '../../src/lib/storage/repository';
import { backupText, largeBackup, loadCityRubric } from '../support/large-backup';

const rubric = loadCityRubric();
/** Two full parts and a short one: 250 + 250 + 10 assessments. */
const COUNT = ASSESSMENTS_PER_PART * 2 + 10;
let backup: Backup;
let archive: Uint8Array;

beforeAll(async () => {
	backup = largeBackup(COUNT, 2, rubric);
	archive = await buildBackupArchive(backup);
});

beforeEach(async () => {
	await repo.wipeEverything();
});

const read = (bytes: Uint8Array, onProgress?: (p: ArchiveProgress) => void) =>
	readBackupArchive(bytes, '备份.zip', shippedRubricSource, onProgress);

/** The archive with its entries changed by `edit` (unpacked, edited, packed again). */
function edited(edit: (entries: Record<string, Uint8Array>) => void): Uint8Array {
	const entries = unzipSync(archive);
	edit(entries);
	return zipSync(entries);
}

async function refusal(bytes: Uint8Array): Promise<unknown> {
	return read(bytes).then(
		() => 'accepted',
		(e: unknown) => e
	);
}

describe('a backup in parts', () => {
	it('holds exactly what the one-file backup holds, in parts of at most 250, much smaller', async () => {
		const names = Object.keys(unzipSync(archive));
		expect(names).toEqual([
			'manifest.json',
			'subjects.json',
			'assessments-0001.json',
			'assessments-0002.json',
			'assessments-0003.json'
		]);
		const progress: ArchiveProgress[] = [];
		const parsed = await read(archive, (p) => progress.push(p));
		const single = parseImport(backupText(backup), 'b.json', shippedRubricSource);
		expect(parsed.subjects).toEqual(single.subjects);
		expect(parsed.assessments).toEqual(single.assessments);
		expect(progress).toEqual([1, 2, 3, 4].map((done) => ({ done, total: 4 })));
		expect(archive.byteLength * 10).toBeLessThan(backupText(backup).length);
	});

	it('is refused, naming the part, when a part is missing', async () => {
		const e = await refusal(edited((x) => delete x['assessments-0002.json']));
		expect(e).toBeInstanceOf(BackupArchiveError);
		expect(e).toMatchObject({ problem: 'missingPart', part: 'assessments-0002.json' });
	});

	it('is refused when a part was changed after export, even into valid JSON', async () => {
		const e = await refusal(
			edited((x) => {
				const text = new TextDecoder().decode(x['assessments-0003.json']);
				x['assessments-0003.json'] = strToU8(text.replace('"level": 3', '"level": 2'));
			})
		);
		expect(e).toMatchObject({ problem: 'brokenPart', part: 'assessments-0003.json' });
		expect((e as BackupArchiveError).detail).toBe('changed');
	});

	it('is refused when the compressed data of a part is damaged', async () => {
		const bytes = archive.slice();
		// Inside the data of the second part (after the manifest and the subjects).
		const at = bytes.byteLength / 2;
		for (let i = 0; i < 64; i++) bytes[at + i] = bytes[at + i]! ^ 0x5a;
		const e = await refusal(bytes);
		expect(e).toBeInstanceOf(BackupArchiveError);
		expect(['brokenPart', 'damaged']).toContain((e as BackupArchiveError).problem);
	});

	it('is refused when the file is cut short', async () => {
		const e = await refusal(archive.subarray(0, Math.floor(archive.byteLength * 0.7)));
		expect(e).toMatchObject({ problem: 'damaged' });
	});

	it('is refused when a zip holds no backup manifest', async () => {
		const e = await refusal(zipSync({ 'notes.txt': strToU8('hello') }));
		expect(e).toMatchObject({ problem: 'notBackup' });
	});

	it('is refused before unpacking when a part would unpack beyond the import limit', async () => {
		const e = await refusal(
			edited((x) => {
				x['assessments-0001.json'] = new Uint8Array(61 * 1024 * 1024);
			})
		);
		expect(e).toMatchObject({ problem: 'tooLarge', part: 'assessments-0001.json' });
	});

	it('names the part and the place of a record that is not valid', async () => {
		const bad = structuredClone(backup);
		const id = Object.keys(bad.assessments[260]!.answers)[0]!;
		bad.assessments[260]!.answers[id]!.level = 99;
		const e = await refusal(await buildBackupArchive(bad));
		expect(e).toBeInstanceOf(InputError);
		expect((e as Error).message).toContain(
			`备份.zip: assessments-0002.json[10].answers["${id}"].level: level 99 is off the scale`
		);
	});

	it('is refused from a newer app with what to do', async () => {
		const e = await refusal(
			edited((x) => {
				const manifest = JSON.parse(new TextDecoder().decode(x['manifest.json'])) as object;
				x['manifest.json'] = strToU8(JSON.stringify({ ...manifest, formatVersion: 2 }));
			})
		);
		expect((e as Error).message).toMatch(/newer than this app supports.*update the app/);
	});
});

describe('importing a backup in parts on a device', () => {
	const file = (bytes: Uint8Array) => new File([bytes as BlobPart], '数字经济自评估-备份.zip');

	it('writes everything, then finds all of it unchanged when imported again', async () => {
		const progress: ArchiveProgress[] = [];
		const first = await prepareImport(file(archive), (p) => progress.push(p));
		expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
		expect(first.plan.assessments.every((i) => i.status === 'new')).toBe(true);
		await applyImport(first, 'keep-both');
		const again = await prepareImport(file(archive));
		expect(again.plan.assessments).toHaveLength(COUNT);
		expect(
			[...again.plan.subjects, ...again.plan.assessments].every((i) => i.status === 'same')
		).toBe(true);
	});

	it('writes nothing when one part is broken', async () => {
		const broken = edited((x) => delete x['assessments-0003.json']);
		await expect(prepareImport(file(broken))).rejects.toBeInstanceOf(BackupArchiveError);
		expect((await repo.readEverything()).assessments).toHaveLength(0);
	});

	it('exports a zip when the backup would pass the size for one file, and it imports back', async () => {
		const first = await prepareImport(file(archive));
		await applyImport(first, 'keep-both');
		const small = await buildBackupDownload();
		expect(small.fileName).toMatch(/\.json$/);
		const large = await buildBackupDownload(undefined, 1024);
		expect(large.fileName).toMatch(/\.zip$/);
		expect(large.type).toBe('application/zip');
		const reread = await read(large.content as Uint8Array);
		expect(reread.assessments.map((a) => a.id)).toEqual(backup.assessments.map((a) => a.id));
	});
});
