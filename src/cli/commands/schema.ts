import { z } from 'zod';
import { AssessmentSchema } from '../../lib/domain/assessment';
import { RubricShapeSchema } from '../../lib/rubrics/schema';
import { UsageError } from '../errors';
import { writeJson } from '../io';
import type { Command } from '../options';

/** `schema assessment|rubric`: the JSON Schema of a file format. */
export const run: Command = ([which]) => {
	if (which === 'assessment') return writeJson(z.toJSONSchema(AssessmentSchema, { io: 'input' }));
	if (which === 'rubric') return writeJson(z.toJSONSchema(RubricShapeSchema, { io: 'input' }));
	throw new UsageError('schema needs "assessment" or "rubric"');
};
