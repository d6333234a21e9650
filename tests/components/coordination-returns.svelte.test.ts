/**
 * The coordinator's device: returns (回执) imported through the page's own operation, in any
 * order and any number of times, each all or nothing; every bad file refused with a clear message
 * and nothing stored changed (the evidence files a return brings: tests/storage/coordination-files); the
 * coordinator's edits on the fill page are decisions, refused while signed off, and logged after.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../src/lib/domain/assessment';
import {
	buildReturn,
	conflictsOf,
	finalise,
	issuePackage,
	openPackage,
	reopen,
	scopedIndicators,
	startCoordination,
	type PackageFile,
	type ReturnFile
} from '../../src/lib/domain/coordination';
import { createAssessment } from '../../src/lib/domain/sample';
import { translate } from '../../src/lib/i18n/messages';
import { openSession } from '../../src/lib/state/library';
import { getRubric, rubricIdFor } from '../../src/lib/state/rubrics';
import * as repo from '../../src/lib/storage/repository';
import { rawText } from '../support/device';
import { importReturns } from '../../src/routes/coordinate/operations.svelte';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
	translate('zh', key, params);
const rubric = (await getRubric(rubricIdFor('city')))!;
const ids = scopedIndicators(rubric, {
	...createAssessment(rubric, {
		id: 'probe',
		subject: { id: 's1', name: '协同市', kind: 'city' },
		profile: { level: 'prefecture', region: 'prd' },
		date: '2026-04-01'
	})
}).map((e) => e.indicator.id);
const [X, Y, Z, W] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!];
const EVIDENCE = 'data:text/plain;base64,' + Buffer.from('统计年报摘录').toString('base64');

let packages: { a: PackageFile; b: PackageFile };

/** A coordinated city assessment: X for both departments, Y for A only, Z for B only. */
async function setUp() {
	await repo.wipeEverything();
	localStorage.clear();
	const profile = { level: 'prefecture', region: 'prd' };
	await repo.createSubject({
		id: 's1',
		kind: 'city',
		name: '协同市',
		rubricId: rubric.id,
		profile
	});
	let a = createAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '协同市', kind: 'city' },
		profile,
		date: '2026-04-01',
		period: '2026年度',
		assessor: '王主任'
	});
	a.answers[X] = { ...a.answers[X]!, level: 1, note: '协调人的内部备注' };
	a = startCoordination(rubric, a, '工信局', 'zh');
	a.coordination!.respondents = [
		{ id: 'dept-a', name: '发展改革局', deadline: '2026-04-20' },
		{ id: 'dept-b', name: '统计局' }
	];
	a.coordination!.assignments = { [X]: ['dept-a', 'dept-b'], [Y]: ['dept-a'], [Z]: ['dept-b'] };
	const pa = issuePackage(rubric, a, 'dept-a', '2026-04-02');
	const pb = issuePackage(rubric, pa.assessment, 'dept-b', '2026-04-02');
	packages = { a: pa.file, b: pb.file };
	await repo.createAssessment(pb.assessment, { score: null, coverage: 0 });
	return (await openSession('a1'))!;
}

beforeEach(async () => {
	await setUp();
});

function answered(pkg: PackageFile, answers: Record<string, Partial<Answer>>, returns = 1) {
	let task = openPackage(pkg, '2026-04-03T09:00:00Z');
	let file: ReturnFile | undefined;
	for (let i = 0; i < returns; i++) {
		for (const [id, change] of Object.entries(answers))
			task.answers[id] = { ...task.answers[id]!, ...change };
		({ file, task } = buildReturn(task, '李科长', `2026-04-1${i}`));
	}
	return file!;
}

const asFile = (data: unknown, name: string) =>
	new File([typeof data === 'string' ? data : JSON.stringify(data)], name, {
		type: 'application/json'
	});

const returnA = () =>
	answered(packages.a, {
		[X]: { level: 2 },
		[Y]: {
			level: 3,
			note: '依据2025年统计年报',
			evidence: [
				{
					id: 'respondent-file-1',
					kind: 'file',
					title: '年报摘录.txt',
					fileName: '年报摘录.txt',
					mimeType: 'text/plain',
					size: 18,
					addedAt: '2026-04-05T00:00:00.000Z',
					dataUrl: EVIDENCE
				}
			]
		}
	});
const returnB = () => answered(packages.b, { [X]: { level: 3 }, [Z]: { notApplicable: true } });

/** What counts, without the random ids evidence files get on arrival. */
function outcomeOf(a: Assessment) {
	const strip = (value: unknown) =>
		JSON.parse(
			JSON.stringify(value, (key, v: unknown) =>
				key === 'id' && typeof v === 'string' && v.length === 36 ? '<file>' : v
			)
		) as unknown;
	const c = a.coordination!;
	return strip({
		answers: a.answers,
		contributions: c.contributions,
		own: c.own,
		decisions: c.decisions
	});
}

describe('importing returns', () => {
	it('gives the same assessment in either order, and the same file twice changes nothing', async () => {
		const a = asFile(returnA(), 'a.json');
		const b = asFile(returnB(), 'b.json');
		let session = await setUp();
		const first = await importReturns(session, [b, a, a], t);
		expect(first.map((o) => o.kind)).toEqual(['merged', 'merged', 'duplicate']);
		const oneWay = outcomeOf((await repo.getAssessment('a1'))!.assessment);

		session = await setUp();
		expect((await importReturns(session, [a], t))[0]).toMatchObject({
			kind: 'merged',
			respondent: '发展改革局',
			changed: 2,
			conflicts: 0
		});
		await importReturns(session, [b], t);
		const before = await rawText('assessment:a1');
		const again = await importReturns(session, [b, a], t);
		expect(again.map((o) => o.kind)).toEqual(['duplicate', 'duplicate']);
		expect(await rawText('assessment:a1')).toBe(before);
		expect(outcomeOf((await repo.getAssessment('a1'))!.assessment)).toEqual(oneWay);

		// Both disagree with the coordinator's own level 1 on X: one conflict, both sides shown.
		const stored = (await repo.getAssessment('a1'))!.assessment;
		const [conflict] = conflictsOf(stored.coordination!, stored.answers);
		expect(conflict!.indicatorId).toBe(X);
		expect(conflict!.sides.map((s) => s.respondentId)).toEqual(['dept-a', 'dept-b']);
		expect(stored.answers[X]!.level).toBe(1);
		expect(stored.answers[Z]!.notApplicable).toBe(true);
	});

	it('refuses each bad file with a clear message, and nothing stored changes', async () => {
		const session = await setUp();
		const good = returnA();
		const text = JSON.stringify(good);
		const newer = answered(packages.a, { [X]: { level: 2 } }, 2);
		const before = await rawText('assessment:a1');
		const cases: [string, File, RegExp][] = [
			[
				'another assessment',
				asFile({ ...good, assessmentId: 'other' }, 'other.json'),
				/属于另一项评估，不是“协同市 2026年度”/
			],
			[
				'another rubric version',
				asFile({ ...good, rubric: { ...good.rubric, version: '9.9.9' } }, 'version.json'),
				/不是有效的回执文件.*9\.9\.9/
			],
			['truncated', asFile(text.slice(0, text.length / 2), 'cut.json'), /不是有效的回执文件/],
			[
				'an unassigned indicator',
				asFile(
					{ ...good, answers: { ...good.answers, [Z]: { ...good.answers[X]!, level: 4 } } },
					'z.json'
				),
				/未分配给该单位的指标/
			],
			['a package', asFile(packages.a, 'package.json'), /这是一个填报包/],
			[
				'an unknown package',
				asFile({ ...good, packageId: 'dept-a.7' }, 'unknown.json'),
				/不是从本评估下发的/
			]
		];
		for (const [what, file, message] of cases) {
			const [outcome] = await importReturns(session, [file], t);
			expect(outcome, what).toMatchObject({ kind: 'refused' });
			expect(outcome!.kind === 'refused' && outcome!.message, what).toMatch(message);
			expect(await rawText('assessment:a1'), what).toBe(before);
		}

		// Stale: the second export is merged, then the first arrives late.
		await importReturns(session, [asFile(newer, 'newer.json')], t);
		const merged = await rawText('assessment:a1');
		const [stale] = await importReturns(session, [asFile(good, 'older.json')], t);
		expect(stale!.kind === 'refused' && stale!.message).toMatch(/较早的回执（第 1 次导出）/);
		// Tampered: the same export number with other answers.
		const tampered = {
			...newer,
			answers: { ...newer.answers, [X]: { ...newer.answers[X]!, level: 4 } }
		};
		const [altered] = await importReturns(session, [asFile(tampered, 'tampered.json')], t);
		expect(altered!.kind === 'refused' && altered!.message).toMatch(/内容不同，文件可能被改动/);
		expect(await rawText('assessment:a1')).toBe(merged);
	});
});

describe('the coordinator’s own edits', () => {
	it('decide a conflict, are refused while signed off, and are logged with the reopening’s reason', async () => {
		const session = await setUp();
		await importReturns(session, [asFile(returnA(), 'a.json'), asFile(returnB(), 'b.json')], t);
		session.setLevel(X, 3);
		await session.flush();
		let stored = (await repo.getAssessment('a1'))!.assessment;
		expect(stored.coordination!.decisions[X]).toMatchObject({
			choice: 'coordinator',
			by: '工信局'
		});
		expect(conflictsOf(stored.coordination!, stored.answers)).toEqual([]);

		session.update(finalise(stored, { by: '王主任', on: '2026-05-02' }));
		await session.flush();
		expect(session.readOnly).toBe(true);
		session.setLevel(Y, 0);
		session.setNote(Y, '定稿后不应保存');
		await session.flush();
		stored = (await repo.getAssessment('a1'))!.assessment;
		expect(stored.answers[Y]!.level).toBe(3);
		expect(stored.answers[Y]!.note).toBe('依据2025年统计年报');
		const [refused] = await importReturns(session, [asFile(returnA(), 'a2.json')], t);
		expect(refused!.kind === 'refused' && refused!.message).toMatch(/已于 2026-05-02 由王主任定稿/);

		session.update(reopen(stored, { by: '王主任', on: '2026-05-03' }, '补充年报数据'));
		// Typing a note is one change in the log, not one per keystroke.
		for (const note of ['依', '依据', '依据更正后的年报']) session.setNote(W, note);
		await session.flush();
		stored = (await repo.getAssessment('a1'))!.assessment;
		const last = stored.coordination!.log.at(-1)!;
		expect(stored.coordination!.log.filter((e) => e.kind === 'answer')).toHaveLength(1);
		expect(last).toMatchObject({
			kind: 'answer',
			by: '工信局',
			indicatorId: W,
			reason: '补充年报数据',
			changes: [{ field: 'note', from: null, to: '依据更正后的年报' }]
		});
	});
});
