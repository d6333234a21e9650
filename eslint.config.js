import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', 'dist/', '.svelte-kit/', 'tmp/', 'node_modules/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			eqeqeq: ['error', 'always'],
			// In-app links with a query go through appHref (src/lib/paths.ts), which applies resolve();
			// the rule cannot see through it, and evidence links are external by design.
			'svelte/no-navigation-without-resolve': 'off',
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true }
			]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['src/service-worker.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: { '@typescript-eslint/no-floating-promises': 'error' }
	},
	{
		// The domain is pure: data in, data out (DESIGN.md §2).
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'],
							message: 'The domain must not depend on Svelte or SvelteKit.'
						},
						{
							group: ['idb-keyval', '$lib/storage/*', '**/storage/*'],
							message: 'The domain must not touch storage.'
						},
						{
							group: ['chart.js', 'chart.js/*', 'jspdf', 'jspdf/*'],
							message: 'The domain must not import charts or PDF code.'
						},
						{ group: ['node:*', 'fs', 'path'], message: 'The domain must not do I/O.' }
					]
				}
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'localStorage',
				'indexedDB',
				'navigator',
				'fetch'
			],
			// No clock and no randomness: results depend on the inputs only.
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Pass a seed (see seededRandom).' },
				{ object: 'Date', property: 'now', message: 'Pass the date in.' },
				{ object: 'crypto', property: 'randomUUID', message: 'Pass ids in.' }
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Pass the date in.'
				}
			]
		}
	}
);
