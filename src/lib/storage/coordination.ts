/**
 * Storage for the coordinating office: a merged return (回执) lands with the evidence files it
 * brought in one transaction, or not at all. The files become stored files of the coordinator's
 * assessment under ids of their own, as any import's do (see ownImportedFiles in bulk.ts): a
 * return can never reach, replace or share a file already on this device.
 */
import type { Evidence } from '$lib/domain/assessment';
import type { ReturnFile } from '$lib/domain/coordination/core';
import { fileKey, request, transaction } from './database';
import { putAssessment, type AssessmentDigest, type SaveResult } from './assessments';
import type { Assessment } from '$lib/domain/assessment';
import { dataUrlToBlob } from './files';

/**
 * The return with its evidence files split out: each file brought gets a fresh id and its Blob;
 * file evidence that brings no data keeps its title and name but points at no file ("file not
 * included"). The data URLs are dropped, so the return compares equal however often it is read.
 */
export function ownReturnEvidence(
	file: ReturnFile,
	newId: () => string
): { file: ReturnFile; files: [string, Blob][] } {
	const files: [string, Blob][] = [];
	const own = (e: Evidence): Evidence => {
		if (e.kind !== 'file') return e;
		const { dataUrl, ...rest } = e;
		if (!dataUrl) return { ...rest, id: `missing-${newId()}` };
		const id = newId();
		files.push([id, dataUrlToBlob(dataUrl)]);
		return { ...rest, id };
	};
	const answers = Object.fromEntries(
		Object.entries(file.answers).map(([id, answer]) => [
			id,
			answer.evidence ? { ...answer, evidence: answer.evidence.map(own) } : answer
		])
	);
	return { file: { ...file, answers }, files };
}

/**
 * Saves the assessment (if nobody saved it since `expectedRevision`) and stores the files, in one
 * transaction: a refused or failed save stores no file.
 */
export async function saveWithFiles(
	assessment: Assessment,
	expectedRevision: number,
	digest: AssessmentDigest,
	files: readonly [string, Blob][]
): Promise<SaveResult> {
	return transaction('readwrite', async (s) => {
		const result = await putAssessment(s, assessment, expectedRevision, digest);
		if (result.ok) for (const [id, blob] of files) await request(s.put(blob, fileKey(id)));
		return result;
	});
}
