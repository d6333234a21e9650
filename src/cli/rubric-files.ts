import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RubricSource } from '../lib/domain/assessment-file';
import { loadRubricText } from '../lib/rubrics/loader';
import { compareVersions, type Rubric } from '../lib/rubrics/schema';
import { archiveFileName, distinctVersions } from '../lib/rubrics/versions';

/**
 * The rubrics shipped in rubrics/ (found relative to this file, wherever the CLI is run from);
 * GD_ASSESS_RUBRICS points elsewhere, for a team maintaining its own rubrics (and for tests).
 */
export const RUBRICS_DIR =
	process.env.GD_ASSESS_RUBRICS ||
	path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rubrics');
const ARCHIVE_DIR = path.join(RUBRICS_DIR, 'archive');

const rubricFiles = (dir: string) =>
	existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
		: [];

const label = (file: string) => path.relative(path.dirname(RUBRICS_DIR), file);
const readRubric = (file: string) => loadRubricText(readFileSync(file, 'utf8'), label(file));

let cache: Rubric[] | undefined;

/** The current version of each rubric. */
export function loadShippedRubrics(): Rubric[] {
	cache ??= rubricFiles(RUBRICS_DIR).map((f) => readRubric(path.join(RUBRICS_DIR, f)));
	return cache;
}

/** The archived versions of one rubric id (rubrics/archive/<id>@<version>.yaml). */
export function loadArchivedRubrics(id: string, dir = ARCHIVE_DIR): Rubric[] {
	return rubricFiles(dir)
		.filter((f) => f.startsWith(`${id}@`))
		.map((f) => readRubric(path.join(dir, f)));
}

/** Every version of every rubric, current first, newest first within an id; no version twice. */
export function loadAllVersions(): Rubric[] {
	const current = loadShippedRubrics();
	return distinctVersions(
		current,
		current.flatMap((r) => loadArchivedRubrics(r.id))
	).sort((a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version));
}

/**
 * A rubric's file is named after its id (and version, in the archive), so one command reads only
 * the rubric it needs: parsing and validating a large rubric is most of the CLI's start-up time.
 */
const loaded = new Map<string, Rubric | undefined>();
function readOnce(key: string, file: string): Rubric | undefined {
	if (!loaded.has(key)) loaded.set(key, existsSync(file) ? readRubric(file) : undefined);
	return loaded.get(key);
}

const SAFE = /^[a-z0-9.-]+$/;

/** The rubric with this id: its current version, or `version` (current or archived). */
export function findRubricById(id: string, version?: string): Rubric | undefined {
	if (!SAFE.test(id)) return undefined;
	const current = readOnce(id, path.join(RUBRICS_DIR, `${id}.yaml`));
	if (!version || current?.version === version) return current;
	if (!SAFE.test(version)) return undefined;
	const archived = readOnce(
		`${id}@${version}`,
		path.join(ARCHIVE_DIR, archiveFileName(id, version))
	);
	return archived?.id === id && archived.version === version ? archived : undefined;
}

/** Versions of a rubric id, the current one first. */
export function versionsOf(id: string): string[] {
	if (!SAFE.test(id)) return [];
	const current = findRubricById(id)?.version;
	const archived = rubricFiles(ARCHIVE_DIR)
		.filter((f) => f.startsWith(`${id}@`))
		.map((f) => f.slice(id.length + 1, -'.yaml'.length))
		.filter((v) => v !== current)
		.sort((a, b) => compareVersions(b, a));
	return current ? [current, ...archived] : archived;
}

export const shippedRubricSource: RubricSource = {
	find: (id, version) => findRubricById(id, version),
	versions: versionsOf
};
