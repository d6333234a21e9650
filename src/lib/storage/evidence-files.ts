/** Evidence files: Blobs kept on the device, one per evidence id. */
import { fileKey, request, transaction } from './database';

export async function putFile(id: string, blob: Blob): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.put(blob, fileKey(id)));
	});
}

export async function getFile(id: string): Promise<Blob | undefined> {
	return transaction('readonly', async (s) => {
		const value: unknown = await request(s.get(fileKey(id)));
		return value instanceof Blob ? value : undefined;
	});
}

/**
 * Whether any stored assessment still names this file. Records that cannot be read count too
 * (their raw text is searched), so that a damaged or newer record never loses its file.
 */
export async function fileStillReferenced(s: IDBObjectStore, fileId: string): Promise<boolean> {
	const needle = JSON.stringify(fileId);
	const keys = (await request(s.getAllKeys())).filter(
		(k): k is string => typeof k === 'string' && k.startsWith('assessment:')
	);
	for (const key of keys) {
		const raw: unknown = await request(s.get(key));
		let text: string;
		try {
			text = typeof raw === 'string' ? raw : JSON.stringify(raw);
		} catch {
			return true;
		}
		if (text.includes(needle)) return true;
	}
	return false;
}

/**
 * Removes a file that its answer no longer lists. Call it after that answer was saved: a file
 * another stored answer still names (or the answer itself, when its save did not land) is kept.
 */
export async function deleteFile(id: string): Promise<void> {
	await transaction('readwrite', async (s) => {
		if (!(await fileStillReferenced(s, id))) await request(s.delete(fileKey(id)));
	});
}
