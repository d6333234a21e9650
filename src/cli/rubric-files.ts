import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * A rubric's file is named after its id, so one command reads only the rubric it needs:
 * parsing and validating a large rubric is most of the CLI's start-up time.
 */
const byId = new Map<string, Rubric | undefined>();
export function findRubricById(id: string): Rubric | undefined {
	if (!byId.has(id)) {
		const file = path.join(RUBRICS_DIR, `${id}.yaml`);
		const found = /^[a-z0-9.-]+$/.test(id) && existsSync(file);
		byId.set(
			id,
			found ? loadRubricText(readFileSync(file, 'utf8'), `rubrics/${id}.yaml`) : undefined
		);
	}
	return byId.get(id);
}

export const shippedRubricSource: RubricSource = {
	find: (id, version) => {
		const rubric = findRubricById(id);
		return rubric?.version === version ? rubric : undefined;
	},
	versions: (id) => {
		const rubric = findRubricById(id);
		return rubric ? [rubric.version] : [];
	}
};
