/**
 * How the PDF report's time grows with the rubric: the city rubric padded with copies of its
 * indicators (spread over its domains, as a larger rubric would be) to about 100, 1,000 and 3,000
 * indicators, every one answered with a note, rendered in Node through the same code the CLI uses.
 * Linear growth shows as a time ratio of about 3 between 3,000 and 1,000 indicators.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildReportModel } from '../../src/lib/domain/report-model';
import { listIndicators } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { renderReportPdf } from '../../src/lib/report';
import { readReportFonts } from '../../src/lib/report/node';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';
import type { Row } from './row';

/** The city rubric with `count` indicators: the real ones, then numbered copies in their domains. */
export function paddedRubric(city: Rubric, count: number): Rubric {
	const rubric: Rubric = structuredClone(city);
	const originals = listIndicators(city);
	const domains = new Map(rubric.pillars.flatMap((p) => p.domains.map((d) => [d.id, d])));
	if (count < originals.length) {
		// Fewer than the real ones: keep the first `count`, dropping emptied domains and pillars.
		const keep = new Set(originals.slice(0, count).map((x) => x.indicator.id));
		for (const p of rubric.pillars)
			for (const d of p.domains) d.indicators = d.indicators.filter((i) => keep.has(i.id));
		for (const p of rubric.pillars) p.domains = p.domains.filter((d) => d.indicators.length);
		rubric.pillars = rubric.pillars.filter((p) => p.domains.length);
		return rubric;
	}
	for (let i = 0; listIndicators(rubric).length < count; i++) {
		const source = originals[i % originals.length]!;
		const copy = structuredClone(source.indicator);
		const n = Math.floor(i / originals.length) + 2;
		copy.id = `${copy.id}.copy${i}`;
		copy.title = { zh: `${copy.title.zh}（${n}）`, en: `${copy.title.en} (${n})` };
		domains.get(source.domain.id)!.indicators.push(copy);
	}
	return rubric;
}

/** An assessment of `rubric` with every indicator answered and a note on each. */
function answeredWithNotes(rubric: Rubric, seed: number) {
	const a = createSampleAssessment(
		rubric,
		{
			id: `scaling-${seed}`,
			subject: { id: 'shenzhen', name: '深圳市', kind: 'city' },
			profile: defaultProfile(rubric),
			date: `202${seed}-01-01`
		},
		seed
	);
	listIndicators(rubric).forEach(({ indicator }, i) => {
		a.answers[indicator.id] = {
			level: (i + seed) % 5,
			notApplicable: false,
			target: null,
			note: `已建成5G基站${1000 + i * 37}个，覆盖${60 + (i % 40)}%的重点企业（${i + 1}号台账）。`
		};
	});
	return a;
}

/** Median time of the full report (model and PDF) of a `count`-indicator rubric. */
export async function timeReport(city: Rubric, count: number, runs = 3) {
	const rubric = paddedRubric(city, count);
	const assessment = answeredWithNotes(rubric, 2);
	const previous = { rubric, assessment: answeredWithNotes(rubric, 1) };
	const font = readReportFonts();
	const samples: number[] = [];
	let bytes = 0;
	for (let i = 0; i <= runs; i++) {
		const t0 = performance.now();
		const model = buildReportModel({
			rubric,
			assessment,
			previous,
			catalog: { nodes: guidelineNodes, cases: typicalCases },
			locale: 'zh',
			generatedOn: '2026-01-01'
		});
		bytes = (await renderReportPdf(model, { font })).byteLength;
		if (i > 0) samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	return { indicators: listIndicators(rubric).length, ms: samples[samples.length >> 1]!, bytes };
}

export async function measureReportScaling(): Promise<Row[]> {
	const city = loadRubricText(
		readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'),
		'gd-city-readiness.yaml'
	);
	const rows: Row[] = [];
	const times = new Map<number, number>();
	for (const [count, runs] of [
		[100, 3],
		[1000, 3],
		[3000, 1]
	] as const) {
		const r = await timeReport(city, count, runs);
		times.set(count, r.ms);
		rows.push({
			name: `PDF report of ${r.indicators.toLocaleString('en')} indicators (Node, ${Math.round(r.bytes / 1024)} KB)`,
			value: r.ms,
			unit: 'ms'
		});
	}
	rows.push({
		name: 'PDF report: time ratio 3,000 ÷ 1,000 indicators (linear ≈ 3)',
		value: times.get(3000)! / times.get(1000)!,
		unit: '×',
		budget: 4
	});
	return rows;
}
