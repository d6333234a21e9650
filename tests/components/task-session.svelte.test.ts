/**
 * A task (a 填报包 opened on a respondent's device) changes only what its package assigned: the
 * session refuses every kind of change to any other indicator, whichever control or key asks,
 * and shows and counts only the assigned indicators.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { issuePackage, openPackage, startCoordination } from '../../src/lib/domain/coordination';
import { createAssessment } from '../../src/lib/domain/sample';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();
const ASSIGNED = ['d1.a', 'd2.a'];

/** The respondent's task for d1.a and d2.a, stored as opening the package stores it. */
async function storedTask() {
	let a = createAssessment(mini, {
		id: 'coord',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-04-01'
	});
	a = startCoordination(mini, a, '王主任', 'zh');
	a.coordination!.respondents = [{ id: 'dept-a', name: '统计部门' }];
	a.coordination!.assignments = Object.fromEntries(ASSIGNED.map((id) => [id, ['dept-a']]));
	const task = openPackage(
		issuePackage(mini, a, 'dept-a', '2026-04-02').file,
		'2026-04-03T00:00:00Z'
	);
	await repo.createSubject({
		id: 's1',
		kind: 'city',
		name: '测试市',
		rubricId: 'mini',
		profile: { level: 'prefecture' }
	});
	return repo.createAssessment(task, { score: null, coverage: 0 });
}

beforeEach(async () => {
	await repo.wipeEverything();
	localStorage.clear();
});

describe('a task’s session', () => {
	it('refuses every change to an indicator the package did not assign, and stores none', async () => {
		const record = await storedTask();
		const session = new AssessmentSession(mini, record);
		const before = JSON.stringify(record.assessment.answers);
		const other = 'd1.b';
		const metric = 'd3.b';
		session.setLevel(other, 3);
		session.setNotApplicable('d2.b', true);
		session.setTarget(other, 4);
		session.setNote(other, '不该保存');
		session.setValue(metric, 80);
		session.setRatioInput(metric, 'numerator', 5);
		session.setFigure(other, 'f1', 3);
		session.setEvidence(other, [
			{ id: 'x', kind: 'link', title: '链接', url: 'https://example.org' }
		]);
		session.setCompliance('any-check', { status: 'met' });
		session.setNarrative('总体评价不属于回执');
		await session.flush();

		expect(JSON.stringify(session.assessment.answers)).toBe(before);
		expect(session.assessment.narrative).toBeUndefined();
		expect(session.assessment.compliance).toBeUndefined();
		const stored = (await repo.getAssessment(record.assessment.id))!;
		expect(stored.revision).toBe(record.revision);
		expect(JSON.stringify(stored.assessment.answers)).toBe(before);
		session.dispose();
	});

	it('changes, saves and counts the assigned indicators, and shows only those', async () => {
		const record = await storedTask();
		const session = new AssessmentSession(mini, record);
		expect(session.inScope.map((e) => e.indicator.id)).toEqual(ASSIGNED);
		expect(session.progressOf()).toMatchObject({ answered: 0, applicable: 2 });
		session.setLevel('d1.a', 2);
		session.setNote('d1.a', '依据统计公报。');
		await session.flush();
		expect(session.progressOf()).toMatchObject({ answered: 1, applicable: 2 });
		expect(session.progressOf('d2')).toMatchObject({ answered: 0, applicable: 1 });
		const stored = (await repo.getAssessment(record.assessment.id))!.assessment;
		expect(stored.answers['d1.a']).toMatchObject({ level: 2, note: '依据统计公报。' });

		// An exported return is counted on the task and stored.
		expect(await session.recordReturn(1)).toBe(true);
		expect((await repo.getAssessment(record.assessment.id))!.assessment.task!.returned).toBe(1);
		session.dispose();
	});
});
