/**
 * Carrying an assessment into a later rubric version in the app: a new assessment is stored next
 * to the old one, and the review list asks the user to confirm or change every answer that did
 * not move exactly, writing nothing until they do.
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import * as repo from '../../src/lib/storage/repository';
import { fixturePath } from '../support/rubrics';
import { storeTestAssessment } from '../support/test-assessment';

const load = (...parts: string[]) => {
	const file = fixturePath('rubrics', 'versions', ...parts);
	return loadRubricText(readFileSync(file, 'utf8'), file);
};
const v10 = load('archive', 'mini@1.0.0.yaml');
const v11 = load('mini.yaml');

vi.mock('../../src/lib/state/rubrics', () => ({
	getRubric: async (id: string, version?: string) =>
		id !== 'mini' ? undefined : version === '1.0.0' ? v10 : v11
}));

const { carryIntoCurrent, loadReview } = await import('../../src/lib/state/carry');
const { startAssessment } = await import('../../src/lib/state/library');
const { default: CarryReview } = await import('../../src/routes/subject/CarryReview.svelte');

function stored10() {
	return storeTestAssessment(v10, {
		id: 'a10',
		date: '2025-06-30',
		prepare: (a) =>
			Object.assign(a.answers, {
				'd1.b': { level: 2, notApplicable: false, target: null },
				'd2.b': { level: 1, notApplicable: false, target: null, note: '拆分前的说明' },
				'd3.a': { level: 3, notApplicable: false, target: null },
				'd3.c': { level: 1, notApplicable: false, target: null },
				'd3.b': { level: 2, notApplicable: false, target: null, note: '删除前写下的说明' }
			})
	});
}

let review: Awaited<ReturnType<typeof carryIntoCurrent>>;
beforeEach(async () => {
	review = await carryIntoCurrent(await stored10());
});

describe('carrying into the new rubric version', () => {
	it('stores a new assessment on 1.1 and leaves the old one as it was', async () => {
		const list = await repo.listAssessments('s1');
		expect(list.map((r) => r.assessment.rubric.version).sort()).toEqual(['1.0.0', '1.1.0']);
		const old = await repo.getAssessment('a10');
		expect(old?.assessment.answers['d3.b']?.note).toBe('删除前写下的说明');
		const carried = await repo.getAssessment(review.id);
		expect(carried?.assessment.answers['d1.b2']?.level).toBe(2);
		expect(carried?.assessment.answers['d2.c']?.level).toBeNull();
		expect(loadReview(review.id)?.items).toHaveLength(review.items.length);
	});

	it('writes a proposal only when the user confirms it or chooses another level', async () => {
		render(CarryReview, { props: { review, from: v10, to: v11, onchange: () => {} } });
		const items = screen.getAllByRole('listitem').filter((li) => li.dataset.review);
		// d2.a has no answer; d2.c and d2.d split from d2.b; d3.m merged from d3.a and d3.c; d3.b removed
		expect(items.map((li) => li.dataset.review)).toEqual([
			'removed',
			'proposed',
			'proposed',
			'proposed'
		]);
		expect(items[0]).toHaveTextContent('删除前写下的说明');
		const merged = items[3]!;
		expect(merged).toHaveTextContent('d3.m');
		expect(merged).toHaveTextContent('建议取合并前各项中的最低等级。');
		expect(within(merged).getByRole('link', { name: '在填报页中查看' })).toHaveAttribute(
			'href',
			expect.stringMatching(new RegExp(`/assess/\\?id=${review.id}#d3$`))
		);

		await fireEvent.click(within(items[1]!).getByRole('button', { name: '确认建议' }));
		await vi.waitFor(async () =>
			expect((await repo.getAssessment(review.id))?.assessment.answers['d2.c']).toMatchObject({
				level: 1,
				note: '拆分前的说明'
			})
		);
		await vi.waitFor(() => expect(screen.queryByText(/^d2\.c/)).toBeNull());

		await fireEvent.change(within(merged).getByRole('combobox', { name: '改为等级' }), {
			target: { value: '3' }
		});
		await fireEvent.click(within(merged).getByRole('button', { name: '保存' }));
		await vi.waitFor(async () =>
			expect((await repo.getAssessment(review.id))?.assessment.answers['d3.m']?.level).toBe(3)
		);
		// d2.d was neither confirmed nor changed: still unanswered, still on the list
		expect((await repo.getAssessment(review.id))?.assessment.answers['d2.d']?.level).toBeNull();
		expect(loadReview(review.id)?.items.map((i) => i.type)).toEqual(['removed', 'proposed']);
	});
});

describe('a re-assessment on the new version starting from a 1.0 one', () => {
	it('copies only the answers that move exactly, never one to a redefined question', async () => {
		const old = (await repo.getAssessment('a10'))!.assessment;
		old.answers['d2.a'] = { level: 3, notApplicable: false, target: null };
		const subject = (await repo.getSubject('s1'))!;
		const record = await startAssessment({
			subject,
			period: '2026',
			assessor: '',
			date: '2026-06-30',
			mode: 'full',
			copyFrom: old
		});
		expect(record.assessment.rubric.version).toBe('1.1.0');
		expect(record.assessment.answers['d1.b2']?.level).toBe(2);
		// d2.a was redefined in 1.1 and d3.m merges two 1.0 indicators: both start unanswered
		expect(record.assessment.answers['d2.a']?.level).toBeNull();
		expect(record.assessment.answers['d3.m']?.level).toBeNull();
	});
});
