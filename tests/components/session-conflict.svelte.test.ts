/**
 * After another window saved the assessment, what is typed here stays on screen, in the draft and
 * in the "export what is on screen" content, and is never saved over the newer record.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/lib/domain/sample';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();

beforeEach(async () => {
	await repo.wipeEverything();
	localStorage.clear();
	await repo.createSubject({
		id: 's1',
		kind: 'city',
		name: '测试市',
		rubricId: 'mini',
		profile: { level: 'prefecture' }
	});
	await repo.createAssessment(
		createAssessment(mini, {
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		}),
		{ score: null, coverage: 0 }
	);
});

describe('a tab whose assessment was saved elsewhere', () => {
	it('keeps typing on screen and in the draft, and never saves it over the newer record', async () => {
		const record = (await repo.getAssessment('a1'))!;
		const stale = new AssessmentSession(mini, record);
		// Another window saves first.
		const other = await repo.saveAssessment(
			{ ...record.assessment, narrative: '另一个窗口保存的内容' },
			record.revision,
			{ score: null, coverage: 0 }
		);
		expect(other.ok).toBe(true);

		stale.setNote('d1.a', '冲突前输入');
		await stale.flush();
		expect(stale.saveState).toBe('conflict');
		stale.setNote('d1.a', '冲突后继续输入的备注');
		stale.setNarrative('冲突后写的总体评价');
		stale.setLevel('d1.b', 3);
		await stale.flush();

		// What "export what is on screen" writes is the session's content.
		const onScreen = $state.snapshot(stale.assessment);
		expect(onScreen.answers['d1.a']!.note).toBe('冲突后继续输入的备注');
		expect(onScreen.answers['d1.b']!.level).toBe(3);
		expect(onScreen.narrative).toBe('冲突后写的总体评价');
		expect(stale.saveState).toBe('conflict');

		const draft = JSON.parse(localStorage.getItem('gd-assess.draft.a1')!) as {
			assessment: typeof onScreen;
		};
		expect(draft.assessment.answers['d1.a']!.note).toBe('冲突后继续输入的备注');

		const stored = (await repo.getAssessment('a1'))!;
		expect(stored.assessment.narrative).toBe('另一个窗口保存的内容');
		expect(stored.assessment.answers['d1.a']!.note ?? '').toBe('');
		stale.dispose();

		// The next visit offers the draft for export instead of applying it.
		const reopened = new AssessmentSession(mini, stored);
		expect(reopened.staleDraft?.answers['d1.a']!.note).toBe('冲突后继续输入的备注');
		reopened.dispose();
	});
});
