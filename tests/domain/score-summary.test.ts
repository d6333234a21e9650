/**
 * The score summary kept with each subject: it carries exactly the numbers scoring gives, and it
 * goes stale whenever what it was computed from changes (so it is recomputed, never shown).
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import {
	canonicalJson,
	fingerprintAssessment,
	isSummaryCurrent,
	SUMMARY_METHOD,
	summarizeScores
} from '../../src/lib/domain/score-summary';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric();

function assessment(seed = 1): Assessment {
	return createSampleAssessment(
		rubric,
		{
			id: `a${seed}`,
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2025-06-30'
		},
		seed
	);
}

describe('summarizeScores', () => {
	it('holds the overall, pillar and domain scores and the counts that scoring gives', () => {
		const a = assessment();
		const scores = scoreAssessment(rubric, a);
		const summary = summarizeScores(rubric, a);
		expect(summary.overall).toBe(scores.overall.score);
		expect(summary.coverage).toBe(scores.overall.coverage.ratio);
		expect(summary.answered).toBe(scores.overall.coverage.answered);
		expect(summary.applicable).toBe(scores.overall.coverage.applicable);
		expect(summary.pillars).toEqual(Object.fromEntries(scores.pillars.map((p) => [p.id, p.score])));
		expect(summary.domains).toEqual(Object.fromEntries(scores.domains.map((d) => [d.id, d.score])));
		expect(Object.keys(summary.domains).length).toBeGreaterThan(1);
		expect(summary.rubric).toMatchObject({ id: rubric.id, version: rubric.version });
		expect(summary.task).toBe(false);
		expect(summary.method).toBe(SUMMARY_METHOD);
	});

	it('survives storage as JSON unchanged and stays current for the same assessment', () => {
		const a = assessment();
		const stored = JSON.parse(JSON.stringify(summarizeScores(rubric, a)));
		expect(stored).toEqual(summarizeScores(rubric, a));
		expect(isSummaryCurrent(stored, rubric, JSON.parse(JSON.stringify(a)))).toBe(true);
	});
});

describe('a stored summary goes stale', () => {
	const a = assessment();
	const summary = summarizeScores(rubric, a);
	const firstId = Object.keys(a.answers)[0]!;

	it('when an answer’s level, not-applicable mark or target changes', () => {
		const level = structuredClone(a);
		level.answers[firstId]!.level = level.answers[firstId]!.level === 1 ? 2 : 1;
		const target = structuredClone(a);
		target.answers[firstId]!.target = 4;
		const na = structuredClone(a);
		na.answers[firstId]!.notApplicable = !na.answers[firstId]!.notApplicable;
		for (const changed of [level, target, na])
			expect(isSummaryCurrent(summary, rubric, changed)).toBe(false);
	});

	it('when the profile, mode or rubric version changes, or it becomes a task', () => {
		const profile = { ...a, profile: { level: 'county' } };
		const mode: Assessment = { ...a, mode: 'quick' };
		const version = { ...a, rubric: { ...a.rubric, version: '9.9.9' } };
		const task = { ...a, task: {} as NonNullable<Assessment['task']> };
		for (const changed of [profile, mode, version, task])
			expect(isSummaryCurrent(summary, rubric, changed)).toBe(false);
	});

	it('when the rubric it was made with is edited, or the summary method changes', () => {
		const edited = structuredClone(rubric);
		edited.pillars[0]!.weight = edited.pillars[0]!.weight + 1;
		expect(isSummaryCurrent(summary, edited)).toBe(false);
		expect(isSummaryCurrent({ ...summary, method: SUMMARY_METHOD - 1 }, rubric)).toBe(false);
		expect(isSummaryCurrent(undefined, rubric)).toBe(false);
		expect(isSummaryCurrent(summary, rubric)).toBe(true);
	});

	it('but not for notes, evidence, save times or the order of keys, which move no score', () => {
		const noted = structuredClone(a);
		noted.answers[firstId]!.note = '新的说明';
		noted.narrative = '评估意见';
		noted.updatedAt = '2026-01-02T00:00:00.000Z';
		const reordered = Object.fromEntries(Object.entries(a).reverse()) as Assessment;
		for (const same of [noted, reordered])
			expect(fingerprintAssessment(same)).toBe(fingerprintAssessment(a));
	});

	it('with defaults spelled out: a record read back through the schema hashes the same', () => {
		const { mode, ...withoutMode } = a;
		expect(mode).toBe('full');
		expect(fingerprintAssessment(withoutMode as Assessment)).toBe(fingerprintAssessment(a));
	});
});

describe('canonicalJson', () => {
	it('orders keys and drops undefined as JSON does', () => {
		expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: null }] })).toBe(
			'{"a":[2,{"c":null}],"b":1}'
		);
		expect(JSON.parse(canonicalJson({ z: 'x', y: [1, 'two'] }))).toEqual({ z: 'x', y: [1, 'two'] });
	});
});
