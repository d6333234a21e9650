/**
 * Rubric format rules that arrive with version 1.1.0: stable measure ids, one scoring home per
 * measured quantity, compliance checks with their legal source, and a declared mapping from the
 * previous version. Each invalid rubric is refused with its file, path and problem.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadRubricText, RubricError } from '../../src/lib/rubrics/loader';
import { fixturePath } from '../support/rubrics';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The mini fixture as version 1.1.0 with every measure given an id and every metric a quantity. */
function mini11(): Data {
	const data: Data = parse(readFileSync(fixturePath('rubrics', 'mini.yaml'), 'utf8'), {
		merge: true
	});
	data.version = '1.1.0';
	data.changelog.push({
		version: '1.1.0',
		date: '2026-11-29',
		changes: { zh: '改版', en: 'Revised' }
	});
	for (const pillar of data.pillars)
		for (const domain of pillar.domains)
			for (const indicator of domain.indicators) {
				indicator.measures = indicator.measures.map((m: Data, i: number) => ({
					...m,
					id: `${indicator.id}.m${i + 1}`
				}));
				if (indicator.metric)
					indicator.metric = { ...indicator.metric, quantity: `${indicator.id}-q` };
			}
	return data;
}

const indicators = (data: Data): Data[] =>
	data.pillars.flatMap((p: Data) => p.domains.flatMap((d: Data) => d.indicators));

function problems(data: Data) {
	try {
		loadRubricText(stringify(data, { aliasDuplicateObjects: false }), 'v11.yaml');
	} catch (e) {
		if (e instanceof RubricError) return e.problems;
		throw e;
	}
	return [];
}

const LEGAL = {
	title: { zh: '《中华人民共和国数据安全法》', en: 'Data Security Law of the PRC' },
	article: { zh: '第二十七条', en: 'Article 27' },
	cite: { node: 'c03.p2.2' }
};
const CHECK = {
	id: 'security-officer',
	title: { zh: '明确数据安全负责人', en: 'A named data-security officer' },
	requirement: { zh: '明确数据安全负责人和管理机构', en: 'Name a data-security officer and unit' },
	evidence: { zh: '任命文件', en: 'The appointment' },
	legalSource: LEGAL,
	binds: { zh: '重要数据的处理者', en: 'Processors of important data' },
	appliesTo: { level: ['prefecture'] },
	responsible: ['gov']
};

describe('rubric format from 1.1.0', () => {
	it('accepts a 1.1.0 rubric with measure ids, quantities, a compliance check and a mapping', () => {
		const data = mini11();
		data.compliance = [CHECK];
		data.upgradeFrom = {
			from: '1.0.0',
			indicators: { 'd9.old': { kind: 'renamed', to: ['d1.a'] }, 'd9.gone': { kind: 'removed' } }
		};
		expect(problems(data)).toEqual([]);
	});

	it('needs a stable id on every measure, unique in the rubric', () => {
		const data = mini11();
		delete indicators(data)[0]!.measures[1].id;
		indicators(data)[1]!.measures[0].id = 'd1.a.m1';
		expect(problems(data)).toEqual(
			expect.arrayContaining([
				{
					path: 'pillars[0].domains[0].indicators[0].measures[1].id',
					message: 'needs a stable id from version 1.1.0 on'
				},
				{
					path: 'pillars[0].domains[0].indicators[1].measures[0].id',
					message: 'duplicate measure id "d1.a.m1"'
				}
			])
		);
	});

	it('scores one quantity in one place only', () => {
		const data = mini11();
		const withMetric = indicators(data).filter((i) => i.metric);
		expect(withMetric.length).toBeGreaterThanOrEqual(2);
		withMetric[1]!.metric.quantity = withMetric[0]!.metric.quantity;
		const found = problems(data).find((p) => p.path.endsWith('metric.quantity'));
		expect(found?.message).toContain(`is already scored by ${withMetric[0]!.id}`);
	});

	it('needs the quantity of every metric', () => {
		const data = mini11();
		delete indicators(data).find((i) => i.metric)!.metric.quantity;
		expect(problems(data).map((p) => p.message)).toContain(
			'needs the quantity it measures from version 1.1.0 on'
		);
	});

	it('refuses a compliance check without its legal source', () => {
		const data = mini11();
		const { legalSource, ...withoutSource } = CHECK;
		expect(legalSource).toBeDefined();
		data.compliance = [withoutSource];
		expect(problems(data).map((p) => p.path)).toContain('compliance[0].legalSource');
	});

	it('refuses a mapping to an unknown indicator, and an id reused with another meaning', () => {
		const data = mini11();
		data.upgradeFrom = {
			from: '1.0.0',
			indicators: {
				'd9.old': { kind: 'renamed', to: ['d9.nowhere'] },
				'd1.b': { kind: 'renamed', to: ['d1.a'] },
				'd9.split': { kind: 'split', to: ['d1.a'] }
			}
		};
		const found = problems(data);
		expect(found).toEqual(
			expect.arrayContaining([
				{
					path: 'upgradeFrom.indicators.d9.old.to[0]',
					message: 'unknown indicator "d9.nowhere" in this version'
				},
				expect.objectContaining({
					path: 'upgradeFrom.indicators.d1.b',
					message: expect.stringContaining('still exists in this version')
				}),
				expect.objectContaining({
					path: 'upgradeFrom.indicators.d9.split.to',
					message: 'a "split" indicator maps to at least 2 indicator(s), not 1'
				})
			])
		);
	});
});
