import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRubricText, RubricError } from '../../src/lib/rubrics/loader';
import { fixturePath, loadFixtureRubric } from '../support/rubrics';

const loadInvalid = (name: string) => {
	const file = fixturePath('rubrics', 'invalid', `${name}.yaml`);
	try {
		loadRubricText(readFileSync(file, 'utf8'), `${name}.yaml`);
	} catch (e) {
		if (e instanceof RubricError) return e;
		throw e;
	}
	throw new Error(`${name}.yaml was accepted`);
};

describe('rubric loader', () => {
	it('accepts the valid fixture and fills defaults', () => {
		const rubric = loadFixtureRubric();
		const first = rubric.pillars[0]!.domains[0]!.indicators[0]!;
		expect(rubric.id).toBe('mini');
		expect(first.weight).toBe(1);
		expect(first.allowNotApplicable).toBe(true);
		expect(rubric.pillars[1]!.weight).toBe(1);
	});

	it.each([
		['unknown-key', 'pillars[0].domains[0].indicators[0]', 'Unrecognized key: "wieght"'],
		[
			'missing-level',
			'pillars[0].domains[0].indicators[0].levels',
			'one descriptor for each of the 5 levels'
		],
		[
			'unknown-node',
			'pillars[1].domains[0].indicators[0].cites[0].node',
			'unknown guideline node "c99.p1"'
		],
		['duplicate-id', 'pillars[0].domains[1].indicators[1].id', 'duplicate indicator id "d1.a"'],
		[
			'missing-measure-step',
			'pillars[0].domains[0].indicators[0].measures',
			'no measure leads to level 3'
		],
		[
			'unordered-thresholds',
			'pillars[0].domains[1].indicators[0].metric.thresholds',
			'strictly increasing'
		],
		['bad-target-rule', 'targets.rules[0].target', 'level 7 is off the scale 0–4'],
		['bad-target-rule', 'targets.rules[0].when.tier', 'unknown profile question "tier"'],
		[
			'unknown-actor',
			'pillars[0].domains[0].indicators[0].responsible[0]',
			'unknown actor "mayor"'
		],
		['bad-yaml', 'line 2, column 5', 'not valid YAML']
	])('rejects %s at %s', (name, path, message) => {
		const error = loadInvalid(name);
		expect(error.file).toBe(`${name}.yaml`);
		const problem = error.problems.find((p) => p.path === path);
		expect(problem?.message).toContain(message);
		expect(error.message).toContain(`${name}.yaml`);
	});

	it('rejects empty, oversized and alias-bomb files with one clear message', () => {
		expect(() => loadRubricText('  \n', 'empty.yaml')).toThrow(
			/empty\.yaml: invalid rubric\n.*file is empty/
		);
		const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
			.concat(
				Array.from(
					{ length: 12 },
					(_, i) =>
						`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
							.fill(`*${String.fromCharCode(97 + i)}`)
							.join(', ')}]`
				)
			)
			.join('\n');
		expect(() => loadRubricText(bomb, 'bomb.yaml')).toThrow(RubricError);
		expect(() => loadRubricText('x'.repeat(6 * 1024 * 1024), 'big.yaml')).toThrow(
			/larger than 5 MB/
		);
	});

	it('rejects __proto__ keys instead of polluting prototypes', () => {
		const text = readFileSync(fixturePath('rubrics', 'mini.yaml'), 'utf8').replace(
			'id: mini\n',
			'id: mini\n__proto__: { polluted: true }\n'
		);
		expect(() => loadRubricText(text, 'proto.yaml')).toThrow(/Unrecognized key: "__proto__"/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
