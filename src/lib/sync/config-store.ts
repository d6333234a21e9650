/**
 * Where the sync setup is kept: its own small IndexedDB database, apart from the records, so the
 * service worker can read the allowed origin without knowing the record store, and turning sync
 * off removes it whole. The password is never stored: CouchDB's session cookie stands in for it.
 */
import { createStore, del, get, set } from 'idb-keyval';
import { isSafeOrigin } from '$lib/domain/sync/connection';

export interface SyncConfig {
	format: 1;
	/** The server's address without a trailing slash (see parseServerUrl) */
	server: string;
	origin: string;
	database: string;
	user: string;
	/** Every subject on the device, or the chosen ones */
	subjects: 'all' | string[];
	/** Continuous with retry, or only when the user asks */
	mode: 'live' | 'manual';
}

const store = () => createStore('gd-assess-sync', 'config');
const CONFIG_KEY = 'config';

export async function readSyncConfig(): Promise<SyncConfig | undefined> {
	if (typeof indexedDB === 'undefined') return undefined;
	const value = (await get(CONFIG_KEY, store())) as Partial<SyncConfig> | undefined;
	if (!value || value.format !== 1 || typeof value.origin !== 'string') return undefined;
	return value as SyncConfig;
}

export async function writeSyncConfig(config: SyncConfig): Promise<void> {
	await set(CONFIG_KEY, config, store());
}

export async function removeSyncConfig(): Promise<void> {
	await del(CONFIG_KEY, store());
}

/** The origin the page may connect to besides its own, or null when sync is not set up. */
export async function readAllowedOrigin(): Promise<string | null> {
	const config = await readSyncConfig();
	return config && isSafeOrigin(config.origin) ? config.origin : null;
}
