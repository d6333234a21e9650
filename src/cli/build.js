/**
 * Builds the command line once and reuses it: the TypeScript of src/cli and src/lib is bundled
 * with esbuild (one chunk per command, so `report` alone loads the PDF code) and the shipped
 * rubrics are validated into JSON beside it. The build lives in dist/cli/<stamp>/, where the stamp
 * names the sources it was made from; a changed source makes a new stamp and a new build, and
 * several processes starting together never see a half-written one (each builds into a private
 * folder and renames it into place).
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
	mkdirSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_BUILD_DIR = path.join(ROOT, 'dist', 'cli');
/** What the built CLI is made from: a change to any of these makes a new build. */
const SOURCES = ['src/cli', 'src/lib', 'rubrics', 'package-lock.json'];
const COMPLETE = 'complete';

/** @param {string} dir @param {string[]} out */
function listFiles(dir, out) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) listFiles(file, out);
		else if (entry.isFile()) out.push(file);
	}
	return out;
}

/** A short name for the current sources: their paths, sizes and modification times. */
export function sourceStamp() {
	const hash = createHash('sha256');
	for (const source of SOURCES) {
		const full = path.join(ROOT, source);
		if (!existsSync(full)) continue;
		const files = statSync(full).isDirectory() ? listFiles(full, []).sort() : [full];
		for (const file of files) {
			const s = statSync(file);
			hash.update(`${path.relative(ROOT, file)}\0${s.size}\0${s.mtimeMs}\n`);
		}
	}
	return hash.digest('hex').slice(0, 16);
}

/** The entry file of a build of the current sources, building it first when there is none. */
export async function ensureBuiltCli() {
	const dir = path.join(CLI_BUILD_DIR, sourceStamp());
	const entry = path.join(dir, 'main.mjs');
	if (existsSync(path.join(dir, COMPLETE))) return entry;
	const staging = path.join(
		CLI_BUILD_DIR,
		`.staging-${process.pid}-${Math.random().toString(36).slice(2)}`
	);
	try {
		await buildInto(staging);
		try {
			renameSync(staging, dir);
		} catch (e) {
			// Another process finished the same build first: use theirs.
			if (!existsSync(path.join(dir, COMPLETE))) throw e;
		}
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	pruneOldBuilds(path.basename(dir));
	return entry;
}

/** @param {string} outdir */
async function buildInto(outdir) {
	mkdirSync(outdir, { recursive: true });
	const { build } = await import('esbuild');
	await build({
		entryPoints: {
			main: path.join(ROOT, 'src/cli/main.ts'),
			'compile-rubrics': path.join(ROOT, 'src/cli/compile-rubrics.ts')
		},
		outdir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		// Packages load from node_modules at run time, as from the source.
		packages: 'external',
		outExtension: { '.js': '.mjs' },
		sourcemap: 'linked',
		logLevel: 'error'
	});
	/** @type {{ compileShippedRubrics: (outDir: string) => void }} */
	const compiler = await import(pathToFileURL(path.join(outdir, 'compile-rubrics.mjs')).href);
	compiler.compileShippedRubrics(path.join(outdir, 'rubrics'));
	writeFileSync(path.join(outdir, COMPLETE), new Date().toISOString());
}

/** Keeps the newest builds (a running command may still load chunks of the one before). */
function pruneOldBuilds(/** @type {string} */ keep, count = 3) {
	const builds = readdirSync(CLI_BUILD_DIR, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== keep)
		.map((e) => ({ name: e.name, time: statSync(path.join(CLI_BUILD_DIR, e.name)).mtimeMs }))
		.sort((a, b) => b.time - a.time);
	for (const old of builds.slice(count - 1))
		rmSync(path.join(CLI_BUILD_DIR, old.name), { recursive: true, force: true });
}

// `node src/cli/build.js`: build now (CI, or before timing), print where.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const entry = await ensureBuiltCli();
	process.stdout.write(`${path.relative(ROOT, entry)}\n`);
}
