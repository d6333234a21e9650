/**
 * The page's side of the offline reports pack: asks the service worker what is cached, has it
 * cache or free the pack, and turns an export that fails for want of the pack while offline into
 * one clear error (`ReportPackUnavailableError`) the page can word for the user.
 */
import {
	EXPORT_NEEDS,
	type ExportKind,
	type ReportPackGroup,
	type ReportPackReply,
	type ReportPackRequest,
	type ReportPackStatus
} from './index';

/** The active service worker, or null (unsupported, blocked, or not installed yet). */
async function activeWorker(): Promise<ServiceWorker | null> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
	const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
	return registration?.active ?? null;
}

export class ReportPackError extends Error {}

/** Sends one request; resolves with the final status, rejects with the worker's error. */
function ask(
	worker: ServiceWorker,
	request: ReportPackRequest,
	onProgress?: (done: number, total: number) => void
): Promise<ReportPackStatus> {
	return new Promise((resolve, reject) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = (event: MessageEvent<ReportPackReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') onProgress?.(reply.doneBytes, reply.totalBytes);
			else {
				channel.port1.close();
				if (reply.type === 'status') resolve(reply.status);
				else reject(new ReportPackError(reply.message));
			}
		};
		worker.postMessage(request, [channel.port2]);
	});
}

/** What the pack holds and what of it is cached; null when there is no service worker. */
export async function readReportPack(): Promise<ReportPackStatus | null> {
	const worker = await activeWorker();
	return worker ? ask(worker, { type: 'report-pack:status' }) : null;
}

/**
 * Caches the pack (these groups, or all of it: then a new version of the app caches it again)
 * and reports bytes done. Rejects with ReportPackError when a file cannot be fetched.
 */
export async function cacheReportPack(
	onProgress: (done: number, total: number) => void,
	groups?: ReportPackGroup[]
): Promise<ReportPackStatus> {
	const worker = await activeWorker();
	if (!worker) throw new ReportPackError('no service worker');
	return ask(worker, { type: 'report-pack:cache', groups }, onProgress);
}

export async function freeReportPack(): Promise<ReportPackStatus> {
	const worker = await activeWorker();
	if (!worker) throw new ReportPackError('no service worker');
	return ask(worker, { type: 'report-pack:free' });
}

/** An export could not load its fonts or code: offline, and they were never cached. */
export class ReportPackUnavailableError extends Error {
	constructor(
		readonly kind: ExportKind,
		readonly cause?: unknown
	) {
		super(`the ${kind} export needs files that are not on this device, and there is no network`);
	}
}

/** Whether some file `kind` needs is not cached; null when that cannot be known. */
async function missingFor(kind: ExportKind): Promise<boolean | null> {
	const status = await readReportPack().catch(() => null);
	if (!status) return null;
	return status.files.some((f) => EXPORT_NEEDS[kind].includes(f.group) && !f.cached);
}

/** A failed fetch or dynamic import, or a loader's "could not load … HTTP 503". */
const isLoadFailure = (e: unknown) =>
	e instanceof TypeError || (e instanceof Error && /could not load|HTTP \d{3}/.test(e.message));

/**
 * Runs an export. Offline with its files not all cached, it fails at once, before any work;
 * a load failure while some are missing becomes ReportPackUnavailableError too.
 */
export async function withReportPack<T>(kind: ExportKind, run: () => Promise<T>): Promise<T> {
	if (typeof navigator !== 'undefined' && navigator.onLine === false && (await missingFor(kind)))
		throw new ReportPackUnavailableError(kind);
	try {
		return await run();
	} catch (e) {
		if (isLoadFailure(e) && (await missingFor(kind)) !== false)
			throw new ReportPackUnavailableError(kind, e);
		throw e;
	}
}
