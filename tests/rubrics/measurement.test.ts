/**
 * Measurement faults found by the audit of the 1.0 rubrics, as checks on every shipped rubric:
 * from version 1.1.0 on a rubric has none of them; the archived 1.0 files still show each one,
 * which keeps the checks honest (a check that finds nothing in 1.0 could not fail).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	findAmbiguousLevels,
	findLineCitations,
	findMetricsWithoutQuantity,
	findMissingDepartments,
	findUndisclosedNumbers,
	type Finding
} from '../../src/lib/rubrics/audit';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { compareVersions, STABLE_IDS_FROM, type Rubric } from '../../src/lib/rubrics/schema';

const table2 = JSON.parse(readFileSync('rubrics/table2.json', 'utf8')) as {
	rows: { line: number; departments: string[] }[];
};

const files = ['rubrics', 'rubrics/archive']
	.filter((dir) => existsSync(dir))
	.flatMap((dir) =>
		readdirSync(dir)
			.filter((f) => f.endsWith('.yaml'))
			.map((f) => path.join(dir, f))
	);
const rubrics: [string, Rubric][] = files.map((f) => [
	f,
	loadRubricText(readFileSync(f, 'utf8'), f)
]);
const measured = rubrics.filter(([, r]) => compareVersions(r.version, STABLE_IDS_FROM) >= 0);
const unmeasured = rubrics.filter(([, r]) => compareVersions(r.version, STABLE_IDS_FROM) < 0);

const show = (findings: Finding[]) =>
	findings.map(
		(f) => `${f.indicatorId}${f.level === undefined ? '' : ` L${f.level}`}: ${f.detail}`
	);

const checks: [string, (r: Rubric) => Finding[], (r: Rubric) => boolean][] = [
	['every metric names its quantity', findMetricsWithoutQuantity, (r) => r.pillars.length > 0],
	[
		'every multi-clause level says 同时满足 or 满足其一',
		findAmbiguousLevels,
		(r) => r.pillars.length > 0
	],
	[
		'every number in a descriptor is cited or declared the rubric’s own',
		findUndisclosedNumbers,
		(r) => r.pillars.length > 0
	],
	[
		'texts cite documents by name, never by file line',
		findLineCitations,
		(r) => r.pillars.length > 0
	],
	[
		'every indicator citing a row of 表2 names that row’s departments',
		(r) => findMissingDepartments(r, table2.rows),
		(r) => r.audience === 'city'
	]
];

describe.each(measured)('%s (1.1 measurement)', (_, rubric) => {
	it.each(checks.filter(([, , applies]) => applies(rubric)))('%s', (_name, check) => {
		expect(show(check(rubric))).toEqual([]);
	});
});

describe.each(unmeasured)('%s (before 1.1: the faults the checks find)', (_, rubric) => {
	it.each(checks.filter(([, , applies]) => applies(rubric)))('%s: not yet', (_name, check) => {
		expect(check(rubric).length).toBeGreaterThan(0);
	});
});

describe('the checks themselves', () => {
	it('find the 表2 departments the 1.0 city rubric left out, such as 科技 for major projects', () => {
		const city = unmeasured.find(([, r]) => r.id === 'gd-city-readiness')?.[1];
		if (!city) return;
		const missing = findMissingDepartments(city, table2.rows);
		expect(missing).toContainEqual({ indicatorId: 'c06.major-projects', detail: '表2 names sci' });
		expect(missing.map((m) => m.indicatorId)).toContain('c08.data-quality');
	});

	it('read 1 (something exists), years of a source and technical names as no threshold', () => {
		const rubric = {
			...rubrics[0]![1],
			pillars: [
				{
					...rubrics[0]![1].pillars[0]!,
					domains: [
						{
							...rubrics[0]![1].pillars[0]!.domains[0]!,
							indicators: [
								{
									...rubrics[0]![1].pillars[0]!.domains[0]!.indicators[0]!,
									judgement: undefined,
									metric: undefined,
									cites: [{ node: 'c03.p2.2' }],
									levels: [
										{ zh: '无。', en: 'None.' },
										{ zh: '至少1个5G应用，按2025年目标推进。', en: '-' },
										{ zh: '同时满足：建成1.4GHz专网；覆盖率达到60%。', en: '-' }
									]
								}
							]
						}
					]
				}
			]
		} as Rubric;
		expect(show(findUndisclosedNumbers(rubric))).toEqual([
			`${rubric.pillars[0]!.domains[0]!.indicators[0]!.id} L2: 60`
		]);
		expect(findAmbiguousLevels(rubric)).toEqual([]);
	});
});
