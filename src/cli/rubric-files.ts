import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RubricSource } from '../lib/domain/assessment-file';
import { loadRubricText } from '../lib/rubrics/loader';
import type { Rubric } from '../lib/rubrics/schema';

/** The rubrics shipped in rubrics/ (found relative to this file, wherever the CLI is run from). */
export const RUBRICS_DIR = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../rubrics'
);

let cache: Rubric[] | undefined;

export function loadShippedRubrics(): Rubric[] {
	cache ??= readdirSync(RUBRICS_DIR)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => loadRubricText(readFileSync(path.join(RUBRICS_DIR, f), 'utf8'), `rubrics/${f}`));
	return cache;
}

export const shippedRubricSource: RubricSource = {
	find: (id, version) => loadShippedRubrics().find((r) => r.id === id && r.version === version),
	versions: (id) =>
		loadShippedRubrics()
			.filter((r) => r.id === id)
			.map((r) => r.version)
};

export function findRubricById(id: string): Rubric | undefined {
	return loadShippedRubrics()
		.filter((r) => r.id === id)
		.sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))[0];
}
