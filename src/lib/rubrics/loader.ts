/**
 * Parses and validates rubric files. Pure: takes text, returns a Rubric or throws a
 * RubricError whose message names the file, the path inside it and what is wrong.
 */
import {
	isMap,
	isScalar,
	LineCounter,
	parseDocument,
	visit,
	YAMLParseError,
	type Document
} from 'yaml';
import type { z } from 'zod';
import { citationCatalog } from './guideline';
import { createRubricSchema, type Rubric } from './schema';

export const rubricSchema = createRubricSchema(citationCatalog);

export interface ValidationProblem {
	/** JSON-path-like location, e.g. `pillars[0].domains[1].indicators[3].levels` */
	path: string;
	message: string;
}

export class RubricError extends Error {
	constructor(
		readonly file: string,
		readonly problems: ValidationProblem[]
	) {
		super(
			`${file}: ${problems.length === 1 ? 'invalid rubric' : `${problems.length} problems`}\n` +
				problems.map((p) => `  ${p.path || '(top level)'}: ${p.message}`).join('\n')
		);
		this.name = 'RubricError';
	}
}

/** Formats a zod issue path the way users see it in their YAML/JSON: `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

export function describeZodIssues(error: z.ZodError, limit = 20): ValidationProblem[] {
	const problems = error.issues.slice(0, limit).map((issue) => ({
		path: formatPath(issue.path),
		message: issue.message
	}));
	if (error.issues.length > limit)
		problems.push({ path: '', message: `… and ${error.issues.length - limit} more problems` });
	return problems;
}

/** Rubric files are small; anything bigger is not a rubric and is refused before parsing. */
export const MAX_RUBRIC_BYTES = 5 * 1024 * 1024;

/**
 * Duplicate keys, found with one set per mapping. The parser's own check (`uniqueKeys`) compares
 * each key with every earlier key of its mapping, which made a 200,000-key file take minutes.
 * Keys are compared as the object they become: `1` and `"1"` would be one key, so they clash.
 */
function keyProblem(doc: Document): { message: string; offset: number } | undefined {
	let found: { message: string; offset: number } | undefined;
	visit(doc, {
		Map(_, map) {
			if (!isMap(map)) return;
			const seen = new Set<string>();
			for (const pair of map.items) {
				// A list, mapping or alias as a key would become text of the parser's choosing (and
				// a warning on the console); a rubric's keys are plain names.
				if (!isScalar(pair.key)) {
					const node = pair.key as { range?: [number, number, number] } | null;
					found = {
						message: 'a key must be a plain name, not a list, a mapping or an alias',
						offset: node?.range?.[0] ?? (isScalar(pair.value) ? (pair.value.range?.[0] ?? 0) : 0)
					};
					return visit.BREAK;
				}
				const key = String(pair.key.value);
				if (seen.has(key)) {
					found = {
						message: `the key "${key}" appears twice in one mapping`,
						offset: pair.key.range?.[0] ?? 0
					};
					return visit.BREAK;
				}
				seen.add(key);
			}
		}
	});
	return found;
}

export function parseRubricText(text: string, file: string): unknown {
	if (text.length > MAX_RUBRIC_BYTES)
		throw new RubricError(file, [{ path: '', message: 'file is larger than 5 MB; not a rubric' }]);
	if (text.trim() === '') throw new RubricError(file, [{ path: '', message: 'file is empty' }]);
	const lines = new LineCounter();
	const at = (offset: number) => {
		const { line, col } = lines.linePos(offset);
		return `line ${line}, column ${col}`;
	};
	try {
		const doc = parseDocument(text, {
			uniqueKeys: false,
			merge: true,
			lineCounter: lines,
			// Nothing reaches the console: every problem is refused below with its place.
			logLevel: 'error'
		});
		const [error] = doc.errors;
		if (error) throw error;
		// Unknown tags (`!!js/function`, `!custom`) are warnings to the parser, which would print
		// them on the console; a rubric is plain data, so they are errors naming their place.
		const [warning] = doc.warnings;
		if (warning)
			throw new RubricError(file, [
				{
					path: at(warning.pos[0]),
					message: `not plain YAML: ${warning.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; rubrics use no custom tags`
				}
			]);
		const key = keyProblem(doc);
		if (key)
			throw new RubricError(file, [
				{ path: at(key.offset), message: `not valid YAML: ${key.message}` }
			]);
		// maxAliasCount guards against alias bombs ("billion laughs") in untrusted YAML.
		return doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		if (e instanceof RubricError) throw e;
		if (e instanceof YAMLParseError) {
			const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
			throw new RubricError(file, [
				{ path: where, message: `not valid YAML: ${e.message.split('\n')[0]}` }
			]);
		}
		// The parser signals resource-exhaustion attempts (alias bombs) with plain errors.
		throw new RubricError(file, [
			{ path: '', message: `not a usable YAML file: ${e instanceof Error ? e.message : String(e)}` }
		]);
	}
}

export function validateRubric(data: unknown, file: string): Rubric {
	const result = rubricSchema.safeParse(data);
	if (!result.success) throw new RubricError(file, describeZodIssues(result.error));
	return result.data;
}

export function loadRubricText(text: string, file: string): Rubric {
	return validateRubric(parseRubricText(text, file), file);
}
