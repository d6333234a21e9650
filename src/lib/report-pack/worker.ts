/**
 * The service worker's side of the offline reports pack: which files it holds, what is cached,
 * caching all of it (with progress), freeing it, and carrying it into a new version's cache.
 * Runs in the service worker only (Cache Storage, fetch).
 */
import {
	isReportPackIndex,
	type ReportPackFile,
	type ReportPackGroup,
	type ReportPackIndex,
	type ReportPackStatus
} from './index';

/** Cached when the user asked for the whole pack: a new version then caches it again. */
const KEEP_MARKER = '__report-pack-keep__';

export class ReportPackWorker {
	private index: Promise<Map<string, ReportPackFile>> | undefined;

	/**
	 * @param base the app's base path (from `$service-worker`)
	 * @param cacheName this version's cache
	 * @param indexUrl the build's report-pack.<hash>.json (undefined in development)
	 */
	constructor(
		private readonly base: string,
		private readonly cacheName: string,
		private readonly indexUrl: string | undefined
	) {}

	private url = (file: ReportPackFile) => `${this.base}/${file.path}`;
	private marker = () => `${this.base}/${KEEP_MARKER}`;

	/** The pack's files by URL path. Read from this version's cache once it holds the index. */
	files(): Promise<Map<string, ReportPackFile>> {
		this.index ??= this.readIndex();
		this.index.catch(() => (this.index = undefined));
		return this.index;
	}

	private async readIndex() {
		if (!this.indexUrl) return new Map<string, ReportPackFile>();
		const cache = await caches.open(this.cacheName);
		let response = await cache.match(this.indexUrl);
		if (!response) {
			await cache.add(this.indexUrl);
			response = (await cache.match(this.indexUrl))!;
		}
		const index = (await response.json()) as ReportPackIndex;
		return new Map(index.files.map((f) => [this.url(f), f]));
	}

	async status(): Promise<ReportPackStatus> {
		const cache = await caches.open(this.cacheName);
		const files = await Promise.all(
			[...(await this.files()).values()].map(async (f) => ({
				...f,
				cached: Boolean(await cache.match(this.url(f)))
			}))
		);
		return { files, keep: Boolean(await cache.match(this.marker())) };
	}

	/**
	 * Caches every file of `groups` not cached yet (all groups when omitted), one at a time,
	 * reporting bytes done. A failure stops it and keeps what arrived.
	 */
	async cache(
		groups: readonly ReportPackGroup[] | undefined,
		onProgress: (done: number, total: number) => void
	) {
		const cache = await caches.open(this.cacheName);
		const wanted = [...(await this.files()).values()].filter(
			(f) => !groups || groups.includes(f.group)
		);
		const missing: ReportPackFile[] = [];
		for (const f of wanted) if (!(await cache.match(this.url(f)))) missing.push(f);
		const total = wanted.reduce((s, f) => s + f.bytes, 0);
		let done = total - missing.reduce((s, f) => s + f.bytes, 0);
		onProgress(done, total);
		if (!groups) await cache.put(this.marker(), new Response('keep'));
		for (const file of missing) {
			const response = await fetch(this.url(file));
			if (!response.ok) throw new Error(`${file.path}: HTTP ${response.status}`);
			await cache.put(this.url(file), response);
			done += file.bytes;
			onProgress(done, total);
		}
	}

	/** Deletes every cached file of the pack; the exports fetch them again when used. */
	async free() {
		const cache = await caches.open(this.cacheName);
		await cache.delete(this.marker());
		for (const url of (await this.files()).keys()) await cache.delete(url);
	}

	/**
	 * During an update's install: copies the pack files an older version cached that are
	 * unchanged (same path, same content hash), and when the user kept the whole pack, fetches
	 * the rest. Best effort: offline, the rest is fetched when next used or asked for.
	 */
	async carryOver(oldCacheNames: readonly string[]) {
		const cache = await caches.open(this.cacheName);
		const files = await this.files();
		let keep = false;
		for (const name of oldCacheNames) {
			const old = await caches.open(name);
			const oldIndex = await this.oldIndex(old);
			if (await old.match(this.marker())) keep = true;
			for (const [url, file] of files) {
				if (oldIndex.get(file.path) !== file.hash || (await cache.match(url))) continue;
				const response = await old.match(url);
				if (response) await cache.put(url, response);
			}
		}
		if (keep) await this.cache(undefined, () => undefined).catch(() => undefined);
	}

	/** An older version's index, path → hash; empty when it had none (before the pack). */
	private async oldIndex(old: Cache): Promise<Map<string, string>> {
		for (const request of await old.keys()) {
			if (!isReportPackIndex(new URL(request.url).pathname)) continue;
			const response = await old.match(request);
			const index = (await response!.json()) as ReportPackIndex;
			return new Map(index.files.map((f) => [f.path, f.hash]));
		}
		return new Map();
	}
}
