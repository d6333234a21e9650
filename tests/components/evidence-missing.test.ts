/** An evidence file whose content is not on the device says so instead of doing nothing. */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import IndicatorCard from '../../src/routes/assess/IndicatorCard.svelte';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import { loadFixtureRubric } from '../support/rubrics';
import { storeTestAssessment } from '../support/test-assessment';

const mini = loadFixtureRubric();

describe('an evidence file imported without its content', () => {
	it('tells the user it cannot be opened and what to do', async () => {
		const record = await storeTestAssessment(mini, {
			prepare: (assessment) => {
				assessment.answers['d1.a'] = {
					...assessment.answers['d1.a']!,
					evidence: [
						{
							id: 'missing-1',
							kind: 'file',
							title: '统计公报.pdf',
							fileName: '统计公报.pdf',
							mimeType: 'application/pdf',
							size: 10,
							addedAt: '2026-01-01T00:00:00.000Z'
						}
					]
				};
			}
		});
		const session = new AssessmentSession(mini, record);
		render(IndicatorCard, {
			props: {
				session,
				entry: session.index.get('d1.a')!,
				position: { n: 1, total: 2 },
				current: true,
				onfocusin: () => {}
			}
		});
		await fireEvent.click(screen.getByRole('button', { name: '统计公报.pdf' }));
		expect((await screen.findByRole('alert')).textContent).toContain(
			'本设备上没有文件“统计公报.pdf”的内容'
		);
		session.dispose();
	});
});
