/**
 * What a kill of the whole browser can take with it is the time between the click and the save
 * reaching the disk. Two things keep it short and make 已保存 mean "on disk": the save's first
 * request is made in the click's own task (not after the re-render), and every write asks the
 * browser for a strict (flushed) commit. The end-to-end proof is tests/e2e/browser-kill.test.ts.
 */
import 'fake-indexeddb/auto';
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import IndicatorCard from '../../src/routes/assess/IndicatorCard.svelte';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';
import { storeTestAssessment } from '../support/test-assessment';

const mini = loadFixtureRubric();

let session: AssessmentSession;
beforeEach(async () => {
	session = new AssessmentSession(mini, await storeTestAssessment(mini));
	render(IndicatorCard, {
		props: {
			session,
			entry: session.index.get('d1.a')!,
			position: { n: 1, total: 2 },
			current: true,
			onfocusin: () => {}
		}
	});
});
afterEach(() => {
	vi.restoreAllMocks();
	session.dispose();
});

const levelRadio = (level: number) =>
	within(screen.getByRole('group', { name: '现状等级' })).getAllByRole('radio')[level]!;

describe('saving a click', () => {
	it('asks the database for a flushed (strict) commit, so 已保存 means on disk', async () => {
		const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
		levelRadio(3).click();
		await session.flush();
		const writes = transaction.mock.results
			.map((r) => r.value as IDBTransaction)
			.filter((tx) => tx.mode === 'readwrite');
		expect(writes.length).toBeGreaterThan(0);
		expect(writes.map((tx) => tx.durability)).toEqual(writes.map(() => 'strict'));
		expect(session.saveState).toBe('saved');
		expect((await repo.getAssessment('a1'))!.assessment.answers['d1.a']!.level).toBe(3);
	});

	it('sends the save to the database during the click itself, before the page re-renders', async () => {
		const get = vi.spyOn(IDBObjectStore.prototype, 'get');
		levelRadio(2).click();
		// Still inside the click's task: no promise callback, no render has run yet.
		expect(get).toHaveBeenCalled();
		await session.flush();
		expect((await repo.getAssessment('a1'))!.assessment.answers['d1.a']!.level).toBe(2);
	});
});
