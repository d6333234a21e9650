/**
 * Build step of the CLI (run by src/cli/build.js from the freshly built code): validates every
 * shipped rubric version in rubrics/ and rubrics/archive/ and stores it as JSON for the built CLI.
 * Always the project's own rubrics, whatever GD_ASSESS_RUBRICS says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRubricText } from '../lib/rubrics/loader';
import { PROJECT_ROOT } from '../lib/project-root';
import { writeCompiledRubrics } from './compiled-rubrics';

const yamlIn = (dir: string) =>
	existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
				.map((f) => path.join(dir, f))
		: [];

export function compileShippedRubrics(outDir: string): void {
	const root = path.join(PROJECT_ROOT, 'rubrics');
	const load = (file: string) =>
		loadRubricText(readFileSync(file, 'utf8'), path.relative(PROJECT_ROOT, file));
	const current = yamlIn(root).map(load);
	const isCurrent = new Set(current.map((r) => `${r.id}@${r.version}`));
	const archived = yamlIn(path.join(root, 'archive'))
		.map(load)
		.filter((r) => !isCurrent.has(`${r.id}@${r.version}`));
	writeCompiledRubrics(outDir, current, archived);
}
