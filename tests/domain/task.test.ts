/**
 * The respondent's task in the domain: a package carries answers for its own indicators only
 * (anything more was added after it was handed out), progress and overdue as the coordinator's
 * board counts them, and the return file's name.
 */
import { describe, expect, it } from 'vitest';
import {
	issuePackage,
	openPackage,
	readCoordinationFile,
	startCoordination
} from '../../src/lib/domain/coordination';
import { isOverdue, returnFileBase, taskProgress } from '../../src/lib/domain/coordination/task';
import { createAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric, miniRubricSource } from '../support/rubrics';

const mini = loadFixtureRubric();

function packageFor(indicators: string[]) {
	let a = createAssessment(mini, {
		id: 'coord',
		subject: { id: 's1', name: '测试 市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-04-01',
		period: '2026/年度'
	});
	a = startCoordination(mini, a, '王主任', 'zh');
	a.coordination!.respondents = [{ id: 'dept-a', name: '统计部门', deadline: '2026-04-30' }];
	a.coordination!.assignments = Object.fromEntries(indicators.map((id) => [id, ['dept-a']]));
	return issuePackage(mini, a, 'dept-a', '2026-04-02').file;
}

describe('a package read from a file', () => {
	it('is refused when it carries an answer for an indicator it does not assign', () => {
		const file = packageFor(['d1.a']);
		expect(readCoordinationFile(JSON.stringify(file), 'p.json', miniRubricSource()).kind).toBe(
			'package'
		);
		file.answers['d1.b'] = { level: 4, notApplicable: false, target: null };
		expect(() => readCoordinationFile(JSON.stringify(file), 'p.json', miniRubricSource())).toThrow(
			/\$\.answers\.d1\.b: is not one of the package’s indicators/
		);
	});
});

describe('the task', () => {
	const task = openPackage(packageFor(['d1.a', 'd1.b', 'd2.b']), '2026-04-03T00:00:00Z');

	it('counts a level or 不适用 as answered, of the assigned indicators', () => {
		expect(taskProgress(task)).toEqual({ answered: 0, assigned: 3 });
		const answered = structuredClone(task);
		answered.answers['d1.a']!.level = 0;
		answered.answers['d2.b']!.notApplicable = true;
		expect(taskProgress(answered)).toEqual({ answered: 2, assigned: 3 });
		expect(taskProgress({ ...task, task: undefined })).toBeNull();
	});

	it('is overdue only after its deadline day', () => {
		expect(isOverdue('2026-04-30', '2026-04-30')).toBe(false);
		expect(isOverdue('2026-04-30', '2026-05-01')).toBe(true);
		expect(isOverdue(undefined, '2030-01-01')).toBe(false);
	});

	it('names its return <subject>-<period>-回执-<respondent>-<n>, safe for any file system', () => {
		expect(returnFileBase(task, 3)).toBe('测试-市-2026-年度-回执-统计部门-3');
	});
});
