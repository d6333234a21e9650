/**
 * Imports own what they write: a kept copy gets its own evidence files, an import can never
 * reach a file it did not bring, a subject must fit its rubric, and a replaced assessment's
 * revision moves past every known one, with open tabs told.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { InputError } from '../../src/lib/domain/assessment-file';
import { buildAssessmentFile, buildBackupFile } from '../../src/lib/state/library';
import { applyImport, prepareImportText } from '../../src/lib/state/importing';
import * as repo from '../../src/lib/storage/repository';
import { cityWithAssessments, fileEvidenceOf } from '../support/device';

beforeEach(async () => {
	await repo.wipeEverything();
});

const text = async (blob: Blob | undefined) => (blob ? await blob.text() : undefined);

async function changeOnDevice(id: string, narrative: string) {
	const record = (await repo.getAssessment(id))!;
	const saved = await repo.saveAssessment({ ...record.assessment, narrative }, record.revision, {
		score: null,
		coverage: 0
	});
	if (!saved.ok) throw new Error('save failed');
	return saved.record;
}

describe('“keep both”', () => {
	it('gives the copy its own evidence files: deleting the copy leaves the original’s file', async () => {
		await cityWithAssessments('good', '好市', ['2025-06-30'], () => '原件的证据');
		const backup = await buildBackupFile();
		await changeOnDevice('good-a0', '本设备上的修改');
		const resolved = await applyImport(
			await prepareImportText(backup.content, 'b.json'),
			'keep-both'
		);
		const copy = resolved.assessments.find((a) => a.id !== 'good-a0')!;
		const original = (await repo.getAssessment('good-a0'))!.assessment;
		const [copyFile] = fileEvidenceOf((await repo.getAssessment(copy.id))!.assessment);
		const [originalFile] = fileEvidenceOf(original);
		expect(copyFile!.id).not.toBe(originalFile!.id);
		expect(await text(await repo.getFile(copyFile!.id))).toBe('原件的证据');

		await repo.deleteAssessment(copy.id);
		expect(await text(await repo.getFile(originalFile!.id))).toBe('原件的证据');
		const exported = await buildAssessmentFile(original);
		expect(exported.content).toContain('data:text/plain;base64,');
	});

	it('never deletes a file another stored answer still names (copies made before this fix)', async () => {
		const [a] = await cityWithAssessments('good', '好市', ['2025-06-30'], () => '共用的证据');
		const [shared] = fileEvidenceOf(a!);
		// A second assessment that names the same file, as older "keep both" imports left them.
		const [b] = await cityWithAssessments('twin', '双胞胎市', ['2025-06-30']);
		const first = Object.keys(b!.answers)[0]!;
		b!.answers[first] = { ...b!.answers[first]!, evidence: [shared!] };
		const twin = (await repo.getAssessment(b!.id))!;
		await repo.saveAssessment(b!, twin.revision, { score: null, coverage: 0 });

		await repo.deleteAssessment(b!.id);
		expect(await text(await repo.getFile(shared!.id))).toBe('共用的证据');
		await repo.deleteFile(shared!.id);
		expect(await text(await repo.getFile(shared!.id))).toBe('共用的证据');
		await repo.deleteAssessment(a!.id);
		expect(await repo.getFile(shared!.id)).toBeUndefined();
	});
});

describe('an import naming a file it did not bring', () => {
	async function attack(dataUrl?: string) {
		const [victim] = await cityWithAssessments(
			'victim',
			'受害市',
			['2025-06-30'],
			() => '机密证据'
		);
		const [target] = fileEvidenceOf(victim!);
		const file = JSON.parse((await buildAssessmentFile(victim!)).content) as Assessment;
		// Another subject's assessment whose evidence names the victim's file id.
		file.id = 'evil';
		file.subject = { ...file.subject, id: 'evil-subject', name: '攻击者' };
		for (const answer of Object.values(file.answers))
			for (const e of answer.evidence ?? []) {
				if (dataUrl === undefined) delete e.dataUrl;
				else e.dataUrl = dataUrl;
			}
		await applyImport(await prepareImportText(JSON.stringify(file), 'evil.json'), 'keep-both');
		return { target: target!, evil: (await repo.getAssessment('evil'))!.assessment };
	}

	it('without file data: the entry is kept as “file not included” and reaches no file', async () => {
		const { target, evil } = await attack();
		const [entry] = fileEvidenceOf(evil);
		expect(entry!.id).not.toBe(target.id);
		expect(entry!.fileName).toBe(target.fileName);
		expect(await repo.getFile(entry!.id)).toBeUndefined();
		await repo.deleteAssessment('evil');
		expect(await text(await repo.getFile(target.id))).toBe('机密证据');
	});

	it('with the same bytes: it gets its own copy, and deleting it keeps the other’s', async () => {
		const same = `data:text/plain;base64,${Buffer.from('机密证据').toString('base64')}`;
		const { target, evil } = await attack(same);
		const [entry] = fileEvidenceOf(evil);
		expect(entry!.id).not.toBe(target.id);
		await repo.deleteAssessment('evil');
		expect(await text(await repo.getFile(target.id))).toBe('机密证据');
	});
});

describe('imported subjects', () => {
	async function backupWith(change: (subject: Record<string, unknown>) => void) {
		await cityWithAssessments('good', '好市', ['2025-06-30']);
		const data = JSON.parse((await buildBackupFile()).content) as {
			subjects: Record<string, unknown>[];
		};
		change(data.subjects[0]!);
		await repo.wipeEverything();
		return JSON.stringify(data);
	}

	it.each([
		[
			'an unknown rubric',
			(s: Record<string, unknown>) => (s.rubricId = 'not-a-rubric'),
			/rubricId.*unknown rubric/
		],
		[
			'a profile question the rubric lacks',
			(s: Record<string, unknown>) => (s.profile = { ...(s.profile as object), employees: 'many' }),
			/profile\.employees.*unknown profile question/
		],
		[
			'a city on the enterprise rubric',
			(s: Record<string, unknown>) => (s.rubricId = 'gd-enterprise-maturity'),
			/\$\.subjects\[0\]\.kind.*is "city"/
		]
	])('are refused before anything is written when they have %s', async (_, change, message) => {
		const text = await backupWith(change);
		const attempt = prepareImportText(text, 'bad-backup.json');
		await expect(attempt).rejects.toThrow(InputError);
		await expect(prepareImportText(text, 'bad-backup.json')).rejects.toThrow(message);
		await expect(prepareImportText(text, 'bad-backup.json')).rejects.toThrow(/bad-backup\.json/);
		expect((await repo.listReadableSubjects()).subjects).toEqual([]);
	});
});

describe('“replace”', () => {
	async function replaceWithEdited(narrative: string) {
		const heard: { id: string; revision: number }[] = [];
		const tab = new BroadcastChannel('gd-assess-changes');
		const message = new Promise<void>((resolve) => {
			tab.onmessage = (event: MessageEvent<{ id: string; revision: number }>) => {
				heard.push(event.data);
				resolve();
			};
		});
		const data = JSON.parse((await buildBackupFile()).content) as {
			assessments: { narrative?: string }[];
		};
		data.assessments[0]!.narrative = narrative;
		await applyImport(await prepareImportText(JSON.stringify(data), 'b.json'), 'replace');
		await message;
		tab.close();
		return heard;
	}

	it('moves the revision past the stored one and tells open tabs, so a stale tab cannot save', async () => {
		await cityWithAssessments('good', '好市', ['2025-06-30']);
		// A tab opened the assessment as created, at revision 1.
		const stale = (await repo.getAssessment('good-a0'))!;
		const heard = await replaceWithEdited('导入的内容');

		const stored = (await repo.getAssessment('good-a0'))!;
		expect(stored.revision).toBe(2);
		expect(heard).toEqual([{ id: 'good-a0', revision: 2 }]);
		const result = await repo.saveAssessment(
			{ ...stale.assessment, narrative: '过期窗口的内容' },
			stale.revision,
			{ score: null, coverage: 0 }
		);
		expect(result).toMatchObject({ ok: false, reason: 'conflict' });
		expect((await repo.getAssessment('good-a0'))!.assessment.narrative).toBe('导入的内容');
	});

	it('goes past a revision that was saved many times', async () => {
		await cityWithAssessments('good', '好市', ['2025-06-30']);
		await changeOnDevice('good-a0', '第一次修改');
		await changeOnDevice('good-a0', '第二次修改');
		const heard = await replaceWithEdited('导入的内容');
		expect((await repo.getAssessment('good-a0'))!.revision).toBe(4);
		expect(heard).toEqual([{ id: 'good-a0', revision: 4 }]);
	});
});
