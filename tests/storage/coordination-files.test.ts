/**
 * Evidence that arrives in a return (回执) becomes a stored file of the coordinator's assessment:
 * under an id of its own (a return can never reach or replace a file already here), saved in the
 * same transaction as the merge (a refused save stores no file), and deleted with the assessment.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/lib/domain/assessment';
import { RETURN_FORMAT, type ReturnFile } from '../../src/lib/domain/coordination';
import { ownReturnEvidence, saveWithFiles } from '../../src/lib/storage/coordination';
import * as repo from '../../src/lib/storage/repository';
import { cityWithAssessments, fileEvidenceOf } from '../support/device';

beforeEach(async () => {
	await repo.wipeEverything();
});

const data = (text: string) => `data:text/plain;base64,${Buffer.from(text).toString('base64')}`;
const file = (id: string, dataUrl?: string): Evidence => ({
	id,
	kind: 'file',
	title: `${id}.txt`,
	fileName: `${id}.txt`,
	mimeType: 'text/plain',
	size: 10,
	addedAt: '2026-04-05T00:00:00.000Z',
	...(dataUrl ? { dataUrl } : {})
});

function returnWith(evidence: Evidence[]): ReturnFile {
	return {
		format: RETURN_FORMAT,
		formatVersion: 1,
		packageId: 'dept-a.1',
		assessmentId: 'a1',
		rubric: { id: 'gd-city-readiness', version: '1.1.0' },
		respondentId: 'dept-a',
		person: '李科长',
		returnedOn: '2026-04-10',
		sequence: 1,
		answers: { x: { level: 2, notApplicable: false, target: null, evidence } }
	};
}

describe('evidence files in a return', () => {
	it('get fresh ids, keep no data in the answer, and one that brings no data reaches no file', () => {
		let n = 0;
		const owned = ownReturnEvidence(
			returnWith([file('victim-file', data('年报')), file('no-data')]),
			() => `fresh-${++n}`
		);
		const [withData, withoutData] = owned.file.answers.x!.evidence!;
		expect(withData).toMatchObject({ id: 'fresh-1', title: 'victim-file.txt' });
		expect(withData).not.toHaveProperty('dataUrl');
		expect(withoutData!.id).toBe('missing-fresh-2');
		expect(owned.files.map(([id]) => id)).toEqual(['fresh-1']);
	});

	it('land with the merge, never over a file already here, and go with the assessment', async () => {
		const [a] = await cityWithAssessments('c', '协同市', ['2026-04-01'], () => '原有证据');
		const [existing] = fileEvidenceOf(a!);
		// The return names the existing file's id: it gets its own id and cannot replace it.
		const owned = ownReturnEvidence(returnWith([file(existing!.id, data('回执证据'))]), () =>
			crypto.randomUUID()
		);
		const [arrived] = owned.file.answers.x!.evidence!;
		const record = (await repo.getAssessment(a!.id))!;
		const first = Object.keys(a!.answers)[1]!;
		const next = {
			...record.assessment,
			answers: { ...record.assessment.answers, [first]: owned.file.answers.x! }
		};

		// A stale revision: nothing is stored, not even the file.
		const refused = await saveWithFiles(
			next,
			record.revision - 1,
			{ score: null, coverage: 0 },
			owned.files
		);
		expect(refused.ok).toBe(false);
		expect(await repo.getFile(arrived!.id)).toBeUndefined();

		const saved = await saveWithFiles(
			next,
			record.revision,
			{ score: null, coverage: 0 },
			owned.files
		);
		expect(saved.ok).toBe(true);
		expect(await (await repo.getFile(arrived!.id))!.text()).toBe('回执证据');
		expect(await (await repo.getFile(existing!.id))!.text()).toBe('原有证据');

		await repo.deleteAssessment(a!.id);
		expect(await repo.getFile(arrived!.id)).toBeUndefined();
	});
});
