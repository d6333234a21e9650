/** What the Settings page does to the data kept on this device. */
import { wipeEverything } from '$lib/storage/repository';

/** localStorage keys that a wipe keeps: the interface language is a preference, not data. */
const KEPT_KEYS = new Set(['gd-assess.locale']);

/**
 * Deletes the user's work from this device: every stored record and evidence file, then the
 * write-ahead drafts in localStorage (they hold assessment content too).
 */
export async function wipeDevice(): Promise<void> {
	await wipeEverything();
	const storage = globalThis.localStorage;
	if (!storage) return;
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (key?.startsWith('gd-assess.') && !KEPT_KEYS.has(key)) keys.push(key);
	}
	for (const key of keys) storage.removeItem(key);
}

export type PersistState = 'granted' | 'denied' | 'not-yet' | 'unsupported';

/** Whether the browser keeps the app's storage when disk space runs low. */
export async function persistState(): Promise<PersistState> {
	const storage = globalThis.navigator?.storage;
	if (!storage?.persisted || !storage.persist) return 'unsupported';
	return (await storage.persisted()) ? 'granted' : 'not-yet';
}

/** Asks the browser to keep the app's storage; browsers decide, often without asking the user. */
export async function requestPersistence(): Promise<PersistState> {
	const storage = globalThis.navigator?.storage;
	if (!storage?.persist) return 'unsupported';
	return (await storage.persist()) ? 'granted' : 'denied';
}
