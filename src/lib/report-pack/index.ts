/**
 * The "offline reports" pack: what the exports need beyond the app itself — the report fonts and
 * the code that writes PDF, Word and Excel files (with its WebAssembly). Filling in, scoring and
 * viewing results never load any of it, so the first visit does not download it: the service
 * worker caches a file of the pack when an export first uses it, or the whole pack when the user
 * chooses "make reports available offline" in Settings.
 *
 * The build writes the pack's index (report-pack.<hash>.json, see ./plugin.ts); this module holds
 * what the build, the service worker and the page share: the index's shape, the reachability rule
 * that decides which build files belong to the pack, and the messages to the service worker.
 */

/** Export code by what it writes, the fonts, the rare-character face, and code two exports share. */
export type ReportPackGroup = 'fonts' | 'rareFont' | 'pdf' | 'word' | 'excel' | 'shared';
export const REPORT_PACK_GROUPS: readonly ReportPackGroup[] = [
	'fonts',
	'rareFont',
	'pdf',
	'word',
	'excel',
	'shared'
];

/** The exports, each loaded through one module's dynamic import. */
export type ExportKind = 'pdf' | 'word' | 'excel';

/** What each export needs of the pack to work offline. */
export const EXPORT_NEEDS: Record<ExportKind, readonly ReportPackGroup[]> = {
	pdf: ['pdf', 'shared', 'fonts'],
	word: ['word', 'shared', 'fonts'],
	excel: ['excel', 'shared']
};

export interface ReportPackFile {
	/** Path from the app's base, without a leading slash: `_app/immutable/chunks/x.js` */
	path: string;
	group: ReportPackGroup;
	/** Size as stored (uncompressed) */
	bytes: number;
	/** Content hash: a file is carried into a new version's cache only when it is unchanged */
	hash: string;
}

export interface ReportPackIndex {
	files: ReportPackFile[];
}

/** The index the build emits; its name carries a content hash like every build file. */
export const isReportPackIndex = (path: string) => /(^|\/)report-pack\.[\w-]+\.json$/.test(path);

/** A chunk of the client build as far as reachability goes (Rollup/Rolldown output chunk). */
export interface BuildChunk {
	fileName: string;
	isEntry: boolean;
	facadeModuleId: string | null;
	imports: readonly string[];
	dynamicImports: readonly string[];
	/** Assets (WebAssembly, CSS) the chunk references */
	assets: readonly string[];
}

export class ReportPackBuildError extends Error {}

/**
 * The build files of the pack: every chunk and asset reachable from an export module's chunk and
 * not reachable from the app's entries without passing through a dynamic import of an export
 * module. A file shared by two exports is in the `shared` group. Anything the app may load
 * without exporting stays out of the pack (and so in the precache), whatever its path.
 *
 * Throws when an export module has no chunk of its own: it was imported statically somewhere,
 * and the export code would then be part of every first visit.
 */
export function findReportPackFiles(
	chunks: readonly BuildChunk[],
	exportModules: Record<ExportKind, string>
): Map<string, ReportPackGroup> {
	const byFile = new Map(chunks.map((c) => [c.fileName, c]));
	const exportChunks = new Map<string, ExportKind>();
	for (const [kind, id] of Object.entries(exportModules) as [ExportKind, string][]) {
		const chunk = chunks.find((c) => c.facadeModuleId === id);
		if (!chunk)
			throw new ReportPackBuildError(
				`report pack: ${id} (${kind} export) has no chunk of its own; it must be loaded only through a dynamic import`
			);
		exportChunks.set(chunk.fileName, kind);
	}

	/** Files reachable from `starts`; dynamic imports of export chunks are followed only if asked. */
	const reach = (starts: string[], enterExports: boolean) => {
		const seen = new Set<string>();
		const stack = [...starts];
		while (stack.length) {
			const file = stack.pop()!;
			if (seen.has(file)) continue;
			seen.add(file);
			const chunk = byFile.get(file);
			if (!chunk) continue;
			stack.push(...chunk.imports, ...chunk.assets);
			for (const target of chunk.dynamicImports)
				if (enterExports || !exportChunks.has(target)) stack.push(target);
		}
		return seen;
	};

	const app = reach(
		chunks.filter((c) => c.isEntry).map((c) => c.fileName),
		false
	);
	const pack = new Map<string, ReportPackGroup>();
	for (const [file, kind] of exportChunks) {
		if (app.has(file))
			throw new ReportPackBuildError(
				`report pack: the ${kind} export's chunk ${file} is imported statically by the app`
			);
		for (const reached of reach([file], true)) {
			if (app.has(reached)) continue;
			const before = pack.get(reached);
			pack.set(reached, before === undefined || before === kind ? kind : 'shared');
		}
	}
	return pack;
}

export interface ReportPackFileStatus extends ReportPackFile {
	cached: boolean;
}

export interface ReportPackStatus {
	files: ReportPackFileStatus[];
	/** The user chose to keep the whole pack: a new version of the app caches it again */
	keep: boolean;
}

export interface ReportPackGroupSummary {
	group: ReportPackGroup;
	bytes: number;
	cachedBytes: number;
	/** 'all' only when every file of the group is cached */
	cached: 'all' | 'some' | 'none';
}

/** One line per group present in the pack, in the order of REPORT_PACK_GROUPS. */
export function summarizeReportPack(
	files: readonly ReportPackFileStatus[]
): ReportPackGroupSummary[] {
	return REPORT_PACK_GROUPS.flatMap((group) => {
		const mine = files.filter((f) => f.group === group);
		if (!mine.length) return [];
		const bytes = mine.reduce((s, f) => s + f.bytes, 0);
		const cachedBytes = mine.filter((f) => f.cached).reduce((s, f) => s + f.bytes, 0);
		const count = mine.filter((f) => f.cached).length;
		return [
			{
				group,
				bytes,
				cachedBytes,
				cached: count === mine.length ? 'all' : count ? 'some' : 'none'
			} satisfies ReportPackGroupSummary
		];
	});
}

/** Messages from the page to the service worker; the reply comes on the message's port. */
export type ReportPackRequest =
	| { type: 'report-pack:status' }
	/** Cache these groups (all when omitted); `keep` is set when the whole pack is asked for */
	| { type: 'report-pack:cache'; groups?: ReportPackGroup[] }
	| { type: 'report-pack:free' };

export type ReportPackReply =
	| { type: 'status'; status: ReportPackStatus }
	| { type: 'progress'; doneBytes: number; totalBytes: number }
	| { type: 'error'; message: string; status: ReportPackStatus };
