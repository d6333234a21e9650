/**
 * Untrusted JSON text in: one error type with readable problems (InputError), size and nesting
 * limits, JSON errors with a position, prototype keys refused. Without zod, so that pages can
 * word these errors and read files' JSON without loading the schemas.
 */

export interface Problem {
	path: string;
	message: string;
}

export class InputError extends Error {
	constructor(
		readonly file: string,
		readonly problems: Problem[]
	) {
		super(
			`${file}: ` +
				(problems.length === 1
					? formatProblem(problems[0]!)
					: `${problems.length} problems\n` +
						problems.map((p) => `  ${formatProblem(p)}`).join('\n'))
		);
		this.name = 'InputError';
	}
}

const formatProblem = (p: Problem) => (p.path ? `${p.path}: ${p.message}` : p.message);

export const MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024;
export const MAX_NESTING = 32;

export function formatJsonPath(path: readonly PropertyKey[]): string {
	return (
		'$' +
		path
			.map((p) =>
				typeof p === 'number'
					? `[${p}]`
					: /^[A-Za-z_$][\w$]*$/.test(String(p))
						? `.${String(p)}`
						: `[${JSON.stringify(String(p))}]`
			)
			.join('')
	);
}

/** Deepest bracket nesting outside strings; refuses pathological files before parsing them. */
function nestingDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash escapes the next character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) max = Math.max(max, ++depth);
		else if (c === 125 || c === 93) depth--;
		if (max > MAX_NESTING) return max;
	}
	return max;
}

function lineColumn(text: string, position: number) {
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	return { line, column: position - before.lastIndexOf('\n') };
}

/** Parses JSON text safely; `__proto__` keys become plain data, never prototypes. */
export function parseJsonText(
	text: string,
	file: string,
	maxBytes = MAX_ASSESSMENT_BYTES
): unknown {
	if (text.length > maxBytes)
		throw new InputError(file, [
			{ path: '', message: `file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` }
		]);
	if (text.trim() === '') throw new InputError(file, [{ path: '', message: 'file is empty' }]);
	if (nestingDepth(text) > MAX_NESTING)
		throw new InputError(file, [
			{
				path: '',
				message: `data is nested more than ${MAX_NESTING} levels deep; not an assessment`
			}
		]);
	let forbidden: string | undefined;
	let parsed: unknown;
	try {
		// Keys that name prototypes are refused outright: they are never legitimate data here and
		// some libraries would otherwise drop them silently or treat them specially.
		parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, value) => {
			if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
			return value;
		});
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const pos = /position (\d+)/.exec(message);
		const where = pos ? lineColumn(text, Number(pos[1])) : null;
		const detail = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '');
		throw new InputError(file, [
			{
				path: where ? `line ${where.line}, column ${where.column}` : '',
				message: `not valid JSON (${detail}); the file may be truncated or not an assessment`
			}
		]);
	}
	if (forbidden)
		throw new InputError(file, [
			{ path: '', message: `contains the key "${forbidden}", which is not allowed in data files` }
		]);
	return parsed;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
