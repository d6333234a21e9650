/**
 * The shipped rubrics, validated once when the CLI is built and stored as JSON beside it
 * (rubrics/<id>@<version>.json and a manifest), so a command starts without parsing YAML.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Rubric } from '../lib/rubrics/schema';

export const COMPILED_MANIFEST = 'manifest.json';

export interface CompiledManifest {
	rubrics: { id: string; version: string; current: boolean; file: string }[];
}

/** Writes every given rubric version and the manifest into `outDir`. */
export function writeCompiledRubrics(outDir: string, current: Rubric[], archived: Rubric[]): void {
	mkdirSync(outDir, { recursive: true });
	const manifest: CompiledManifest = { rubrics: [] };
	for (const [rubric, isCurrent] of [
		...current.map((r) => [r, true] as const),
		...archived.map((r) => [r, false] as const)
	]) {
		const file = `${rubric.id}@${rubric.version}.json`;
		writeFileSync(path.join(outDir, file), JSON.stringify(rubric));
		manifest.rubrics.push({ id: rubric.id, version: rubric.version, current: isCurrent, file });
	}
	writeFileSync(path.join(outDir, COMPILED_MANIFEST), JSON.stringify(manifest, null, '\t'));
}
