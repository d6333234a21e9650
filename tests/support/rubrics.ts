import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { RubricSource } from '../../src/lib/domain/assessment-file';
import type { Rubric } from '../../src/lib/rubrics/schema';
import type { SubjectRecord } from '../../src/lib/storage/records';

export const fixturePath = (...parts: string[]) => path.resolve('tests/fixtures', ...parts);

export function loadFixtureRubric(name = 'mini'): Rubric {
	const file = fixturePath('rubrics', `${name}.yaml`);
	return loadRubricText(readFileSync(file, 'utf8'), file);
}

/** A rubric source that knows only the mini fixture (version 1.0.0). */
export function miniRubricSource(mini: Rubric = loadFixtureRubric()): RubricSource {
	return {
		find: (id, version) => (id === 'mini' && version === '1.0.0' ? mini : undefined),
		versions: (id) => (id === 'mini' ? ['1.0.0'] : [])
	};
}

/** A stored city subject for the mini rubric, with one assessment a1. */
export const miniSubjectRecord: SubjectRecord = {
	schemaVersion: 1,
	id: 's1',
	kind: 'city',
	name: '测试市',
	rubricId: 'mini',
	profile: { level: 'prefecture' },
	note: '',
	archived: false,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	summary: { assessmentIds: ['a1'], latest: null }
};
