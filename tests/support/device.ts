/** Shared steps of the device-store tests: raw records, a real-rubric subject with assessments. */
import { createStore, get, set } from 'idb-keyval';
import type { Assessment, Evidence } from '../../src/lib/domain/assessment';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { digestOf } from '../../src/lib/state/assessment-session.svelte';
import { getRubric, rubricIdFor } from '../../src/lib/state/rubrics';
import * as repo from '../../src/lib/storage/repository';

const rawStore = () => createStore(repo.DB_NAME, 'records');
export const rawGet = (key: string) => get(key, rawStore());
export const rawPut = (key: string, value: unknown) => set(key, value, rawStore());
/** A stored value as text, to prove it was left byte for byte as it was */
export const rawText = async (key: string) => JSON.stringify(await rawGet(key));

export async function cityRubric() {
	return (await getRubric(rubricIdFor('city')))!;
}

/** A city with one assessment per date; the first answer of each carries one evidence file. */
export async function cityWithAssessments(
	subjectId: string,
	name: string,
	dates: string[],
	fileText?: (assessmentId: string) => string
) {
	const rubric = await cityRubric();
	const profile = { level: 'prefecture', region: 'prd' };
	await repo.createSubject({ id: subjectId, kind: 'city', name, rubricId: rubric.id, profile });
	const assessments: Assessment[] = [];
	for (const [i, date] of dates.entries()) {
		const a = createSampleAssessment(
			rubric,
			{
				id: `${subjectId}-a${i}`,
				subject: { id: subjectId, name, kind: 'city' },
				profile,
				date,
				period: date.slice(0, 4)
			},
			i + 1
		);
		if (fileText) {
			const fileId = `${a.id}-file`;
			const text = fileText(a.id);
			await repo.putFile(fileId, new Blob([text], { type: 'text/plain' }));
			const evidence: Evidence = {
				id: fileId,
				kind: 'file',
				title: '统计公报.txt',
				fileName: '统计公报.txt',
				mimeType: 'text/plain',
				size: new TextEncoder().encode(text).length,
				addedAt: '2026-03-01T00:00:00.000Z'
			};
			const first = Object.keys(a.answers)[0]!;
			a.answers[first] = { ...a.answers[first]!, evidence: [evidence] };
		}
		await repo.createAssessment(a, digestOf(rubric, a));
		assessments.push(a);
	}
	return assessments;
}

export const fileEvidenceOf = (a: Assessment) =>
	Object.values(a.answers).flatMap((x) => (x.evidence ?? []).filter((e) => e.kind === 'file'));
