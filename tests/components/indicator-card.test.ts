import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import IndicatorCard from '../../src/routes/assess/IndicatorCard.svelte';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';
import { storeTestAssessment } from '../support/test-assessment';

const mini = loadFixtureRubric();

async function newSession() {
	return new AssessmentSession(mini, await storeTestAssessment(mini));
}

function renderCard(session: AssessmentSession, id: string) {
	const entry = session.index.get(id)!;
	return render(IndicatorCard, {
		props: { session, entry, position: { n: 1, total: 2 }, current: true, onfocusin: () => {} }
	});
}

let session: AssessmentSession;
beforeEach(async () => {
	session = await newSession();
});

describe('filling one indicator', () => {
	it('shows every level as a selectable card and records the choice', async () => {
		renderCard(session, 'd1.a');
		const group = screen.getByRole('group', { name: '现状等级' });
		const radios = within(group).getAllByRole('radio');
		expect(radios).toHaveLength(5);
		expect(within(group).getByText('一')).toBeInTheDocument();
		await fireEvent.click(radios[2]!);
		expect(session.answer('d1.a').level).toBe(2);
		expect(session.progressOf('d1')).toMatchObject({ answered: 1, applicable: 2 });
		expect(session.scores.overall.score).toBe(50);
		await session.flush();
		expect((await repo.getAssessment('a1'))!.assessment.answers['d1.a']!.level).toBe(2);
	});

	it('marks not applicable, which leaves the count of applicable indicators, the score and the levels', async () => {
		renderCard(session, 'd1.a');
		await fireEvent.click(screen.getByLabelText('不适用'));
		expect(session.answer('d1.a')).toMatchObject({ notApplicable: true, level: null });
		expect(session.progressOf('d1')).toMatchObject({
			answered: 0,
			applicable: 1,
			notApplicable: 1
		});
		expect(session.scores.overall.coverage.applicable).toBe(5);
		expect(screen.getByRole('group', { name: '现状等级' })).toBeDisabled();
	});

	it('offers no not-applicable where the rubric does not allow it', () => {
		renderCard(session, 'd1.b');
		expect(screen.queryByLabelText('不适用')).toBeNull();
	});

	it('defaults the target from the profile and lets the assessor change it back and forth', async () => {
		renderCard(session, 'd2.b');
		const select = screen.getByRole('combobox', { name: '目标等级' }) as HTMLSelectElement;
		expect(select.value).toBe('');
		expect(select.options[0]!.textContent).toContain('默认（4 引领）');
		await fireEvent.change(select, { target: { value: '2' } });
		expect(session.targetOf('d2.b')).toBe(2);
		await fireEvent.change(select, { target: { value: '' } });
		expect(session.answer('d2.b').target).toBeNull();
		expect(session.targetOf('d2.b')).toBe(4);
	});

	it('suggests a level from a metric value, follows it until overridden, then asks for a reason', async () => {
		renderCard(session, 'd2.a'); // thresholds 5, 10, 15, 20 (%)
		const input = screen.getByLabelText(/指标数值/);
		await fireEvent.change(input, { target: { value: '12' } });
		flushSync();
		expect(session.answer('d2.a')).toMatchObject({ value: 12, level: 2 });
		expect(screen.getByText('按数值建议等级：2 推进')).toBeInTheDocument();
		await fireEvent.change(input, { target: { value: '16' } });
		expect(session.answer('d2.a').level).toBe(3);
		// The assessor overrides the suggestion: the level stays, and a reason is asked for.
		await fireEvent.click(
			within(screen.getByRole('group', { name: '现状等级' })).getAllByRole('radio')[1]!
		);
		await fireEvent.change(input, { target: { value: '21' } });
		expect(session.answer('d2.a').level).toBe(1);
		expect(screen.getByText(/已选等级与数值建议不同/)).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: '采用建议等级' }));
		expect(session.answer('d2.a').level).toBe(4);
	});

	it('handles a lower-is-better metric', async () => {
		renderCard(session, 'd3.b'); // PUE thresholds 1.8, 1.6, 1.4, 1.3
		await fireEvent.change(screen.getByLabelText(/指标数值/), { target: { value: '1.45' } });
		expect(session.answer('d3.b').level).toBe(2);
	});

	it('refuses an evidence file over the size limit with a message that says what to do', async () => {
		renderCard(session, 'd1.a');
		const big = new File([new Uint8Array(6 * 1024 * 1024)], '年报.pdf', {
			type: 'application/pdf'
		});
		await fireEvent.change(screen.getByLabelText('添加文件'), { target: { files: [big] } });
		expect(screen.getByRole('alert').textContent).toContain(
			'“年报.pdf”有 6.0 MB，超过单个文件 5.0 MB 的上限'
		);
		expect(session.answer('d1.a').evidence ?? []).toHaveLength(0);
	});
});
