/**
 * What the header shows of sync, kept apart from the sync engine so every page can show it
 * without loading the engine or PouchDB: those are imported only when sync is set up.
 */
import type { SyncProblem } from './server';
import type { PendingConflict, Quarantined } from './mirror';
import type { SyncConfig } from './config-store';

export type SyncPhase = 'off' | 'connecting' | 'syncing' | 'idle' | 'offline' | 'login' | 'error';

class SyncStatus {
	config = $state<SyncConfig | null>(null);
	phase = $state<SyncPhase>('off');
	problem = $state<SyncProblem | null>(null);
	lastSync = $state<string | null>(null);
	pending = $state(0);
	quarantined = $state<Quarantined[]>([]);
	conflicts = $state.raw<PendingConflict[]>([]);
	/** The user the session belongs to, once logged in */
	user = $state<string | null>(null);
}

export const syncStatus = new SyncStatus();

/** The engine, loaded on first use. */
export const loadSyncEngine = () => import('./engine.svelte').then((m) => m.sync);

/** On every page load: resumes sync when it is set up; otherwise loads and contacts nothing. */
export async function resumeSync() {
	const { readSyncConfig } = await import('./config-store');
	const config = await readSyncConfig().catch(() => undefined);
	if (!config) return;
	await (await loadSyncEngine()).restore(config);
}
