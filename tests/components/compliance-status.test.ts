import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ComplianceStatus from '../../src/routes/results/ComplianceStatus.svelte';
import RecordedFigures from '../../src/routes/results/RecordedFigures.svelte';
import type { Assessment } from '../../src/lib/domain/assessment';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric('mini-compliance');
const assessment = (compliance: Assessment['compliance']): Assessment => ({
	...createSampleAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture', duties: ['important-data'] },
		date: '2026-01-01'
	}),
	compliance
});

describe('compliance status on the results page', () => {
	it('shows an unmet duty with its requirement, legal source and responsible actor', () => {
		render(ComplianceStatus, {
			props: {
				rubric,
				assessment: assessment({
					'dsl-officer': { status: 'not-met', note: '尚未任命。' },
					'vuln-handling': { status: 'met' }
				})
			}
		});
		expect(screen.getByTestId('compliance-overall')).toHaveTextContent('1 项法定义务未满足');
		const duty = screen.getByRole('listitem');
		expect(within(duty).getByText('数据安全负责人')).toBeInTheDocument();
		expect(within(duty).getByText('明确数据安全负责人和管理机构')).toBeInTheDocument();
		expect(within(duty).getByText('《中华人民共和国数据安全法》第二十七条')).toBeInTheDocument();
		expect(within(duty).getByText('本级人民政府')).toBeInTheDocument();
		expect(within(duty).getByText('尚未任命。')).toBeInTheDocument();
	});

	it('says incomplete and names what is unanswered, and all met when it is', () => {
		const { unmount } = render(ComplianceStatus, {
			props: { rubric, assessment: assessment({ 'vuln-handling': { status: 'met' } }) }
		});
		expect(screen.getByTestId('compliance-overall')).toHaveTextContent(
			'合规检查未完成：1 项未回答'
		);
		expect(screen.getByText(/未回答的检查：数据安全负责人/)).toBeInTheDocument();
		unmount();
		render(ComplianceStatus, {
			props: {
				rubric,
				assessment: assessment({
					'dsl-officer': { status: 'met' },
					'vuln-handling': { status: 'not-applicable' }
				})
			}
		});
		expect(screen.getByTestId('compliance-overall')).toHaveTextContent('全部适用的法定义务已满足');
	});

	it('lists recorded figures with the working of ratios', () => {
		const a = assessment({});
		a.answers['d3.a'] = {
			...a.answers['d3.a']!,
			figures: { 'd3.a.gigabit': { numerator: 30, denominator: 120 } }
		};
		render(RecordedFigures, { props: { rubric, assessment: a } });
		const row = screen.getByRole('row', { name: /千兆用户占比/ });
		expect(within(row).getByText('25%')).toBeInTheDocument();
		expect(within(row).getByText('30 ÷ 120 × 100 = 25')).toBeInTheDocument();
	});
});
