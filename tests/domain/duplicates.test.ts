import { describe, expect, it } from 'vitest';
import { distinctPeriodLabel, findSamePeriod } from '../../src/lib/domain/duplicates';

const label = (period: string, n: number) => `${period}（第 ${n} 次）`;

describe('a second assessment of the same period', () => {
	it('is found whatever the spacing or width of the characters', () => {
		const existing = [{ period: '2025年度' }, { period: '2026年度' }];
		expect(findSamePeriod(existing, ' 2026 年度')).toBe(existing[1]);
		expect(findSamePeriod(existing, '２０２６年度')).toBe(existing[1]);
		expect(findSamePeriod(existing, '2027年度')).toBeUndefined();
	});

	it('gets a label no other assessment has', () => {
		expect(distinctPeriodLabel([{ period: '2026年度' }], '2026年度', label)).toBe(
			'2026年度（第 2 次）'
		);
		expect(
			distinctPeriodLabel(
				[{ period: '2026年度' }, { period: '2026年度（第 2 次）' }],
				'2026年度',
				label
			)
		).toBe('2026年度（第 3 次）');
	});
});
