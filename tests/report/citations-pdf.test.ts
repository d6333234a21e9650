/**
 * A printed report cites documents as an official would: 《指引》 by part, section and number,
 * other documents by title. No node id and no file line reaches the page, in either language.
 */
import { describe, expect, it } from 'vitest';
import { city, enterprise, model, pdfText, render, sample, squash } from './support';

const NODE_ID = /c\d{2}\.[pf]\d/;
const FILE_LINE = /doc00\d|(?<!\d)00[134][:：]\d|第\d+行|\bL\d{2,}\b/;

describe.each([
	['city', city],
	['enterprise', enterprise]
] as const)('the %s report', (name, rubric) => {
	it.each(['zh', 'en'] as const)(
		'%s: cites by document structure, never by id or line',
		async (locale) => {
			const { file } = await render(
				`citations-${name}-${locale}`,
				model(rubric, sample(rubric, 5, '2026-06-30'), locale)
			);
			const text = squash(pdfText(file));
			expect(text).toContain(locale === 'zh' ? '《指引》第' : 'Guideline1.0,Part');
			expect(text.match(NODE_ID)?.[0]).toBeUndefined();
			expect(text.match(FILE_LINE)?.[0]).toBeUndefined();
		}
	);
});
