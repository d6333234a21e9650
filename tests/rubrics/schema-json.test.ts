import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RubricShapeSchema } from '../../src/lib/rubrics/schema';

describe('rubrics/schema.json', () => {
	it('is the JSON Schema generated from the zod rubric schema (run "npm run gen:schema")', () => {
		const onDisk = JSON.parse(readFileSync('rubrics/schema.json', 'utf8'));
		expect(onDisk).toEqual(z.toJSONSchema(RubricShapeSchema, { io: 'input' }));
	});
});
