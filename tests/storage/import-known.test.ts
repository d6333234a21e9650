/**
 * Re-importing what is already on the device: a record of the file that is identical to a stored
 * record (validated when it was read) is taken as that record, without validating it again; any
 * difference at all, a timestamp included, and it is validated like every other record.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssessmentSchema, type Assessment } from '../../src/lib/domain/assessment';
import { InputError, type RubricSource } from '../../src/lib/domain/assessment-file';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { buildBackup, parseImport, planImport } from '../../src/lib/storage/bundle';
import { identicalData, sameContent } from '../../src/lib/storage/content-equality';
import { loadFixtureRubric, miniRubricSource, miniSubjectRecord } from '../support/rubrics';

const mini = loadFixtureRubric();
const rubrics: RubricSource = miniRubricSource(mini);
const assessment = (id: string, seed: number): Assessment => ({
	...createSampleAssessment(
		mini,
		{
			id,
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		},
		seed
	),
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-02T00:00:00.000Z'
});
const backupText = (assessments: unknown[]) =>
	JSON.stringify(
		buildBackup([miniSubjectRecord], assessments as Assessment[], '2026-11-23T00:00:00.000Z')
	);
/** Stored records as the device reads them: validated. */
const stored = (...records: Assessment[]) =>
	new Map(records.map((a) => [a.id, AssessmentSchema.parse(structuredClone(a))]));

afterEach(() => {
	vi.restoreAllMocks();
});

describe('content equality', () => {
	it('ignores key order and absent keys; only "same content" ignores the timestamps', () => {
		expect(
			identicalData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })
		).toBe(true);
		expect(identicalData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
		expect(identicalData({ a: {} }, { a: [] })).toBe(false);
		const a = { id: 'x', updatedAt: '2026-01-01' };
		const b = { id: 'x', updatedAt: '2026-02-01' };
		expect(sameContent(a, b)).toBe(true);
		expect(identicalData(a, b)).toBe(false);
	});
});

describe('parsing a file against what is stored', () => {
	it('takes records identical to stored ones as stored, and validates only the others', () => {
		const same = assessment('a1', 1);
		const changed = { ...assessment('a2', 2), period: '2026年度' };
		const known = stored(same, assessment('a2', 2));
		const validate = vi.spyOn(AssessmentSchema, 'safeParse');
		const parsed = parseImport(backupText([same, changed]), 'b.json', rubrics, known);
		expect(validate).toHaveBeenCalledTimes(1);
		expect(parsed.assessments[0]).toBe(known.get('a1'));
		expect(parsed.assessments[1]).toEqual(changed);
		const plan = planImport(parsed, new Map(), known);
		expect(plan.assessments.map((i) => i.status)).toEqual(['same', 'conflict']);
	});

	it('validates a record that differs from the stored one only in an invalid timestamp', () => {
		const same = assessment('a1', 1);
		const known = stored(same);
		const text = backupText([{ ...same, updatedAt: 42 }]);
		expect(() => parseImport(text, 'b.json', rubrics, known)).toThrow(InputError);
		expect(() => parseImport(text, 'b.json', rubrics, known)).toThrow(
			/\$\.assessments\[0\]\.updatedAt/
		);
	});

	it('still checks identical records against their rubric and the rest of the file', () => {
		const same = assessment('a1', 1);
		const known = stored(same);
		const orphan = { ...same, subject: { ...same.subject, id: 'nobody' } };
		const knownOrphan = stored(orphan);
		expect(() => parseImport(backupText([orphan]), 'b.json', rubrics, knownOrphan)).toThrow(
			/refers to subject "nobody", which is not in the file/
		);
		expect(() => parseImport(backupText([same, same]), 'b.json', rubrics, known)).toThrow(
			/assessment "a1" appears twice/
		);
	});
});
