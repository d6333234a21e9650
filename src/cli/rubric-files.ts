import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RubricSource } from '../lib/domain/assessment-file';
import { loadRubricText } from '../lib/rubrics/loader';
import { compareVersions, type Rubric } from '../lib/rubrics/schema';
import { archiveFileName, distinctVersions } from '../lib/rubrics/versions';
import { COMPILED_MANIFEST, type CompiledManifest } from './compiled-rubrics';
import { PROJECT_ROOT } from '../lib/project-root';

/**
 * The rubrics shipped in rubrics/; GD_ASSESS_RUBRICS points elsewhere, for a team maintaining its
 * own rubrics (and for tests).
 */
export const RUBRICS_DIR = process.env.GD_ASSESS_RUBRICS || path.join(PROJECT_ROOT, 'rubrics');
const ARCHIVE_DIR = path.join(RUBRICS_DIR, 'archive');

/**
 * The built CLI (src/cli/build.js) carries the shipped rubrics already validated, as JSON beside
 * its code: parsing and validating the YAML was most of every command's start-up time. Run from
 * source, or with GD_ASSESS_RUBRICS set, the YAML is read and validated as before.
 */
const COMPILED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rubrics');
const compiledManifest: CompiledManifest | undefined =
	!process.env.GD_ASSESS_RUBRICS && existsSync(path.join(COMPILED_DIR, COMPILED_MANIFEST))
		? JSON.parse(readFileSync(path.join(COMPILED_DIR, COMPILED_MANIFEST), 'utf8'))
		: undefined;

const rubricFiles = (dir: string) =>
	existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
		: [];

const label = (file: string) => path.relative(path.dirname(RUBRICS_DIR), file);
const readRubric = (file: string) => loadRubricText(readFileSync(file, 'utf8'), label(file));

/** Where one rubric version is read from: its validated JSON in the built CLI, else its YAML. */
function fileOf(id: string, version?: string): string | undefined {
	if (compiledManifest) {
		const entry = compiledManifest.rubrics.find(
			(r) => r.id === id && (version ? r.version === version : r.current)
		);
		return entry && path.join(COMPILED_DIR, entry.file);
	}
	return version
		? path.join(ARCHIVE_DIR, archiveFileName(id, version))
		: path.join(RUBRICS_DIR, `${id}.yaml`);
}

function read(file: string): Rubric {
	// The compiled JSON was produced by the build from a rubric that passed validation.
	return file.endsWith('.json')
		? (JSON.parse(readFileSync(file, 'utf8')) as Rubric)
		: readRubric(file);
}

const loaded = new Map<string, Rubric | undefined>();
function readOnce(file: string | undefined): Rubric | undefined {
	if (!file) return undefined;
	if (!loaded.has(file)) loaded.set(file, existsSync(file) ? read(file) : undefined);
	return loaded.get(file);
}

/** The current version of each rubric. */
export function loadShippedRubrics(): Rubric[] {
	const ids = compiledManifest
		? compiledManifest.rubrics.filter((r) => r.current).map((r) => r.id)
		: rubricFiles(RUBRICS_DIR).map((f) => f.slice(0, -'.yaml'.length));
	return ids.map((id) => readOnce(fileOf(id))).filter((r): r is Rubric => r !== undefined);
}

/** The archived versions of one rubric id (rubrics/archive/<id>@<version>.yaml). */
export function loadArchivedRubrics(id: string, dir?: string): Rubric[] {
	if (compiledManifest && dir === undefined)
		return compiledManifest.rubrics
			.filter((r) => r.id === id && !r.current)
			.map((r) => readOnce(path.join(COMPILED_DIR, r.file))!);
	const archive = dir ?? ARCHIVE_DIR;
	return rubricFiles(archive)
		.filter((f) => f.startsWith(`${id}@`))
		.map((f) => readOnce(path.join(archive, f))!);
}

/** Every version of every rubric, current first, newest first within an id; no version twice. */
export function loadAllVersions(): Rubric[] {
	const current = loadShippedRubrics();
	return distinctVersions(
		current,
		current.flatMap((r) => loadArchivedRubrics(r.id))
	).sort((a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version));
}

const SAFE = /^[a-z0-9.-]+$/;

/**
 * The rubric with this id: its current version, or `version` (current or archived). A rubric's
 * file is named after its id (and version), so one command reads only the rubric it needs.
 */
export function findRubricById(id: string, version?: string): Rubric | undefined {
	if (!SAFE.test(id)) return undefined;
	const current = readOnce(fileOf(id));
	if (!version || current?.version === version) return current;
	if (!SAFE.test(version)) return undefined;
	const archived = readOnce(fileOf(id, version));
	return archived?.id === id && archived.version === version ? archived : undefined;
}

/** Versions of a rubric id, the current one first. */
export function versionsOf(id: string): string[] {
	if (!SAFE.test(id)) return [];
	const current = findRubricById(id)?.version;
	const archived = (
		compiledManifest
			? compiledManifest.rubrics.filter((r) => r.id === id && !r.current).map((r) => r.version)
			: rubricFiles(ARCHIVE_DIR)
					.filter((f) => f.startsWith(`${id}@`))
					.map((f) => f.slice(id.length + 1, -'.yaml'.length))
	)
		.filter((v) => v !== current)
		.sort((a, b) => compareVersions(b, a));
	return current ? [current, ...archived] : archived;
}

export const shippedRubricSource: RubricSource = {
	find: (id, version) => findRubricById(id, version),
	versions: versionsOf
};
