import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/lib/domain/coverage';
import { isInScope, listIndicators, suggestLevel } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { guideline, listLeafPathNodes } from '../../src/lib/rubrics/guideline';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';

const files = readdirSync('rubrics').filter((f) => f.endsWith('.yaml'));
const rubrics: Rubric[] = files.map((f) =>
	loadRubricText(readFileSync(path.join('rubrics', f), 'utf8'), f)
);
const nodeIds = new Set(guideline.nodes.map((n) => n.id));

describe.each(rubrics.map((r) => [r.id, r] as const))('shipped rubric %s', (id, rubric) => {
	const entries = listIndicators(rubric);
	const maxLevel = rubric.scale.length - 1;

	it('is named after its file and has a changelog entry for its version', () => {
		expect(files).toContain(`${id}.yaml`);
		expect(rubric.changelog.map((c) => c.version)).toContain(rubric.version);
	});

	it('describes every level of every indicator in both languages, observably', () => {
		for (const { indicator } of entries) {
			expect(indicator.levels).toHaveLength(rubric.scale.length);
			for (const level of indicator.levels) {
				expect(level.zh.trim().length, indicator.id).toBeGreaterThanOrEqual(6);
				expect(level.en.trim().length, indicator.id).toBeGreaterThanOrEqual(12);
			}
			expect(
				new Set(indicator.levels.map((l) => l.zh)).size,
				`${indicator.id} repeats a level`
			).toBe(rubric.scale.length);
		}
	});

	it('cites at least one existing guideline node or source line per indicator', () => {
		for (const { indicator } of entries) {
			expect(indicator.cites.length, indicator.id).toBeGreaterThan(0);
			for (const c of [...indicator.cites, ...indicator.measures.flatMap((m) => m.cites)])
				if ('node' in c) expect(nodeIds.has(c.node), `${indicator.id} cites ${c.node}`).toBe(true);
		}
	});

	it('has at least one measure for each level step, each citing its clause', () => {
		for (const { indicator } of entries)
			for (let step = 1; step <= maxLevel; step++) {
				const measures = indicator.measures.filter((m) => m.toLevel === step);
				expect(measures.length, `${indicator.id} → ${step}`).toBeGreaterThan(0);
				measures.forEach((m) => expect(m.cites.length).toBeGreaterThan(0));
			}
	});

	it('has valid weights and unique ids', () => {
		const ids = entries.map((e) => e.indicator.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const e of entries) expect(e.indicator.weight).toBeGreaterThan(0);
	});

	it('keeps the indicator ids recorded for this version (ids are never changed within a version)', () => {
		const recorded = readFileSync(`tests/fixtures/rubric-ids/${id}@${rubric.version}.txt`, 'utf8')
			.split('\n')
			.filter(Boolean);
		expect(entries.map((e) => e.indicator.id)).toEqual(recorded);
	});

	it('covers every guideline node it promises to cover', () => {
		const report = checkCoverage(rubric, guideline.nodes, listLeafPathNodes());
		expect(report.required.length).toBeGreaterThan(0);
		expect(report.uncovered.map((n) => n.nodeId)).toEqual([]);
	});

	it('suggests, for each metric, the level whose threshold a value reaches', () => {
		for (const { indicator } of entries) {
			const metric = indicator.metric;
			if (!metric) continue;
			metric.thresholds.forEach((t, i) => expect(suggestLevel(indicator, t)).toBe(i + 1));
		}
	});

	it('has a quick scan that reaches every pillar', () => {
		const quick = entries.filter((e) => e.indicator.quickScan);
		expect(quick.length).toBeGreaterThanOrEqual(10);
		expect(new Set(quick.map((e) => e.pillar.id)).size).toBe(rubric.pillars.length);
	});

	it('samples score sensibly: levels vary and the metric values agree with the levels', () => {
		const a = createSampleAssessment(
			rubric,
			{
				id: 's',
				subject: { id: 's', name: 's', kind: rubric.audience },
				profile: defaultProfile(rubric),
				date: '2026-01-01'
			},
			11
		);
		const s = scoreAssessment(rubric, a);
		const levels = new Set(s.indicators.map((i) => i.level).filter((l) => l !== null));
		expect(levels.size).toBeGreaterThanOrEqual(3);
		expect(s.overall.score).toBeGreaterThan(10);
		expect(s.overall.score).toBeLessThan(95);
		for (const { indicator } of entries) {
			const answer = a.answers[indicator.id]!;
			if (indicator.metric && answer.level !== null && answer.value !== undefined)
				expect(suggestLevel(indicator, answer.value), indicator.id).toBe(answer.level);
		}
		const inScope = entries.filter((e) => isInScope(e, a.profile, a.mode)).length;
		expect(s.overall.coverage.applicable + s.overall.coverage.notApplicable).toBe(inScope);
	});
});
