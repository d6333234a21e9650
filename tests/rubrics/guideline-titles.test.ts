/**
 * Pages get the guideline catalog in a compact form (virtual:guideline-titles, made by the build):
 * it must say exactly what the full catalog says wherever the app shows the guideline.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import titles from 'virtual:guideline-titles';
import { citationLabel } from '../../src/lib/domain/citation';
import { buildReportModel, type ReportCatalog } from '../../src/lib/domain/report-model';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadRubricText } from '../../src/lib/rubrics/loader';

const compact: ReportCatalog = {
	nodes: new Map(titles.nodes.map((n) => [n.id, n])),
	cases: new Map(titles.cases.map((c) => [c.id, c]))
};
const full: ReportCatalog = { nodes: guidelineNodes, cases: typicalCases };
const rubrics = ['gd-city-readiness', 'gd-enterprise-maturity'].map((id) =>
	loadRubricText(readFileSync(`rubrics/${id}.yaml`, 'utf8'), id)
);

describe('the guideline titles pages get', () => {
	it('hold every node and typical case of the catalog', () => {
		expect([...compact.nodes.keys()]).toEqual([...guidelineNodes.keys()]);
		expect([...compact.cases.keys()]).toEqual([...typicalCases.keys()]);
	});

	it('label every citation of the shipped rubrics as the full catalog does', () => {
		let checked = 0;
		for (const rubric of rubrics)
			for (const indicator of rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators)))
				for (const cite of indicator.cites)
					for (const locale of ['zh', 'en'] as const) {
						expect(citationLabel(cite, rubric, compact.nodes, locale)).toBe(
							citationLabel(cite, rubric, full.nodes, locale)
						);
						checked += 1;
					}
		expect(checked).toBeGreaterThan(500);
	});

	it('make the same report, typical cases included', () => {
		const city = rubrics[0]!;
		const assessment = createSampleAssessment(
			city,
			{
				id: 'a',
				subject: { id: 's', name: '示例市', kind: 'city' },
				profile: defaultProfile(city, { level: 'prefecture', region: 'prd' }),
				date: '2026-06-30',
				period: '2026年度'
			},
			7
		);
		for (const locale of ['zh', 'en'] as const) {
			const input = { rubric: city, assessment, locale, generatedOn: '2026-07-01' };
			const withTitles = buildReportModel({ ...input, catalog: compact });
			expect(JSON.stringify(withTitles)).toContain(locale === 'zh' ? '典型案例' : 'ypical case');
			expect(withTitles).toEqual(buildReportModel({ ...input, catalog: full }));
		}
	});

	it('are a fraction of the catalog, compressed as they travel', () => {
		const size = (v: unknown) => gzipSync(JSON.stringify(v)).length;
		expect(size(titles)).toBeLessThan(
			size(JSON.parse(readFileSync('rubrics/guideline.json', 'utf8'))) / 3
		);
	});
});
