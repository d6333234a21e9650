/** Evidence files between the device store (Blobs) and interchange files (data URLs). */
import type { Assessment } from '$lib/domain/assessment';

export { MAX_EVIDENCE_FILE_BYTES } from '$lib/domain/evidence-check';

export async function blobToDataUrl(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	// Chunked so that large files do not exceed the argument limit of fromCharCode.
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

export function dataUrlToBlob(dataUrl: string): Blob {
	// The type may carry parameters (text/plain;charset=utf-8) before ";base64".
	const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(dataUrl);
	if (!match) throw new Error('not a data URL');
	const [, type, base64, data] = match;
	if (!base64) return new Blob([decodeURIComponent(data ?? '')], { type: type || 'text/plain' });
	const binary = atob(data ?? '');
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Blob([bytes], { type: type || 'application/octet-stream' });
}

/** A copy of the assessment whose file evidence carries its content, for export. */
export async function embedFiles(
	assessment: Assessment,
	files: ReadonlyMap<string, Blob>
): Promise<Assessment> {
	const answers: Assessment['answers'] = {};
	for (const [id, answer] of Object.entries(assessment.answers)) {
		if (!answer.evidence?.some((e) => e.kind === 'file')) {
			answers[id] = answer;
			continue;
		}
		const evidence = [];
		for (const e of answer.evidence) {
			const blob = e.kind === 'file' ? files.get(e.id) : undefined;
			evidence.push(blob ? { ...e, dataUrl: await blobToDataUrl(blob) } : e);
		}
		answers[id] = { ...answer, evidence };
	}
	return { ...assessment, answers };
}

/** Splits embedded files out of an imported assessment: the stored copy keeps only metadata. */
export function extractFiles(assessment: Assessment): {
	assessment: Assessment;
	files: [string, Blob][];
} {
	const files: [string, Blob][] = [];
	const answers: Assessment['answers'] = {};
	for (const [id, answer] of Object.entries(assessment.answers)) {
		answers[id] = answer.evidence
			? {
					...answer,
					evidence: answer.evidence.map(({ dataUrl, ...e }) => {
						if (dataUrl) files.push([e.id, dataUrlToBlob(dataUrl)]);
						return e;
					})
				}
			: answer;
	}
	return { assessment: { ...assessment, answers }, files };
}
