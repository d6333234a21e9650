/** Evidence files: Blobs kept on the device, one per evidence id. */
import { fileKey, request, transaction } from './database';

export async function putFile(id: string, blob: Blob): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.put(blob, fileKey(id)));
	});
}

export async function getFile(id: string): Promise<Blob | undefined> {
	return transaction(
		'readonly',
		async (s) => (await request(s.get(fileKey(id)))) as Blob | undefined
	);
}

export async function deleteFile(id: string): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.delete(fileKey(id)));
	});
}
