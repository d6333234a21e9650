/**
 * Conflicting CouchDB revisions of one assessment merge answer by answer: one-sided changes are
 * taken, two-sided different changes are asked, nothing of either side is lost.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/domain/answer';
import type { Assessment } from '../../../src/lib/domain/assessment';
import { createAssessment } from '../../../src/lib/domain/sample';
import { mergeRevisions, settleConflicts } from '../../../src/lib/domain/sync/revisions';
import { loadFixtureRubric } from '../../support/rubrics';

const rubric = loadFixtureRubric('mini');
const base = createAssessment(rubric, {
	id: 'a1',
	subject: { id: 's1', name: '测试市', kind: 'city' },
	profile: { level: 'prefecture' },
	date: '2026-01-01'
});
const [x, y, z] = Object.keys(base.answers) as [string, string, string];
const level = (n: number): Answer => ({ level: n, notApplicable: false, target: null });
const edit = (a: Assessment, changes: Record<string, Answer>, extra: Partial<Assessment> = {}) => ({
	...structuredClone(a),
	...extra,
	answers: { ...a.answers, ...changes }
});

describe('mergeRevisions', () => {
	it('takes what only one side changed, from either side, without asking', () => {
		const winner = edit(base, { [x]: level(2) });
		const loser = edit(base, { [y]: level(3) }, { narrative: '叙述' });
		const merge = mergeRevisions(base, { rev: '3-w', assessment: winner }, [
			{ rev: '3-l', assessment: loser }
		]);
		expect(merge.conflicts).toEqual([]);
		expect(merge.clashes).toEqual([]);
		expect(merge.merged.answers[x]).toEqual(level(2));
		expect(merge.merged.answers[y]).toEqual(level(3));
		expect(merge.merged.narrative).toBe('叙述');
		expect(merge.loserRevs).toEqual(['3-l']);
	});

	it('asks about an answer both sides changed differently, and keeps both sides', () => {
		const winner = edit(base, { [x]: level(1), [y]: level(2) });
		const loser = edit(base, { [x]: level(3), [z]: level(4) });
		const merge = mergeRevisions(base, { rev: '3-w', assessment: winner }, [
			{ rev: '3-l', assessment: loser }
		]);
		expect(merge.conflicts).toEqual([
			{
				indicatorId: x,
				base: base.answers[x],
				sides: [
					{ rev: '3-w', answer: level(1) },
					{ rev: '3-l', answer: level(3) }
				]
			}
		]);
		expect(merge.merged.answers[y]).toEqual(level(2));
		expect(merge.merged.answers[z]).toEqual(level(4));
		const settled = settleConflicts(merge, new Map([[x, level(3)]]));
		expect(settled.answers[x]).toEqual(level(3));
		expect(settled.answers[y]).toEqual(level(2));
		expect(settled.answers[z]).toEqual(level(4));
	});

	it('does not ask when both sides made the same change', () => {
		const a = edit(base, { [x]: level(2) });
		const merge = mergeRevisions(base, { rev: '3-w', assessment: a }, [
			{ rev: '3-l', assessment: structuredClone(a) }
		]);
		expect(merge.conflicts).toEqual([]);
	});

	it('asks about every difference when the common ancestor is gone', () => {
		const winner = edit(base, { [x]: level(1) });
		const loser = edit(base, { [y]: level(2) });
		const merge = mergeRevisions(undefined, { rev: '3-w', assessment: winner }, [
			{ rev: '3-l', assessment: loser }
		]);
		expect(merge.conflicts.map((c) => c.indicatorId).sort()).toEqual([x, y].sort());
	});

	it('refuses to settle while a conflict is undecided', () => {
		const merge = mergeRevisions(base, { rev: '3-w', assessment: edit(base, { [x]: level(1) }) }, [
			{ rev: '3-l', assessment: edit(base, { [x]: level(2) }) }
		]);
		expect(() => settleConflicts(merge, new Map())).toThrow(/not decided/);
	});

	it('keeps the winner on a field both sides changed, and names it', () => {
		const merge = mergeRevisions(
			base,
			{ rev: '3-w', assessment: edit(base, {}, { narrative: '甲' }) },
			[{ rev: '3-l', assessment: edit(base, {}, { narrative: '乙' }) }]
		);
		expect(merge.clashes).toEqual(['narrative']);
		expect(merge.merged.narrative).toBe('甲');
	});
});
