/**
 * The built CLI: the rubrics it carries as JSON are exactly the validated YAML, and it runs from
 * any working folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../../src/cli/build.js';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { loadAllVersions } from '../../src/cli/rubric-files';

describe('the built command line', () => {
	it('carries every shipped rubric version, equal to its validated YAML', async () => {
		const entry = await ensureBuiltCli();
		const compiled = path.join(path.dirname(entry), 'rubrics');
		const manifest = JSON.parse(readFileSync(path.join(compiled, 'manifest.json'), 'utf8'));
		const shipped = loadAllVersions();
		expect(
			manifest.rubrics.map((r: { id: string; version: string }) => `${r.id}@${r.version}`).sort()
		).toEqual(shipped.map((r) => `${r.id}@${r.version}`).sort());
		for (const rubric of shipped) {
			const entryOf = manifest.rubrics.find(
				(r: { id: string; version: string }) => r.id === rubric.id && r.version === rubric.version
			);
			expect(JSON.parse(readFileSync(path.join(compiled, entryOf.file), 'utf8'))).toEqual(rubric);
		}
		// The YAML itself still validates (the source of truth).
		const yaml = readFileSync('rubrics/gd-city-readiness.yaml', 'utf8');
		expect(loadRubricText(yaml, 'gd-city-readiness.yaml').id).toBe('gd-city-readiness');
	});

	it('runs from another working folder, finding its rubrics and fonts', async () => {
		const entry = await ensureBuiltCli();
		const r = spawnSync(process.execPath, [entry, 'rubrics', '--json'], {
			cwd: tmpdir(),
			encoding: 'utf8',
			env: { ...process.env, NODE_OPTIONS: '' }
		});
		expect(r.stderr).toBe('');
		const list = JSON.parse(r.stdout);
		expect(list.map((x: { id: string }) => x.id)).toContain('gd-city-readiness');
	});
});
