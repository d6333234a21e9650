/**
 * Carrying an assessment from rubric 1.0.0 into 1.1.0 (the versions fixture: every kind of
 * mapping), action statuses kept by measure id, and comparison across the two versions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { checkAgainstRubric } from '../../src/lib/domain/assessment-file';
import { compareAssessments } from '../../src/lib/domain/compare';
import { rankGaps } from '../../src/lib/domain/gaps';
import { createAssessment } from '../../src/lib/domain/sample';
import { acceptProposal, upgradeAssessment } from '../../src/lib/domain/upgrade';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { fixturePath } from '../support/rubrics';

const load = (...parts: string[]) => {
	const file = fixturePath('rubrics', 'versions', ...parts);
	return loadRubricText(readFileSync(file, 'utf8'), file);
};
const v10 = load('archive', 'mini@1.0.0.yaml');
const v11 = load('mini.yaml');

function assessment10(): Assessment {
	const a = createAssessment(v10, {
		id: 'a10',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture', coastal: 'yes' },
		date: '2025-06-30',
		period: '2025'
	});
	const set = (id: string, answer: Partial<Assessment['answers'][string]>) =>
		(a.answers[id] = { ...a.answers[id]!, ...answer });
	set('d1.a', { level: 1, note: '已有方案', target: 4 });
	set('d1.b', {
		level: 2,
		evidence: [{ id: 'e1', kind: 'link', title: '文件', url: 'https://example.gov.cn/a' }]
	});
	set('d2.a', { level: 3, value: 16 });
	set('d2.b', { level: 1, note: '拆分前的说明' });
	set('d3.a', { level: 3 });
	set('d3.c', { level: 1, note: '较弱' });
	set('d3.b', { level: 2, value: 1.5, note: '删除前写下的说明' });
	// Statuses of d1.a's measures to levels 2 and 3 (1.0 measures have no ids: keys by position).
	a.actions = {
		'd1.a:2:0': { status: 'in-progress', owner: '工信局' },
		'd1.a:3:0': { status: 'planned' },
		'd3.b:3:0': { status: 'done' }
	};
	return a;
}

describe('carrying a 1.0 assessment into 1.1', () => {
	const source = assessment10();
	const before = structuredClone(source);
	const { assessment, review, carried } = upgradeAssessment(source, v10, v11, 'a11');

	it('makes a new assessment on the new version and leaves the old one untouched', () => {
		expect(source).toEqual(before);
		expect(assessment.id).toBe('a11');
		expect(assessment.rubric).toEqual({ id: 'mini', version: '1.1.0' });
		expect(checkAgainstRubric(assessment, v11)).toEqual([]);
	});

	it('moves answers where the mapping is exact: the same id, or renamed', () => {
		expect(carried).toEqual([
			{ from: 'd1.a', to: 'd1.a' },
			{ from: 'd1.b', to: 'd1.b2' }
		]);
		expect(assessment.answers['d1.a']).toMatchObject({ level: 1, note: '已有方案', target: 4 });
		expect(assessment.answers['d1.b2']?.evidence?.[0]?.url).toBe('https://example.gov.cn/a');
	});

	it('never answers a changed, split or merged indicator silently: each is a proposal to review', () => {
		for (const id of ['d2.a', 'd2.c', 'd2.d', 'd3.m'])
			expect(assessment.answers[id]).toEqual({ level: null, notApplicable: false, target: null });
		const proposed = review.filter((r) => r.type === 'proposed');
		expect(proposed.map((p) => [p.indicatorId, p.kind, p.level])).toEqual([
			['d2.a', 'changed', 3],
			['d2.c', 'split', 1],
			['d2.d', 'split', 1],
			// merged: the lowest of the merged levels (d3.a 3, d3.c 1)
			['d3.m', 'merged', 1]
		]);
		const merged = proposed.find((p) => p.indicatorId === 'd3.m')!;
		expect(merged.from.map((f) => f.id)).toEqual(['d3.a', 'd3.c']);
	});

	it('lists a removed indicator with everything written for it, and the profile values the new version lacks', () => {
		expect(review).toContainEqual({
			type: 'removed',
			oldId: 'd3.b',
			answer: expect.objectContaining({ level: 2, value: 1.5, note: '删除前写下的说明' })
		});
		expect(review).toContainEqual({ type: 'profile', question: 'coastal', value: 'yes' });
		expect(assessment.profile).toEqual({ level: 'prefecture' });
	});

	it('keeps action statuses by measure although 1.1 reorders the measures', () => {
		expect(assessment.actions).toEqual({
			'd1.a.to2': { status: 'in-progress', owner: '工信局' },
			'd1.a.to3': { status: 'planned' }
		});
		// d3.b is removed, so its status is listed rather than dropped
		expect(review).toContainEqual(expect.objectContaining({ type: 'action', key: 'd3.b:3:0' }));
		// and the results' action plan shows the status on the measure it was set for
		const gap = rankGaps(v11, assessment).find((g) => g.indicatorId === 'd1.a')!;
		const toLevel2 = gap.measures.find((m) => m.toLevel === 2)!;
		expect(toLevel2.key).toBe('d1.a.to2');
		expect(toLevel2.text.zh).toBe('措施二');
		expect(assessment.actions?.[toLevel2.key]?.status).toBe('in-progress');
	});

	it('writes a proposal only when the user accepts it, with the old notes', () => {
		const item = review.find((r) => r.type === 'proposed' && r.indicatorId === 'd2.c');
		if (item?.type !== 'proposed') throw new Error('no proposal for d2.c');
		const accepted = acceptProposal(assessment, item);
		expect(accepted.answers['d2.c']).toMatchObject({ level: 1, note: '拆分前的说明' });
		expect(assessment.answers['d2.c']?.level).toBeNull();
	});

	it('refuses a pair of versions without a mapping between them, saying so', () => {
		expect(() => upgradeAssessment(source, v10, v10, 'x')).toThrow(/no mapping from version 1.0.0/);
	});
});

describe('comparing across 1.0 and 1.1 through the mapping', () => {
	const a10 = assessment10();
	const a11 = createAssessment(v11, {
		id: 'b11',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-06-30'
	});
	for (const [id, level] of Object.entries({
		'd1.a': 3,
		'd1.b2': 3,
		'd2.a': 4,
		'd2.c': 2,
		'd2.d': 2,
		'd3.m': 2
	}))
		a11.answers[id] = { level, notApplicable: false, target: null };

	it('compares kept and renamed indicators, and reports the compared share', () => {
		const c = compareAssessments(v10, a10, v11, a11);
		expect(c.sameRubricVersion).toBe(false);
		// shared: d1.a (kept), d1.b → d1.b2 (renamed); the union counts the 7 old and 6 new, less 2 shared
		expect(c.sharedIndicatorCount).toBe(2);
		expect(c.comparedShare).toBeCloseTo(2 / 11);
		const byId = new Map(c.indicators.map((d) => [d.id, d]));
		expect(byId.get('d1.b2')).toMatchObject({ levelBefore: 2, levelAfter: 3, delta: 25 });
		expect(byId.get('d1.a')).toMatchObject({ levelBefore: 1, levelAfter: 3 });
		// d2.a was redefined: its old level is not compared with the new one
		expect(byId.has('d2.a')).toBe(false);
	});

	it('compares a carried assessment with a 1.1 assessment on every answered indicator', () => {
		const carried = upgradeAssessment(a10, v10, v11, 'a11').assessment;
		const c = compareAssessments(v11, carried, v11, a11);
		expect(c.comparedShare).toBe(1);
		expect(c.indicators.find((d) => d.id === 'd1.b2')).toMatchObject({
			levelBefore: 2,
			levelAfter: 3
		});
	});
});
