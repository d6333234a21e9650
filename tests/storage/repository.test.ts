import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { upgradeRecord, NewerRecordError, CorruptRecordError } from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const digest = { score: 50, coverage: 1 };

async function subjectWithAssessment(id = 's1', assessmentId = 'a1', date = '2026-01-01') {
	if (!(await repo.getSubject(id)))
		await repo.createSubject({
			id,
			kind: 'city',
			name: '测试市',
			rubricId: 'mini',
			profile: { level: 'prefecture' }
		});
	const assessment = createSampleAssessment(
		mini,
		{
			id: assessmentId,
			subject: { id, name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date
		},
		1
	);
	return repo.createAssessment(assessment, digest);
}

beforeEach(async () => {
	await repo.wipeEverything();
});

describe('device store', () => {
	it('stores subjects and assessments, with the subject summary updated in the same write', async () => {
		await subjectWithAssessment('s1', 'a1', '2025-01-01');
		await subjectWithAssessment('s1', 'a2', '2026-01-01');
		const subject = (await repo.getSubject('s1'))!;
		expect(subject.summary.assessmentIds.sort()).toEqual(['a1', 'a2']);
		expect(subject.summary.latest).toMatchObject({ assessmentId: 'a2', score: 50 });
		expect((await repo.listAssessments('s1')).map((r) => r.assessment.id)).toEqual(['a2', 'a1']);
	});

	it('saves only over the revision it started from; a stale save changes nothing', async () => {
		const created = await subjectWithAssessment();
		const first = { ...created.assessment, narrative: '第一个窗口' };
		const saved = await repo.saveAssessment(first, created.revision, digest);
		expect(saved.ok).toBe(true);
		// A second window still holds revision 1 and tries to save older data.
		const stale = { ...created.assessment, narrative: '过期的窗口' };
		const result = await repo.saveAssessment(stale, created.revision, digest);
		expect(result).toMatchObject({ ok: false, reason: 'conflict' });
		expect((await repo.getAssessment('a1'))!.assessment.narrative).toBe('第一个窗口');
	});

	it('deletes an assessment with its evidence files, and undoes the deletion', async () => {
		const created = await subjectWithAssessment();
		const withFile = structuredClone(created.assessment);
		const firstId = Object.keys(withFile.answers)[0]!;
		withFile.answers[firstId]!.evidence = [
			{ id: 'f1', kind: 'file', title: 'a.pdf', fileName: 'a.pdf', size: 3 }
		];
		await repo.putFile('f1', new Blob(['abc']));
		await repo.saveAssessment(withFile, created.revision, digest);
		const deleted = (await repo.deleteAssessment('a1'))!;
		expect(await repo.getAssessment('a1')).toBeUndefined();
		expect(await repo.getFile('f1')).toBeUndefined();
		expect((await repo.getSubject('s1'))!.summary.assessmentIds).toEqual([]);
		await repo.restoreAssessment(deleted);
		expect((await repo.getAssessment('a1'))!.assessment.answers[firstId]!.evidence).toHaveLength(1);
		expect(await (await repo.getFile('f1'))!.text()).toBe('abc');
		expect((await repo.getSubject('s1'))!.summary.assessmentIds).toEqual(['a1']);
	});

	it('writes an import in one transaction: a failing record leaves nothing behind', async () => {
		await subjectWithAssessment();
		const before = await repo.readEverything();
		const good = { ...before.subjects[0]!, id: 's2', name: '新对象' };
		// A value that cannot be stored as JSON data makes the second write fail inside the
		// transaction, after the first one was already written.
		const bad = {
			...before.assessments[0]!,
			assessment: {
				...before.assessments[0]!.assessment,
				id: 'a9',
				narrative: 1n as unknown as string
			}
		};
		await expect(
			repo.writeImport({ subjects: [good], assessments: [bad], files: [] })
		).rejects.toThrow();
		expect(await repo.getSubject('s2')).toBeUndefined();
		expect((await repo.readEverything()).subjects).toHaveLength(1);
	});

	it('refuses to create a subject whose id exists instead of overwriting it', async () => {
		await subjectWithAssessment();
		await expect(
			repo.createSubject({ id: 's1', kind: 'city', name: '另一个', rubricId: 'mini', profile: {} })
		).rejects.toThrow();
		expect((await repo.getSubject('s1'))!.name).toBe('测试市');
	});
});

describe('stored record versions', () => {
	it('refuses records written by a newer app, leaving them untouched', () => {
		expect(() => upgradeRecord('subject', 'subject:x', { schemaVersion: 99, id: 'x' })).toThrow(
			NewerRecordError
		);
	});

	it('reports records that are not valid instead of guessing', () => {
		expect(() => upgradeRecord('subject', 'subject:x', 'nonsense')).toThrow(CorruptRecordError);
		expect(() => upgradeRecord('subject', 'subject:x', { schemaVersion: 1, id: 'x' })).toThrow(
			CorruptRecordError
		);
	});
});
