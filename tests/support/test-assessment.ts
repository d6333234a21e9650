/** A fresh device holding the test city 测试市 and one empty assessment of a (fixture) rubric. */
import type { Assessment } from '../../src/lib/domain/assessment';
import { createAssessment } from '../../src/lib/domain/sample';
import type { Rubric } from '../../src/lib/rubrics/schema';
import * as repo from '../../src/lib/storage/repository';

export async function storeTestAssessment(
	rubric: Rubric,
	options: { id?: string; date?: string; prepare?: (assessment: Assessment) => void } = {}
) {
	await repo.wipeEverything();
	globalThis.localStorage?.clear();
	const profile = { level: 'prefecture' };
	await repo.createSubject({
		id: 's1',
		kind: 'city',
		name: '测试市',
		rubricId: rubric.id,
		profile
	});
	const assessment = createAssessment(rubric, {
		id: options.id ?? 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile,
		date: options.date ?? '2026-01-01'
	});
	options.prepare?.(assessment);
	return repo.createAssessment(assessment, { score: null, coverage: 0 });
}
