/**
 * One damaged or newer record never blocks the rest: exporting everything, one subject or one
 * assessment, and importing, all work on every readable record, report the unreadable one, save
 * its raw value, and leave it exactly as stored. Backups the app writes restore on a fresh device.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	buildAssessmentFile,
	buildBackupFile,
	buildRawRecordsFile
} from '../../src/lib/state/library';
import { applyImport, prepareImportText } from '../../src/lib/state/importing';
import * as repo from '../../src/lib/storage/repository';
import { cityWithAssessments, rawGet, rawPut, rawText } from '../support/device';

beforeEach(async () => {
	await repo.wipeEverything();
});

/** The ways a stored record can be unreadable, as another app version or a broken disk leaves it */
const damages: [string, string, (good: unknown) => unknown][] = [
	[
		'a subject from a newer app',
		'subject:bad',
		(s) => ({ ...(s as object), id: 'bad', schemaVersion: 99 })
	],
	['a damaged subject', 'subject:bad', () => ({ schemaVersion: 1, id: 'bad', name: 42 })],
	[
		'an assessment from a newer app',
		'assessment:bad-a',
		(a) => ({ ...(a as object), schemaVersion: 7, extra: [1] })
	],
	['a truncated assessment', 'assessment:bad-a', () => '{"schemaVersion":1,"revision":3,"assess']
];

async function seedDamaged(key: string, damage: (good: unknown) => unknown) {
	const [good] = await cityWithAssessments('good', '好市', ['2025-06-30'], (id) => `证据 ${id}`);
	const source = key.startsWith('subject:')
		? await rawGet('subject:good')
		: await rawGet('assessment:good-a0');
	const value = damage(source);
	await rawPut(key, value);
	return { good: good!, before: await rawText(key) };
}

describe.each(damages)('with %s on the device', (_, key, damage) => {
	it('backs up everything readable, lists what was left out and keeps its raw value', async () => {
		const { before } = await seedDamaged(key, damage);
		const file = await buildBackupFile();
		const backup = JSON.parse(file.content) as {
			subjects: { id: string }[];
			assessments: { id: string }[];
		};
		expect(backup.subjects.map((s) => s.id)).toEqual(['good']);
		expect(backup.assessments.map((a) => a.id)).toEqual(['good-a0']);
		expect(file.leftOut.map((u) => u.key)).toEqual([key]);
		const raw = JSON.parse((await buildRawRecordsFile(file.leftOut)).content) as {
			records: { key: string; value: unknown }[];
		};
		expect(raw.records.map((r) => [r.key, JSON.stringify(r.value)])).toEqual([[key, before]]);
		expect(await rawText(key)).toBe(before);
	});

	it('exports one subject and one assessment with its evidence file', async () => {
		const { good, before } = await seedDamaged(key, damage);
		const subjectFile = JSON.parse((await buildBackupFile(['good'])).content) as {
			assessments: { id: string }[];
		};
		expect(subjectFile.assessments.map((a) => a.id)).toEqual(['good-a0']);
		const one = await buildAssessmentFile(good);
		expect(one.content).toContain('data:text/plain;base64,');
		expect(one.leftOut).toEqual([]);
		expect(await rawText(key)).toBe(before);
	});

	it('imports a file, including records with the unreadable one’s id, without touching it', async () => {
		const { before } = await seedDamaged(key, damage);
		const backup = await buildBackupFile();
		// The same content, plus a subject and an assessment with the ids of the unreadable records.
		const data = JSON.parse(backup.content) as {
			subjects: Record<string, unknown>[];
			assessments: Record<string, unknown>[];
		};
		data.subjects.push({ ...data.subjects[0]!, id: 'bad', name: '同名的市' });
		data.assessments.push({
			...data.assessments[0]!,
			id: 'bad-a',
			subject: { ...(data.assessments[0]!.subject as object), id: 'bad' },
			answers: {}
		});
		const prepared = await prepareImportText(JSON.stringify(data), 'backup.json');
		await applyImport(prepared, 'replace');
		expect(await rawText(key)).toBe(before);
		const list = await repo.listReadableSubjects();
		expect(list.subjects.map((s) => s.name).sort()).toEqual(['同名的市', '好市']);
		expect(list.unreadable.map((u) => u.key)).toEqual(key.startsWith('subject:') ? [key] : []);
	});

	it('writes a backup that restores on a fresh device', async () => {
		await seedDamaged(key, damage);
		const file = await buildBackupFile();
		await repo.wipeEverything();
		await applyImport(await prepareImportText(file.content, 'backup.json'), 'keep-both');
		const again = await buildBackupFile();
		const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: '' }) as unknown;
		expect(strip(again.content)).toEqual(strip(file.content));
		expect(again.leftOut).toEqual([]);
	});
});

describe('a subject that cannot be read', () => {
	it('leaves its readable assessments out of a backup and says why, so the backup restores', async () => {
		await cityWithAssessments('good', '好市', ['2025-06-30']);
		await cityWithAssessments('lost', '坏市', ['2025-06-30']);
		await rawPut('subject:lost', { schemaVersion: 1, id: 'lost' });
		const file = await buildBackupFile();
		expect(file.leftOut.map((u) => [u.key, u.reason]).sort()).toEqual([
			['assessment:lost-a0', 'subject'],
			['subject:lost', 'corrupt']
		]);
		await repo.wipeEverything();
		await applyImport(await prepareImportText(file.content, 'backup.json'), 'keep-both');
		expect((await repo.listReadableSubjects()).subjects.map((s) => s.id)).toEqual(['good']);
	});

	it('still lets the subject’s readable assessments be listed, created and deleted', async () => {
		await cityWithAssessments('good', '好市', ['2024-06-30', '2025-06-30']);
		const before = JSON.stringify({ schemaVersion: 1, revision: 'x' });
		await rawPut('assessment:good-a0', JSON.parse(before));
		const list = await repo.listReadableAssessments('good');
		expect(list.assessments.map((r) => r.assessment.id)).toEqual(['good-a1']);
		expect(list.unreadable.map((u) => u.key)).toEqual(['assessment:good-a0']);
		await repo.deleteAssessment('good-a1');
		// The subject keeps listing the unreadable one, which stays as it was.
		expect((await repo.getSubject('good'))!.summary.assessmentIds).toEqual(['good-a0']);
		expect(await rawText('assessment:good-a0')).toBe(before);
	});
});
