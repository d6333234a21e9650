/**
 * Rubric YAML is plain data: custom tags and duplicate keys are errors naming the file and the
 * line, never a warning the parser prints on the console.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRubricText, parseRubricText, RubricError } from '../../src/lib/rubrics/loader';

function refusal(text: string): string {
	try {
		parseRubricText(text, 'r.yaml');
	} catch (e) {
		expect(e).toBeInstanceOf(RubricError);
		return (e as Error).message;
	}
	throw new Error('the file was accepted');
}

afterEach(() => vi.restoreAllMocks());

describe('rubric YAML', () => {
	it.each([
		['a: 1\nb: !!js/function "function () {}"\n', 'line 2, column 4', 'js/function'],
		['a: 1\nb: !custom 5\n', 'line 2, column 4', '!custom'],
		['a: !<tag:example.com,2000:app/foo> x\n', 'line 1, column 4', 'app/foo']
	])('refuses custom tags with the line, and prints nothing (%j)', (text, where, tag) => {
		const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
		const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const message = refusal(text);
		expect(message).toContain('r.yaml');
		expect(message).toContain(`${where}: not plain YAML`);
		expect(message).toContain(tag);
		expect(warn).not.toHaveBeenCalled();
		expect(log).not.toHaveBeenCalled();
	});

	it.each([
		['a: 1\nb: 2\na: 3\n', 'line 3, column 1', '"a"'],
		['a:\n  c: 1\n  d: 2\n  c: 2\n', 'line 4, column 3', '"c"'],
		['1: one\n"1": also one\n', 'line 2, column 1', '"1"'],
		['x: {k: 1, k: 2}\n', 'line 1, column 11', '"k"']
	])('refuses duplicate keys, naming the line (%j)', (text, where, key) => {
		expect(refusal(text)).toContain(`${where}: not valid YAML: the key ${key} appears twice`);
	});

	it.each([
		['? [a, b]\n: 1\n', 'line 1, column 3'],
		['x: 1\n? {x: 1}\n: 2\n', 'line 2, column 3'],
		['a: &x a\n*x : 2\n', 'line 2, column 1']
	])('refuses a list, mapping or alias as a key, and prints nothing (%j)', (text, where) => {
		const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
		const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(refusal(text)).toContain(`${where}: not valid YAML: a key must be a plain name`);
		expect(warn).not.toHaveBeenCalled();
		expect(log).not.toHaveBeenCalled();
	});

	it('still resolves merge keys and the same key in different mappings', () => {
		expect(parseRubricText('base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\nd: {x: 3}\n', 'r.yaml')).toEqual(
			{
				base: { x: 1 },
				c: { x: 1, y: 2 },
				d: { x: 3 }
			}
		);
	});

	it('loads the shipped rubrics unchanged', () => {
		const text = readFileSync('rubrics/gd-city-readiness.yaml', 'utf8');
		expect(loadRubricText(text, 'city.yaml').id).toBe('gd-city-readiness');
	});
});
