/**
 * A due date the files would refuse (a date field allows years like 0202 or 2202) is never
 * stored: the saved assessment must stay readable.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const mini = loadFixtureRubric();

describe('action due dates', () => {
	it('stores a real date and keeps it when a date the files refuse is entered', async () => {
		await repo.createSubject({
			id: 's-due',
			kind: 'city',
			name: '测试市',
			rubricId: 'mini',
			profile: { level: 'prefecture' }
		});
		const record = await repo.createAssessment(
			createSampleAssessment(mini, {
				id: 'a-due',
				subject: { id: 's-due', name: '测试市', kind: 'city' },
				profile: { level: 'prefecture' },
				date: '2026-01-01'
			}),
			{ score: 50, coverage: 1 }
		);
		const session = new AssessmentSession(mini, record);
		session.setAction('d1.a:1:0', 'gov', { due: '2026-06-30' });
		await session.flush();
		session.setAction('d1.a:1:0', 'gov', { due: '2202-06-30' });
		session.setAction('d1.a:1:0', 'gov', { due: '0202-06-30' });
		await session.flush();
		session.dispose();
		const stored = await repo.getAssessment('a-due');
		expect(stored?.assessment.actions?.['d1.a:1:0@gov']?.due).toBe('2026-06-30');
	});
});
