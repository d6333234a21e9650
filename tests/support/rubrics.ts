import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';

export const fixturePath = (...parts: string[]) => path.resolve('tests/fixtures', ...parts);

export function loadFixtureRubric(name = 'mini'): Rubric {
	const file = fixturePath('rubrics', `${name}.yaml`);
	return loadRubricText(readFileSync(file, 'utf8'), file);
}
