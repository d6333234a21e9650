/** Word tables never squeeze a header into one character per line. */
import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/lib/report/docx/blocks';
import { CONTENT_TWIPS } from '../../src/lib/report/docx/styles';

describe('Word table column widths', () => {
	it('gives a narrow column room for three header characters and keeps the table width', () => {
		const block = {
			kind: 'table' as const,
			columns: [
				{ header: '序号', width: 0.5 },
				{ header: '指标', width: 6 },
				{ header: '领域', width: 3 },
				{ header: '差距（级）', width: 0.6 },
				{ header: '可挽回分值', width: 0.8 },
				{ header: '责任部门', width: 3 }
			],
			rows: []
		};
		const widths = columnWidths(block);
		const floor = (chars: number) => chars * 210 + 160;
		expect(widths[0]).toBeGreaterThanOrEqual(floor(2));
		expect(widths[3]).toBeGreaterThanOrEqual(floor(3));
		expect(widths[4]).toBeGreaterThanOrEqual(floor(3));
		expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONTENT_TWIPS);
		expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(CONTENT_TWIPS - widths.length);
		// The wide columns keep their proportions.
		expect(widths[1]! / widths[2]!).toBeCloseTo(2, 1);
	});
});
