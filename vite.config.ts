import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { loadRubricText } from './src/lib/rubrics/loader';
import { summarizeRubric } from './src/lib/rubrics/summary';

/**
 * Turns rubrics/*.yaml into validated JSON modules at build time: an invalid rubric fails the
 * build with the file, path and reason. `?summary` imports get only what lists need.
 */
function rubricsPlugin(): Plugin {
	const dir = path.resolve('rubrics') + path.sep;
	return {
		name: 'rubrics-yaml',
		transform(code, id) {
			const [file, query] = id.split('?');
			if (!file || !file.startsWith(dir) || !file.endsWith('.yaml')) return;
			const rubric = loadRubricText(code, path.relative(process.cwd(), file));
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
					include: ['tests/{domain,rubrics,storage,cli,report}/**/*.test.ts']
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
