/**
 * Build step (Vite plugin, client build only): works out which build files are export code
 * (`findReportPackFiles`), adds the report fonts from the static folder, and emits the pack's
 * index as report-pack.<hash>.json. The service worker reads the index to leave the pack out of
 * the precache; the Settings page shows it (sizes, cached or not).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { REPORT_FONT_FILES, type ReportFace } from '../report/font-files';
import {
	findReportPackFiles,
	ReportPackBuildError,
	type ExportKind,
	type ReportPackFile,
	type ReportPackIndex
} from './index';

const hashOf = (bytes: string | Uint8Array) =>
	createHash('sha256').update(bytes).digest('base64url').slice(0, 16);

/** The modules each export is loaded through (`await import(...)` in the routes). */
export const EXPORT_MODULES: Record<ExportKind, string> = {
	pdf: 'src/lib/report/index.ts',
	word: 'src/lib/report/docx/index.ts',
	excel: 'src/lib/office/xlsx.ts'
};

export function reportPackPlugin(root = process.cwd(), staticDir = 'static'): Plugin {
	const exportModules = Object.fromEntries(
		Object.entries(EXPORT_MODULES).map(([kind, file]) => [kind, path.resolve(root, file)])
	) as Record<ExportKind, string>;
	return {
		name: 'report-pack',
		apply: 'build',
		enforce: 'post',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		// Last, so that the sizes are those of the files as written.
		generateBundle: {
			order: 'post',
			handler(_, bundle) {
				const outputs = Object.values(bundle);
				const chunks = outputs.flatMap((o) =>
					o.type === 'chunk'
						? [
								{
									fileName: o.fileName,
									isEntry: o.isEntry,
									facadeModuleId: o.facadeModuleId,
									imports: o.imports,
									dynamicImports: o.dynamicImports,
									assets: [
										...(o.viteMetadata?.importedAssets ?? []),
										...(o.viteMetadata?.importedCss ?? [])
									]
								}
							]
						: []
				);
				const files: ReportPackFile[] = [];
				for (const [fileName, group] of findReportPackFiles(chunks, exportModules)) {
					const output = bundle[fileName];
					if (!output) continue;
					const content = output.type === 'chunk' ? output.code : output.source;
					const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
					files.push({ path: fileName, group, bytes, hash: hashOf(content) });
				}
				for (const [face, file] of Object.entries(REPORT_FONT_FILES) as [ReportFace, string][]) {
					const bytes = readFileSync(path.resolve(root, staticDir, 'fonts', file));
					files.push({
						path: `fonts/${file}`,
						group: face === 'fallback' ? 'rareFont' : 'fonts',
						bytes: bytes.length,
						hash: hashOf(bytes)
					});
				}
				files.sort((a, b) => a.path.localeCompare(b.path));
				const index: ReportPackIndex = { files };
				const ref = this.emitFile({
					type: 'asset',
					name: 'report-pack.json',
					source: JSON.stringify(index)
				});
				// SvelteKit lists the service worker's build files from Vite's manifest, written
				// before this last step: name the index there too, or the worker never sees it.
				const manifest = bundle['.vite/manifest.json'];
				if (manifest?.type !== 'asset')
					throw new ReportPackBuildError('report pack: the build wrote no Vite manifest');
				const entries = JSON.parse(String(manifest.source)) as Record<string, unknown>;
				entries['_report-pack.json'] = { file: this.getFileName(ref), src: '_report-pack.json' };
				manifest.source = JSON.stringify(entries, null, 2);
			}
		}
	};
}
