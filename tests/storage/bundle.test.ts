import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type RubricSource } from '../../src/lib/domain/assessment-file';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import {
	buildBackup,
	parseImport,
	planImport,
	resolveImport,
	toExportedSubject
} from '../../src/lib/storage/bundle';
import type { SubjectRecord } from '../../src/lib/storage/records';
import { loadFixtureRubric, miniRubricSource, miniSubjectRecord } from '../support/rubrics';

const mini = loadFixtureRubric();
const rubrics: RubricSource = miniRubricSource(mini);
const subject: SubjectRecord = miniSubjectRecord;
const assessment = (id = 'a1', seed = 1) =>
	createSampleAssessment(
		mini,
		{
			id,
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		},
		seed
	);
const backupText = (assessments = [assessment()]) =>
	JSON.stringify(buildBackup([subject], assessments, '2026-11-23T00:00:00.000Z'));

const fails = (text: string) => {
	try {
		parseImport(text, 'in.json', rubrics);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as Error).message;
	}
	throw new Error('accepted');
};

describe('import files', () => {
	it('reads a backup and a single assessment file', () => {
		expect(parseImport(backupText(), 'b.json', rubrics)).toMatchObject({
			kind: 'backup',
			subjects: [{ id: 's1' }]
		});
		expect(parseImport(JSON.stringify(assessment()), 'a.json', rubrics).kind).toBe('assessment');
	});

	it.each([
		['not JSON', 'PK\u0003\u0004 zip bytes', 'not valid JSON'],
		['another app', '{"version":2,"items":[]}', 'not an assessment of this app'],
		[
			'newer backup',
			backupText().replace('"formatVersion":1', '"formatVersion":7'),
			'backup format 7 is newer'
		],
		[
			'unknown rubric',
			backupText().replaceAll('"id":"mini"', '"id":"other"'),
			'unknown rubric "other"'
		],
		['truncated', backupText().slice(0, 300), 'not valid JSON'],
		[
			'orphan assessment',
			backupText().replace('"subjects":[{"id":"s1"', '"subjects":[{"id":"s9"'),
			'refers to subject "s1"'
		]
	])('refuses %s with a clear message', (_, text, expected) => {
		expect(fails(text)).toContain(expected);
	});

	it('refuses a file over the size limit before parsing it', () => {
		expect(fails(' '.repeat(61 * 1024 * 1024))).toContain('larger than 60 MB');
	});

	it('never crashes on random mutations; it reads the file or says what is wrong', () => {
		const text = backupText();
		fc.assert(
			fc.property(
				fc.nat(text.length - 1),
				fc.string({ maxLength: 4 }),
				fc.nat(6),
				(at, insert, cut) => {
					const mutated = text.slice(0, at) + insert + text.slice(at + cut);
					try {
						parseImport(mutated, 'in.json', rubrics);
					} catch (e) {
						expect(e).toBeInstanceOf(InputError);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('import conflicts', () => {
	const existingSubjects = new Map([['s1', toExportedSubject(subject)]]);

	it('classifies new, identical and conflicting records', () => {
		const same = assessment('a1', 1);
		const changed = { ...assessment('a2', 2), narrative: '不同' };
		const plan = planImport(
			parseImport(backupText([same, changed, assessment('a3', 3)]), 'b', rubrics),
			existingSubjects,
			new Map([
				['a1', same],
				['a2', assessment('a2', 2)]
			])
		);
		expect(plan.assessments.map((i) => i.status)).toEqual(['same', 'conflict', 'new']);
		expect(plan.conflicts).toBe(1);
	});

	it('keeps both, replaces or skips as the user chooses, and never drops new records', () => {
		const changed = { ...assessment('a1', 1), narrative: '导入的版本' };
		const plan = planImport(
			parseImport(backupText([changed, assessment('a2', 2)]), 'b', rubrics),
			existingSubjects,
			new Map([['a1', assessment('a1', 1)]])
		);
		const ids = (r: ReturnType<typeof resolveImport>) => r.assessments.map((a) => a.id);
		expect(ids(resolveImport(plan, 'replace', (id) => `${id}-copy`))).toEqual(['a1', 'a2']);
		expect(ids(resolveImport(plan, 'keep-both', (id) => `${id}-copy`))).toEqual(['a1-copy', 'a2']);
		const skipped = resolveImport(plan, 'skip', (id) => `${id}-copy`);
		expect(ids(skipped)).toEqual(['a2']);
		expect(skipped.skipped).toBe(1);
	});

	it('moves assessments with a subject kept as a copy', () => {
		const renamed = { ...subject, name: '改名后的市' };
		const text = JSON.stringify(buildBackup([renamed], [assessment('a1', 1)], 'x'));
		const plan = planImport(
			parseImport(text, 'b', rubrics),
			existingSubjects,
			new Map([['a1', assessment('a1', 1)]])
		);
		const r = resolveImport(plan, 'keep-both', (id) => `${id}-copy`);
		expect(r.subjects.map((s) => s.id)).toEqual(['s1-copy']);
		expect(r.assessments.map((a) => [a.id, a.subject.id])).toEqual([['a1-copy', 's1-copy']]);
	});
});
