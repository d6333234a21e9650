/** Evidence files between the device store (Blobs) and interchange files (data URLs). */
import type { Assessment } from '$lib/domain/assessment';
import { heldFileIds, mapHeldEvidence } from '$lib/domain/held-answers';

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

/**
 * A copy of the assessment whose file evidence carries its content, for export. Every held answer
 * is visited (see held-answers.ts); a file named in several places is embedded once, at its first
 * place, and the others keep its id, which the import resolves to the same file.
 */
export async function embedFiles(
	assessment: Assessment,
	files: ReadonlyMap<string, Blob>
): Promise<Assessment> {
	const data = new Map<string, string>();
	for (const id of heldFileIds(assessment)) {
		const blob = files.get(id);
		if (blob) data.set(id, await blobToDataUrl(blob));
	}
	// Nothing to embed: the assessment itself, so that comparing it with an identical one is
	// immediate (an import compares every stored assessment the file also holds).
	if (data.size === 0) return assessment;
	const embedded = new Set<string>();
	return mapHeldEvidence(assessment, (e) => {
		const dataUrl = e.kind === 'file' && !embedded.has(e.id) ? data.get(e.id) : undefined;
		if (!dataUrl) return e;
		embedded.add(e.id);
		return { ...e, dataUrl };
	});
}

/** Splits embedded files out of an imported assessment: the stored copy keeps only metadata. */
export function extractFiles(assessment: Assessment): {
	assessment: Assessment;
	files: [string, Blob][];
} {
	const files: [string, Blob][] = [];
	const taken = new Set<string>();
	const stripped = mapHeldEvidence(assessment, ({ dataUrl, ...e }) => {
		if (dataUrl && !taken.has(e.id)) {
			taken.add(e.id);
			files.push([e.id, dataUrlToBlob(dataUrl)]);
		}
		return e;
	});
	return { assessment: stripped, files };
}
