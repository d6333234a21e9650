/**
 * Sync as UI state: set up, connect, replicate (live with retry, or when asked), and what the
 * header and the sync page show: the phase, the last sync, pending changes, the problem, the
 * quarantined documents and the conflicts to decide. Nothing here runs, and PouchDB is not even
 * loaded, until the user has set sync up.
 */
import { version } from '$app/environment';
import type { Answer } from '$lib/domain/answer';
import { isValidDatabaseName, parseServerUrl } from '$lib/domain/sync/connection';
import { settleConflicts } from '$lib/domain/sync/revisions';
import { loadAllRubrics, rubricSourceOf } from '$lib/state/rubrics';
import { removeSyncConfig, writeSyncConfig, type SyncConfig } from './config-store';
import { writeMerged } from './conflicts';
import { pageAllows } from './csp';
import { syncStatus as status } from './status.svelte';
import { pullRemoteChanges, pushLocalChanges, type MirrorContext } from './mirror';
import { openLocal, openRemote, type PouchDatabase, type PouchReplication } from './pouch';
import {
	checkDatabase,
	checkServer,
	currentUser,
	logIn,
	logOut,
	isConnectionProblem,
	problemOf
} from './server';

export interface ConnectInput {
	server: string;
	database: string;
	user: string;
	password: string;
	subjects: 'all' | string[];
	mode: 'live' | 'manual';
}

/** Why the form cannot be used yet; words in the i18n messages. */
export type SetupProblem = 'server-url' | 'database-name' | 'user' | 'password' | 'no-worker';

/** When this device last finished a sync (a timestamp, kept across page loads). */
const LAST_SYNC_KEY = 'gd-assess.sync-last';

function rememberSync() {
	status.lastSync = new Date().toISOString();
	try {
		localStorage.setItem(LAST_SYNC_KEY, status.lastSync);
	} catch {
		// Not remembered: the status shows it for this page only.
	}
}

/** How often, in live mode, the app's store is compared with the replica. */
const PUSH_EVERY_MS = 1500;

class SyncEngine {
	private local: PouchDatabase | undefined;
	private remote: PouchDatabase | undefined;
	private live: PouchReplication | undefined;
	private timer: ReturnType<typeof setInterval> | undefined;
	private running: Promise<void> = Promise.resolve();
	private context: MirrorContext | undefined;
	/** The server refused a record in this session */
	private refused = false;

	/** On every page load: picks sync up again where it was (nothing when it is not set up). */
	async restore(config: SyncConfig) {
		status.config = config;
		status.lastSync = globalThis.localStorage?.getItem(LAST_SYNC_KEY) ?? null;
		await this.start();
	}

	/**
	 * Sets sync up from the Settings form. When the page may not reach that server yet, the
	 * address is stored and the page reloads (the service worker then allows the origin): the
	 * user enters the password once more. Returns what is wrong with the form, if anything.
	 */
	async connect(input: ConnectInput): Promise<SetupProblem | 'reload' | null> {
		const parsed = parseServerUrl(input.server);
		if (!parsed.ok) return 'server-url';
		if (!isValidDatabaseName(input.database)) return 'database-name';
		if (!input.user.trim()) return 'user';
		const config: SyncConfig = {
			format: 1,
			server: parsed.server,
			origin: parsed.origin,
			database: input.database,
			user: input.user.trim(),
			subjects: input.subjects,
			mode: input.mode
		};
		if (!pageAllows(parsed.origin)) {
			if (!navigator.serviceWorker?.controller) return 'no-worker';
			await this.stop();
			await writeSyncConfig(config);
			location.reload();
			return 'reload';
		}
		if (!input.password) return 'password';
		await this.stop();
		status.config = config;
		await writeSyncConfig(config);
		status.phase = 'connecting';
		status.problem = null;
		try {
			await checkServer(config.server);
			const user = await logIn(config.server, config.user, input.password);
			status.user = user.name;
			await checkDatabase(config.server, config.database);
		} catch (e) {
			this.fail(e);
			return null;
		}
		await this.start();
		return null;
	}

	/**
	 * Starts replication with the stored setup and the session cookie. Without a connection the
	 * replica still takes the app's changes, and live replication retries until it is back.
	 */
	private async start() {
		const config = status.config;
		if (!config) return;
		if (!pageAllows(config.origin)) {
			status.phase = 'error';
			status.problem = 'unreachable';
			return;
		}
		status.phase = 'connecting';
		try {
			const rubrics = rubricSourceOf(await loadAllRubrics());
			this.local = await openLocal(config.database);
			this.remote = await openRemote(config.server, config.database);
			this.context = { local: this.local, subjects: config.subjects, rubrics, app: version };
		} catch (e) {
			this.fail(e);
			return;
		}
		let offline = false;
		try {
			await checkServer(config.server);
			const user = await currentUser(config.server);
			if (!user) {
				status.phase = 'login';
				status.problem = 'session-expired';
				return;
			}
			status.user = user.name;
			await checkDatabase(config.server, config.database);
			status.problem = null;
		} catch (e) {
			this.fail(e);
			// Only a missing connection is worth retrying; a refusal needs the user.
			offline = isConnectionProblem(problemOf(e));
			if (!offline) return;
		}
		if (config.mode === 'live') this.goLive();
		else if (offline) await this.queue(() => this.push());
		else {
			status.phase = 'idle';
			await this.syncNow();
		}
	}

	private goLive() {
		if (!this.local || !this.remote) return;
		if (status.phase === 'connecting') status.phase = 'syncing';
		this.live = this.local
			.sync(this.remote, {
				live: true,
				retry: true,
				// Back within seconds of the connection returning, not PouchDB's minutes.
				back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 8000))
			})
			.on('change', (info) => {
				const { direction, change } = info as { direction?: string; change?: { docs?: unknown[] } };
				if (direction === 'push')
					status.pending = Math.max(0, status.pending - (change?.docs?.length ?? 0));
				void this.queue(() => this.pull());
			})
			.on('active', () => {
				status.phase = 'syncing';
				status.problem = null;
			})
			.on('paused', (error) => {
				if (error) this.fail(error);
				// PouchDB also pauses without an error when one direction failed and the other had
				// nothing to do: only an answer from the server says the two are in step.
				else void this.confirmInStep();
			})
			.on('denied', () => {
				// The server's validation refused a record: it stays here, and the status says so
				// until the next start (a pause without error does not mean in step then).
				this.refused = true;
				status.phase = 'error';
				status.problem = 'refused';
			})
			.on('error', (error) => this.fail(error));
		this.timer = setInterval(() => void this.queue(() => this.push()), PUSH_EVERY_MS);
		addEventListener('online', this.onOnline);
		void this.queue(async () => {
			await this.push();
			await this.pull();
		});
	}

	private async confirmInStep() {
		const config = status.config;
		if (!config) return;
		try {
			await checkServer(config.server);
		} catch (e) {
			this.fail(e);
			return;
		}
		if (!this.live || this.refused) return;
		status.phase = 'idle';
		status.problem = null;
		status.pending = 0;
		rememberSync();
	}

	private onOnline = () => {
		// Restart at once rather than waiting out the retry delay.
		if (this.live) {
			this.live.cancel();
			clearInterval(this.timer);
			removeEventListener('online', this.onOnline);
			this.live = undefined;
			this.goLive();
		}
	};

	/** One round trip on demand: the app's changes out, the server's in. */
	async syncNow() {
		if (!this.local || !this.remote) return this.start();
		await this.queue(async () => {
			status.phase = 'syncing';
			try {
				await this.push();
				await this.local!.sync(this.remote!);
				await this.pull();
				status.phase = 'idle';
				status.problem = null;
				status.pending = 0;
				rememberSync();
			} catch (e) {
				this.fail(e);
			}
		});
	}

	private queue(work: () => Promise<void>) {
		this.running = this.running.then(work).catch((e: unknown) => this.fail(e));
		return this.running;
	}

	private async push() {
		if (!this.context) return;
		const written = await pushLocalChanges(this.context);
		if (written.length) status.pending += written.length;
	}

	private async pull() {
		if (!this.context) return;
		const result = await pullRemoteChanges(this.context);
		status.quarantined = result.quarantined;
		status.conflicts = result.conflicts;
	}

	/** Writes the user's decisions for one conflicted assessment; the losing revisions go. */
	async resolve(docId: string, choices: ReadonlyMap<string, Answer | undefined>) {
		const conflict = status.conflicts.find((c) => c.docId === docId);
		if (!conflict || !this.context) return;
		const context = this.context;
		const settled = settleConflicts(conflict.merge, choices);
		await this.queue(async () => {
			await writeMerged(context, docId, conflict.merge, settled, conflict.attachments);
			await this.pull();
		});
		if (status.config?.mode === 'manual') await this.syncNow();
	}

	private fail(error: unknown) {
		const problem = problemOf(error);
		status.problem = problem;
		status.phase = isConnectionProblem(problem)
			? 'offline'
			: problem === 'session-expired'
				? 'login'
				: 'error';
	}

	private async stop() {
		this.refused = false;
		this.live?.cancel();
		this.live = undefined;
		clearInterval(this.timer);
		removeEventListener('online', this.onOnline);
		await this.running.catch(() => undefined);
		await this.local?.close().catch(() => undefined);
		await this.remote?.close().catch(() => undefined);
		this.local = this.remote = undefined;
		this.context = undefined;
	}

	/**
	 * Sync off: replication stops, the session ends, the setup and the local replica go. Every
	 * record stays in the app's own store, which never depended on sync.
	 */
	async turnOff() {
		const config = status.config;
		await this.stop();
		if (config) {
			await logOut(config.server);
			const { openLocal: open } = await import('./pouch');
			await (await open(config.database)).destroy().catch(() => undefined);
		}
		await removeSyncConfig();
		globalThis.localStorage?.removeItem(LAST_SYNC_KEY);
		status.config = null;
		status.phase = 'off';
		status.problem = null;
		status.pending = 0;
		status.quarantined = [];
		status.conflicts = [];
		status.user = null;
	}
}

export const sync = new SyncEngine();
