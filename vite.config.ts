import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { loadRubricText, RubricError } from './src/lib/rubrics/loader';
import { summarizeRubric } from './src/lib/rubrics/summary';
import { checkUpgrade } from './src/lib/rubrics/versions';

/** The archived versions of a rubric (rubrics/archive/<id>@<version>.yaml), validated. */
function archivedVersions(dir: string, id: string) {
	const archive = path.join(dir, 'archive');
	if (!existsSync(archive)) return [];
	return readdirSync(archive)
		.filter((f) => f.startsWith(`${id}@`) && f.endsWith('.yaml'))
		.map((f) => {
			const file = path.join(archive, f);
			return loadRubricText(readFileSync(file, 'utf8'), path.relative(process.cwd(), file));
		});
}

/**
 * Turns rubrics/*.yaml and rubrics/archive/*.yaml into validated JSON modules at build time: an
 * invalid rubric, or a current version whose upgrade mapping does not fit the archived version,
 * fails the build with the file, path and reason. `?summary` imports get only what lists need.
 */
export function rubricsPlugin(rubricsDir = path.resolve('rubrics')): Plugin {
	const dir = rubricsDir + path.sep;
	return {
		name: 'rubrics-yaml',
		transform(code, id) {
			const [file, query] = id.split('?');
			if (!file || !file.startsWith(dir) || !file.endsWith('.yaml')) return;
			const name = path.relative(process.cwd(), file);
			const rubric = loadRubricText(code, name);
			if (path.dirname(file) + path.sep === dir) {
				const problems = checkUpgrade(rubric, archivedVersions(dir, rubric.id));
				if (problems.length) throw new RubricError(name, problems);
			}
			const data = query === 'summary' ? summarizeRubric(rubric) : rubric;
			return { code: `export default ${JSON.stringify(data)};`, map: null };
		}
	};
}

export default defineConfig({
	plugins: [rubricsPlugin(), sveltekit()],
	server: { host: '127.0.0.1' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					// CLI and report tests start processes; a busy CI machine needs more than 5 s.
					testTimeout: 60_000,
					include: ['tests/{domain,rubrics,storage,cli,report,office,sync}/**/*.test.ts'],
					globalSetup: ['tests/support/build-cli.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'dom',
					environment: 'jsdom',
					include: ['tests/components/**/*.test.ts'],
					setupFiles: ['tests/support/setup-dom.ts']
				}
			}
		]
	}
});
