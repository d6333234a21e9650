/** App metadata (last backup, first-run notice) and the browser's storage estimate. */
import { RECORD_SCHEMA_VERSION, upgradeRecord, type MetaRecord } from './record-upgrade';
import { META_KEY, request, transaction } from './database';

export async function getMeta(): Promise<MetaRecord> {
	return transaction('readonly', async (s) => {
		const raw = await request(s.get(META_KEY));
		return raw === undefined
			? { schemaVersion: RECORD_SCHEMA_VERSION, lastExportAt: null, firstRunDismissed: false }
			: upgradeRecord('meta', META_KEY, raw);
	});
}

export async function updateMeta(changes: Partial<Omit<MetaRecord, 'schemaVersion'>>) {
	await transaction('readwrite', async (s) => {
		const raw = await request(s.get(META_KEY));
		const current: MetaRecord =
			raw === undefined
				? { schemaVersion: RECORD_SCHEMA_VERSION, lastExportAt: null, firstRunDismissed: false }
				: upgradeRecord('meta', META_KEY, raw);
		await request(s.put({ ...current, ...changes }, META_KEY));
	});
}

/** Storage use and quota as the browser reports them (undefined where it cannot). */
export async function estimateStorage(): Promise<{ usage: number; quota: number } | undefined> {
	const estimate = await globalThis.navigator?.storage?.estimate?.();
	if (!estimate?.quota) return undefined;
	return { usage: estimate.usage ?? 0, quota: estimate.quota };
}
