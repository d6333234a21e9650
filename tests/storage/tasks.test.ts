/**
 * A respondent's device: a 填报包 opened as a task (once, under the package's subject), the bad
 * files the general import must refuse without writing anything, and the 回执 exported with its
 * evidence files and numbered one higher each time.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import {
	issuePackage,
	mergeReturn,
	readCoordinationFile,
	startCoordination,
	type PackageFile
} from '../../src/lib/domain/coordination';
import { createAssessment } from '../../src/lib/domain/sample';
import { digestOf } from '../../src/lib/state/assessment-session.svelte';
import { loadAllRubrics, rubricSourceOf } from '../../src/lib/state/rubrics';
import {
	buildReturnExport,
	CoordinationReadError,
	exportStoredReturn,
	MissingRubricVersionError,
	openTask,
	readAnyImport,
	readCoordinationImport
} from '../../src/lib/state/tasks';
import * as repo from '../../src/lib/storage/repository';
import { cityRubric } from '../support/device';

beforeEach(async () => {
	await repo.wipeEverything();
});

const SUBJECT = { id: 'city-1', name: '协调市', kind: 'city' as const };
const profile = { level: 'prefecture', region: 'prd' };

/** The coordinator's assessment with two packages handed out (not stored anywhere). */
async function coordinatorFiles() {
	const rubric = await cityRubric();
	let a = createAssessment(rubric, {
		id: 'coord-a',
		subject: SUBJECT,
		profile,
		date: '2026-04-01',
		period: '2026年度'
	});
	a = startCoordination(rubric, a, '市工业和信息化局', 'zh');
	const [first, second] = a.coordination!.respondents;
	a.coordination!.respondents[0] = { ...first!, deadline: '2026-04-30', contact: '020-1234' };
	const one = issuePackage(rubric, a, first!.id, '2026-04-02');
	const two = issuePackage(rubric, one.assessment, second!.id, '2026-04-02');
	return { rubric, coordinator: two.assessment, first: one.file, second: two.file };
}

/** Everything stored on the device, as text: to show a refusal wrote nothing. */
async function snapshot() {
	const all = await repo.readEverything();
	return JSON.stringify({ subjects: all.subjects, assessments: all.assessments });
}

const asFile = (data: unknown, name = 'f.json') =>
	new File([typeof data === 'string' ? data : JSON.stringify(data)], name, {
		type: 'application/json'
	});

describe('opening a package', () => {
	it('creates the subject (same id and name) and a task holding only its indicators', async () => {
		const { first, second } = await coordinatorFiles();
		const read = await readAnyImport(asFile(first, '包.json'));
		expect(read.kind).toBe('coordination');
		const opened = await openTask(first);
		expect(opened.kind).toBe('opened');
		const subject = (await repo.getSubject(SUBJECT.id))!;
		expect(subject).toMatchObject({ id: SUBJECT.id, name: SUBJECT.name, kind: 'city' });
		const { assessments } = await repo.listReadableAssessments(SUBJECT.id);
		expect(assessments).toHaveLength(1);
		const task = assessments[0]!.assessment;
		expect(Object.keys(task.answers).sort()).toEqual([...first.indicators].sort());
		expect(task.task).toMatchObject({ packageId: first.package.id, assessmentId: 'coord-a' });
		// A task's partial answers give its subject no score.
		expect(subject.summary.latest?.score ?? null).toBeNull();

		// A later package of the same subject lands beside it.
		expect((await openTask(second)).kind).toBe('opened');
		expect((await repo.listReadableAssessments(SUBJECT.id)).assessments).toHaveLength(2);
		expect((await repo.listReadableSubjects()).subjects).toHaveLength(1);
	});

	it('opens the existing task when the same package is opened again, never a duplicate', async () => {
		const { first } = await coordinatorFiles();
		const opened = await openTask(first);
		if (opened.kind !== 'opened') throw new Error(opened.kind);
		// The respondent has answered meanwhile: opening again must not reset that.
		const id = opened.record.assessment.id;
		const answered = structuredClone(opened.record.assessment);
		answered.answers[first.indicators[0]!]!.level = 2;
		await repo.saveAssessment(answered, 1, { score: null, coverage: 0 });
		const before = await snapshot();

		const again = await openTask(first);
		expect(again.kind).toBe('existing');
		if (again.kind === 'existing') expect(again.record.assessment.id).toBe(id);
		expect(await snapshot()).toBe(before);
		expect((await repo.getAssessment(id))!.assessment.answers[first.indicators[0]!]!.level).toBe(2);
	});

	it('says which earlier package of the same respondent a newer one supersedes', async () => {
		const { rubric, coordinator, first } = await coordinatorFiles();
		await openTask(first);
		const newer = issuePackage(rubric, coordinator, first.respondent.id, '2026-04-10').file;
		const read = await readCoordinationImport(JSON.stringify(newer), 'new.json');
		expect(read.kind === 'package' && read.earlier.map((a) => a.task?.packageId)).toEqual([
			first.package.id
		]);
	});
});

describe('bad input: refused, nothing imported halfway, nothing existing changed', () => {
	it('a package opened on the coordinator’s own device', async () => {
		const { rubric, coordinator, first } = await coordinatorFiles();
		await repo.createSubject({ ...SUBJECT, rubricId: rubric.id, profile });
		await repo.createAssessment(coordinator, digestOf(rubric, coordinator));
		const before = await snapshot();
		const opened = await openTask(first);
		expect(opened.kind).toBe('coordinator-device');
		if (opened.kind === 'coordinator-device') expect(opened.assessment?.id).toBe('coord-a');
		expect(await snapshot()).toBe(before);
	});

	it('a package for a rubric version this app does not have', async () => {
		const { first } = await coordinatorFiles();
		const other = structuredClone(first);
		other.assessment.rubric.version = '9.0.0';
		const error = await readAnyImport(asFile(other)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MissingRubricVersionError);
		expect(error).toMatchObject({ kind: 'package', version: '9.0.0' });
		expect((error as MissingRubricVersionError).available.length).toBeGreaterThan(0);
		expect(await snapshot()).toBe(JSON.stringify({ subjects: [], assessments: [] }));
	});

	it('a truncated package is refused as a damaged package, not as an assessment', async () => {
		const { first } = await coordinatorFiles();
		const text = JSON.stringify(first, null, 1);
		const error = await readAnyImport(asFile(text.slice(0, text.length / 2))).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(CoordinationReadError);
		expect(error).toMatchObject({ kind: 'package', message: /not valid JSON/ });
	});

	it('a tampered package: an answer slipped in for an indicator it did not assign', async () => {
		const { first, second } = await coordinatorFiles();
		const tampered: PackageFile = structuredClone(first);
		const foreign = second.indicators.find((id) => !first.indicators.includes(id))!;
		tampered.answers[foreign] = { level: 4, notApplicable: false, target: null };
		const error = await readAnyImport(asFile(tampered)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CoordinationReadError);
		expect((error as Error).message).toContain(`$.answers.${foreign}`);
		expect((error as Error).message).toMatch(/altered/);
		// Its respondent or format changed by hand: refused too.
		const renamed = { ...structuredClone(first), respondent: { id: 'Bad Id', name: 'x' } };
		await expect(readAnyImport(asFile(renamed))).rejects.toBeInstanceOf(CoordinationReadError);
		expect(await snapshot()).toBe(JSON.stringify({ subjects: [], assessments: [] }));
	});

	it('a return dropped on the general import names its assessment and imports nothing', async () => {
		const { rubric, coordinator, first } = await coordinatorFiles();
		// Answered on another device.
		const opened = await openTask(first);
		if (opened.kind !== 'opened') throw new Error(opened.kind);
		const answered = structuredClone(opened.record.assessment);
		answered.answers[first.indicators[0]!]!.level = 3;
		const { content } = await buildReturnExport(answered, '李四', '2026-04-05');
		await repo.wipeEverything();

		// Not on this device: it says the return is the coordinator's to import.
		const away = await readAnyImport(asFile(content, '回执.json'));
		expect(away).toMatchObject({
			kind: 'coordination',
			read: { kind: 'return', coordinating: null }
		});

		// On the coordinator's device: it names the assessment, and nothing changes.
		await repo.createSubject({ ...SUBJECT, rubricId: rubric.id, profile });
		await repo.createAssessment(coordinator, digestOf(rubric, coordinator));
		const before = await snapshot();
		const here = await readAnyImport(asFile(content, '回执.json'));
		expect(here.kind === 'coordination' && here.read.kind === 'return').toBe(true);
		if (here.kind === 'coordination' && here.read.kind === 'return')
			expect(here.read.coordinating?.id).toBe('coord-a');
		expect(await snapshot()).toBe(before);
	});
});

describe('exporting a return', () => {
	async function answeredTask(fileText = '监测报告原文') {
		const { first, coordinator } = await coordinatorFiles();
		const opened = await openTask(first);
		if (opened.kind !== 'opened') throw new Error(opened.kind);
		const task: Assessment = structuredClone(opened.record.assessment);
		const id = first.indicators[0]!;
		await repo.putFile('ev-1', new Blob([fileText], { type: 'text/plain' }));
		task.answers[id] = {
			...task.answers[id]!,
			level: 2,
			note: '数据来自统计年鉴。',
			evidence: [
				{
					id: 'ev-1',
					kind: 'file',
					title: '监测报告.txt',
					fileName: '监测报告.txt',
					mimeType: 'text/plain',
					size: new TextEncoder().encode(fileText).length
				}
			]
		};
		const saved = await repo.saveAssessment(task, 1, { score: null, coverage: 0 });
		if (!saved.ok) throw new Error('save');
		return { task, first, coordinator, id };
	}

	it('embeds the evidence files, names the file, and numbers each export one higher', async () => {
		const { task, first, coordinator, id } = await answeredTask();
		const one = await exportStoredReturn(task.id, '李四', '2026-04-05');
		if (!one.ok) throw new Error(one.reason);
		expect(one.export.fileName).toBe(`协调市-2026年度-回执-${first.respondent.name}-1.json`);
		const file = JSON.parse(one.export.content) as {
			sequence: number;
			answers: Record<string, Assessment['answers'][string]>;
		};
		expect(file.sequence).toBe(1);
		const dataUrl = file.answers[id]!.evidence![0]!.dataUrl!;
		expect(Buffer.from(dataUrl.split(',')[1]!, 'base64').toString('utf8')).toBe('监测报告原文');
		expect(file.answers[id]!.note).toBe('数据来自统计年鉴。');
		// Only the assigned answers go back.
		expect(Object.keys(file.answers).every((k) => first.indicators.includes(k))).toBe(true);
		expect((await repo.getAssessment(task.id))!.assessment.task!.returned).toBe(1);

		// The return is a valid file the coordinator merges.
		const read = readCoordinationFile(
			one.export.content,
			'r.json',
			rubricSourceOf(await loadAllRubrics())
		);
		expect(read.kind).toBe('return');
		if (read.kind !== 'return') return;
		const merged = mergeReturn(coordinator, read.file, { on: '2026-04-06', by: '王主任' });
		expect(merged.kind).toBe('merged');

		const two = await exportStoredReturn(task.id, '李四', '2026-04-07');
		if (!two.ok) throw new Error(two.reason);
		expect(two.export.sequence).toBe(2);
		expect(two.export.fileName).toMatch(/-回执-.*-2\.json$/);
		expect((await repo.getAssessment(task.id))!.assessment.task!.returned).toBe(2);
	});

	it('makes no return of an assessment that is no task, or of one not on the device', async () => {
		const { rubric, coordinator } = await coordinatorFiles();
		await repo.createSubject({ ...SUBJECT, rubricId: rubric.id, profile });
		await repo.createAssessment(coordinator, digestOf(rubric, coordinator));
		const before = await snapshot();
		expect(await exportStoredReturn('coord-a', '李四', '2026-04-05')).toEqual({
			ok: false,
			reason: 'not-a-task'
		});
		expect(await exportStoredReturn('no-such-task', '李四', '2026-04-05')).toEqual({
			ok: false,
			reason: 'missing'
		});
		expect(await snapshot()).toBe(before);
	});
});
