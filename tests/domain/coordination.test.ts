/**
 * Several respondents, one assessment: hand out, answer, merge (commutative in the order of
 * returns, idempotent on re-import, a conflict for every kind of difference), decide, sign off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/lib/domain/answer';
import type { Assessment } from '../../src/lib/domain/assessment';
import {
	buildReturn,
	conflictsOf,
	consolidate,
	decide,
	finalise,
	indicatorProgress,
	issuePackage,
	logAnswerChange,
	mergeReturn,
	openPackage,
	readCoordinationFile,
	reminders,
	reopen,
	respondentProgress,
	spreadOf,
	startCoordination,
	type ReturnFile
} from '../../src/lib/domain/coordination';
import { createAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric();
const ctx = { on: '2026-05-01', by: '王主任' };
const ids = rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators.map((i) => i.id)));

/** A coordinated assessment with two departments sharing the first two indicators. */
function coordinated(prepare?: (a: Assessment) => void) {
	let a = createAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-04-01'
	});
	prepare?.(a);
	a = startCoordination(rubric, a, '王主任', 'zh');
	const c = a.coordination!;
	c.respondents = [
		{ id: 'dept-a', name: '发展改革部门', deadline: '2026-04-20' },
		{ id: 'dept-b', name: '统计部门' }
	];
	c.assignments = {
		[ids[0]!]: ['dept-a', 'dept-b'],
		[ids[1]!]: ['dept-a', 'dept-b'],
		[ids[2]!]: ['dept-a'],
		[ids[3]!]: ['dept-b']
	};
	const pa = issuePackage(rubric, a, 'dept-a', '2026-04-02');
	const pb = issuePackage(rubric, pa.assessment, 'dept-b', '2026-04-02');
	return { assessment: pb.assessment, packageA: pa.file, packageB: pb.file };
}

function answerTask(
	pkg: ReturnType<typeof coordinated>['packageA'],
	answers: Record<string, Partial<Answer>>,
	person = '李科长'
): ReturnFile {
	let task = openPackage(pkg, '2026-04-03T09:00:00Z');
	for (const [id, change] of Object.entries(answers))
		task = { ...task, answers: { ...task.answers, [id]: { ...task.answers[id]!, ...change } } };
	return buildReturn(task, person, '2026-04-10').file;
}

function merged(a: Assessment, file: ReturnFile): Assessment {
	const outcome = mergeReturn(a, file, ctx);
	if (outcome.kind !== 'merged') throw new Error(`not merged: ${JSON.stringify(outcome)}`);
	return outcome.assessment;
}

describe('hand out', () => {
	it('defaults respondents and assignments from the rubric’s responsible actors', () => {
		const a = startCoordination(
			rubric,
			createAssessment(rubric, {
				id: 'x',
				subject: { id: 's', name: '市', kind: 'city' },
				profile: { level: 'prefecture' },
				date: '2026-01-01'
			}),
			'王主任',
			'zh'
		);
		const c = a.coordination!;
		expect(c.respondents.map((r) => r.name)).toContain('本级人民政府');
		for (const [id, who] of Object.entries(c.assignments)) {
			const indicator = rubric.pillars
				.flatMap((p) => p.domains.flatMap((d) => d.indicators))
				.find((i) => i.id === id)!;
			expect(who.every((r) => indicator.responsible.includes(r))).toBe(true);
		}
	});

	it('hands a respondent its own indicators only, without anyone’s notes or evidence', () => {
		const { packageA } = coordinated((a) => {
			a.answers[ids[0]!] = {
				level: 2,
				notApplicable: false,
				target: null,
				note: '协调办内部意见',
				evidence: [{ id: 'e1', kind: 'link', title: '内部材料', url: 'https://example.gov.cn/x' }]
			};
			a.answers[ids[3]!] = { level: 1, notApplicable: false, target: null, note: '统计部门意见' };
		});
		expect(packageA.indicators).toEqual([ids[0], ids[1], ids[2]]);
		expect(Object.keys(packageA.answers)).toEqual([ids[0], ids[1], ids[2]]);
		expect(packageA.answers[ids[0]!]!.level).toBe(2);
		const text = JSON.stringify(packageA);
		expect(text).not.toContain('协调办内部意见');
		expect(text).not.toContain('内部材料');
		expect(text).not.toContain('统计部门意见');
	});
});

describe('merge', () => {
	it('takes a respondent’s answers, keeps provenance and logs old → new', () => {
		const { assessment, packageA } = coordinated();
		const file = answerTask(packageA, { [ids[2]!]: { level: 3, note: '已建成' } });
		const after = merged(assessment, file);
		expect(after.answers[ids[2]!]!.level).toBe(3);
		const c = after.coordination!.contributions[ids[2]!]!['dept-a']!;
		expect(c).toMatchObject({
			person: '李科长',
			returnedOn: '2026-04-10',
			packageId: packageA.package.id,
			sequence: 1
		});
		expect(consolidate(after.coordination!, ids[2]!, after.answers[ids[2]!]).source).toEqual({
			kind: 'respondents',
			respondentIds: ['dept-a']
		});
		const entry = after.coordination!.log.find((e) => e.indicatorId === ids[2]);
		expect(entry?.changes).toContainEqual({ field: 'level', from: null, to: '3' });
	});

	it('changes nothing when the same return is imported twice', () => {
		const { assessment, packageA } = coordinated();
		const file = answerTask(packageA, { [ids[0]!]: { level: 2 } });
		const once = merged(assessment, file);
		expect(mergeReturn(once, file, ctx)).toEqual({ kind: 'duplicate' });
		expect(mergeReturn(once, structuredClone(file), ctx)).toEqual({ kind: 'duplicate' });
	});

	const fields: [string, Partial<Answer>, Partial<Answer>][] = [
		['level', { level: 1 }, { level: 3 }],
		['不适用', { level: null, notApplicable: true }, { level: 2 }],
		['target', { level: 2, target: 3 }, { level: 2, target: 4 }],
		['metric value', { level: 2, value: 40 }, { level: 2, value: 55 }],
		['note', { level: 2, note: '已建成' }, { level: 2, note: '在建' }],
		[
			'evidence',
			{ level: 2, evidence: [{ id: 'a', kind: 'link', title: '文件甲', url: 'https://a.gov.cn' }] },
			{ level: 2, evidence: [{ id: 'b', kind: 'link', title: '文件乙', url: 'https://b.gov.cn' }] }
		]
	];
	it.each(fields)('sees a conflict when two respondents differ in %s', (_, fromA, fromB) => {
		// ids[0] allows 不适用 in the fixture; the pairs differ in that one field only.
		const { assessment, packageA, packageB } = coordinated();
		const a = merged(assessment, answerTask(packageA, { [ids[0]!]: fromA }));
		const both = merged(a, answerTask(packageB, { [ids[0]!]: fromB }));
		const conflicts = conflictsOf(both.coordination!, both.answers);
		expect(conflicts.map((c) => c.indicatorId)).toEqual([ids[0]]);
		expect(conflicts[0]!.sides.map((s) => s.respondentId)).toEqual(['dept-a', 'dept-b']);
		// Meanwhile the coordinator's own (empty) answer counts, whichever came first.
		expect(both.answers[ids[0]!]!.level).toBeNull();
	});

	it('sees a conflict when the coordinator changed the answer after handing it out', () => {
		const { assessment, packageA } = coordinated();
		const changed: Assessment = {
			...assessment,
			answers: {
				...assessment.answers,
				[ids[2]!]: { level: 4, notApplicable: false, target: null }
			}
		};
		const after = merged(changed, answerTask(packageA, { [ids[2]!]: { level: 1 } }));
		expect(after.answers[ids[2]!]!.level).toBe(4);
		const [conflict] = conflictsOf(after.coordination!, after.answers);
		expect(conflict).toMatchObject({ indicatorId: ids[2], heldFrom: 'own', held: { level: 4 } });
	});

	it('is commutative in the order of returns and idempotent (property)', () => {
		const level = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });
		const answers = fc.record({
			[ids[0]!]: level,
			[ids[1]!]: level,
			[ids[2]!]: level,
			[ids[3]!]: level
		});
		fc.assert(
			fc.property(answers, answers, level, (la, lb, own) => {
				const { assessment, packageA, packageB } = coordinated();
				const start: Assessment = {
					...assessment,
					answers: {
						...assessment.answers,
						[ids[1]!]: { level: own, notApplicable: false, target: null }
					}
				};
				// A file may leave an indicator out of its answers altogether.
				if (own === null) delete start.answers[ids[0]!];
				const pick = (pkg: typeof packageA, ls: Record<string, number | null>) =>
					answerTask(
						pkg,
						Object.fromEntries(pkg.indicators.map((id) => [id, { level: ls[id] ?? null }]))
					);
				const fa = pick(packageA, la);
				const fb = pick(packageB, lb);
				const apply = (a: Assessment, f: ReturnFile) => {
					const o = mergeReturn(a, f, ctx);
					return o.kind === 'merged' ? o.assessment : a;
				};
				const ab = apply(apply(start, fa), fb);
				const ba = apply(apply(start, fb), fa);
				const abab = apply(apply(ab, fa), fb);
				const view = (a: Assessment) => ({
					answers: a.answers,
					conflicts: conflictsOf(a.coordination!, a.answers).map((c) => c.indicatorId),
					contributions: a.coordination!.contributions,
					own: a.coordination!.own
				});
				expect(view(ab)).toEqual(view(ba));
				expect(view(abab)).toEqual(view(ab));
			}),
			{ numRuns: 150 }
		);
	});
});

describe('refusals: nothing changes, and the reason says what the file is', () => {
	const { assessment, packageA, packageB } = coordinated();
	const file = answerTask(packageA, { [ids[0]!]: { level: 2 } });
	const refusal = (a: Assessment, f: ReturnFile) => {
		const o = mergeReturn(a, f, ctx);
		return o.kind === 'refused' ? o.refusal.code : o.kind;
	};

	it('refuses a return for another assessment or rubric version', () => {
		expect(refusal(assessment, { ...file, assessmentId: 'other' })).toBe('other-assessment');
		expect(refusal(assessment, { ...file, rubric: { id: 'mini', version: '2.0.0' } })).toBe(
			'other-rubric'
		);
	});

	it('refuses a package it never issued, or one answered by another respondent', () => {
		expect(refusal(assessment, { ...file, packageId: 'dept-x.1' })).toBe('unknown-package');
		expect(refusal(assessment, { ...file, respondentId: 'dept-b' })).toBe('other-respondent');
	});

	it('refuses answers to indicators the respondent was not assigned', () => {
		const extra = structuredClone(file);
		extra.answers[ids[3]!] = { level: 4, notApplicable: false, target: null };
		const o = mergeReturn(assessment, extra, ctx);
		expect(o).toEqual({ kind: 'refused', refusal: { code: 'unassigned', indicatorIds: [ids[3]] } });
	});

	it('refuses a stale return, and an altered copy of one already merged', () => {
		let task = openPackage(packageA, '2026-04-03T00:00:00Z');
		const first = buildReturn(task, '李科长', '2026-04-10');
		task = first.task;
		task.answers[ids[0]!] = { level: 3, notApplicable: false, target: null };
		const second = buildReturn(task, '李科长', '2026-04-12').file;
		const latest = merged(assessment, second);
		expect(refusal(latest, first.file)).toBe('stale');
		const altered = structuredClone(second);
		altered.answers[ids[0]!]!.level = 4;
		expect(refusal(latest, altered)).toBe('altered');
	});

	it('refuses a return of a package superseded by a newer one, and any while finalised', () => {
		const again = issuePackage(rubric, assessment, 'dept-a', '2026-04-15').assessment;
		expect(refusal(again, file)).toBe('superseded');
		const closed = finalise(assessment, ctx);
		expect(refusal(closed, answerTask(packageB, { [ids[3]!]: { level: 1 } }))).toBe('finalised');
	});
});

describe('decide, spread and sign-off', () => {
	it('settles a conflict by a decision, and weighs a later return against it again', () => {
		const { assessment, packageA, packageB } = coordinated();
		let a = merged(assessment, answerTask(packageA, { [ids[0]!]: { level: 1 } }));
		a = merged(a, answerTask(packageB, { [ids[0]!]: { level: 3 } }));
		expect(spreadOf(a.coordination!, ids[0]!)).toMatchObject({ min: 1, max: 3 });
		a = decide(
			a,
			{
				indicatorId: ids[0]!,
				answer: { level: 2, notApplicable: false, target: null },
				choice: 'consolidated',
				note: '取中'
			},
			ctx
		);
		expect(a.answers[ids[0]!]!.level).toBe(2);
		expect(conflictsOf(a.coordination!, a.answers)).toEqual([]);
		// dept-a sends a newer return: the decision no longer covers it.
		let task = openPackage(packageA, '2026-04-03T00:00:00Z');
		task = buildReturn(task, '李科长', '2026-04-10').task;
		task.answers[ids[0]!] = { level: 4, notApplicable: false, target: null };
		a = merged(a, buildReturn(task, '李科长', '2026-04-20').file);
		expect(a.answers[ids[0]!]!.level).toBe(2);
		expect(conflictsOf(a.coordination!, a.answers).map((c) => c.indicatorId)).toEqual([ids[0]]);
	});

	it('logs sign-off, reopening with its reason, and every change after', () => {
		const { assessment } = coordinated();
		let a = finalise(assessment, ctx);
		expect(a.coordination!.finalised).toEqual({ by: '王主任', on: '2026-05-01' });
		a = reopen(a, { by: '王主任', on: '2026-05-03' }, '统计口径更正');
		expect(a.coordination!.finalised).toBeUndefined();
		const before = a.answers[ids[2]!];
		a = {
			...a,
			answers: { ...a.answers, [ids[2]!]: { level: 3, notApplicable: false, target: null } }
		};
		a = logAnswerChange(a, ids[2]!, before, { by: '王主任', on: '2026-05-03' }, '统计口径更正');
		const kinds = a.coordination!.log.map((e) => e.kind);
		expect(kinds).toEqual(['finalise', 'reopen', 'answer']);
		expect(a.coordination!.log[1]!.reason).toBe('统计口径更正');
		expect(a.coordination!.log[2]).toMatchObject({
			indicatorId: ids[2],
			changes: [{ field: 'level', from: null, to: '3' }]
		});
	});
});

describe('progress', () => {
	it('counts per respondent and lists what overdue respondents still owe', () => {
		const { assessment, packageB } = coordinated();
		const a = merged(
			assessment,
			answerTask(packageB, { [ids[0]!]: { level: 2 }, [ids[3]!]: { level: 1 } })
		);
		const board = respondentProgress(a.coordination!, '2026-04-25');
		expect(board.find((p) => p.respondent.id === 'dept-a')).toMatchObject({
			assigned: 3,
			answered: 0,
			overdue: true
		});
		expect(board.find((p) => p.respondent.id === 'dept-b')).toMatchObject({
			assigned: 3,
			answered: 2,
			overdue: false
		});
		expect(reminders(a.coordination!, '2026-04-25')).toEqual([
			{ respondent: expect.objectContaining({ id: 'dept-a' }), missing: [ids[0], ids[1], ids[2]] }
		]);
		const states = indicatorProgress(a, ids.slice(0, 5));
		expect(states.map((s) => s.state)).toEqual([
			'returned',
			'returned',
			'waiting',
			'returned',
			'unassigned'
		]);
	});
});

describe('reading packages and returns', () => {
	const source = {
		find: (id: string, version: string) =>
			id === rubric.id && version === rubric.version ? rubric : undefined,
		versions: (id: string) => (id === rubric.id ? [rubric.version] : [])
	};
	const { packageA } = coordinated();
	const ret = answerTask(packageA, { [ids[0]!]: { level: 2 } });

	it('reads a package and a return back as they were written', () => {
		expect(readCoordinationFile(JSON.stringify(packageA), 'p.json', source)).toMatchObject({
			kind: 'package',
			file: packageA
		});
		expect(readCoordinationFile(JSON.stringify(ret), 'r.json', source)).toMatchObject({
			kind: 'return',
			file: ret
		});
	});

	it('refuses a truncated file, another rubric version, a level off the scale, a tampered id', () => {
		const text = JSON.stringify(ret);
		expect(() => readCoordinationFile(text.slice(0, 80), 'r.json', source)).toThrow(
			/not valid JSON/
		);
		expect(() =>
			readCoordinationFile(
				JSON.stringify({ ...ret, rubric: { id: rubric.id, version: '9.0.0' } }),
				'r.json',
				source
			)
		).toThrow(/version 9\.0\.0 is not available/);
		const offScale = structuredClone(ret);
		offScale.answers[ids[0]!]!.level = 9;
		expect(() => readCoordinationFile(JSON.stringify(offScale), 'r.json', source)).toThrow(
			/off the scale/
		);
		const renamed = structuredClone(packageA);
		renamed.indicators[0] = 'no.such.indicator';
		expect(() => readCoordinationFile(JSON.stringify(renamed), 'p.json', source)).toThrow(
			/unknown indicator id no\.such\.indicator/
		);
		expect(() =>
			readCoordinationFile(JSON.stringify({ format: 'other' }), 'x.json', source)
		).toThrow(/neither a 填报包/);
	});
});
