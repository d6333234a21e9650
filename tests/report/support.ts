/** Generating reports in tests and reading them back with poppler and qpdf. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Assessment } from '../../src/lib/domain/assessment';
import { buildReportModel, type ReportModel } from '../../src/lib/domain/report-model';
import type { ReportLocale } from '../../src/lib/domain/report-text';
import { listIndicators } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { renderReportPdf, type ReportBranding } from '../../src/lib/report';
import { readReportFonts } from '../../src/lib/report/node';
import { findRubricById } from '../../src/cli/rubric-files';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import type { Rubric } from '../../src/lib/rubrics/schema';

export const dir = mkdtempSync(path.join(tmpdir(), 'gd-report-'));
export const fonts = readReportFonts();
export const city = findRubricById('gd-city-readiness')!;
export const enterprise = findRubricById('gd-enterprise-maturity')!;

export function sample(rubric: Rubric, seed: number, date: string, name = '深圳市'): Assessment {
	return createSampleAssessment(
		rubric,
		{
			id: `a-${seed}`,
			subject: { id: 'subject', name, kind: rubric.audience },
			profile: defaultProfile(rubric),
			date,
			period: `${date.slice(0, 4)}年度`,
			assessor: '张堃'
		},
		seed
	);
}

/** Puts `note(i)` on every answer of the assessment. */
export function withNotes(a: Assessment, note: (i: number) => string): Assessment {
	Object.values(a.answers).forEach((answer, i) => (answer.note = note(i)));
	return a;
}

export function titleOf(rubric: Rubric, locale: ReportLocale) {
	const titles = new Map<string, string>();
	for (const p of rubric.pillars) for (const d of p.domains) titles.set(d.id, d.title[locale]);
	for (const e of listIndicators(rubric)) titles.set(e.indicator.id, e.indicator.title[locale]);
	return (id: string) => titles.get(id)!;
}

export function model(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale,
	previous?: Assessment,
	preparedBy?: string
): ReportModel {
	return buildReportModel({
		rubric,
		assessment,
		previous: previous && { rubric, assessment: previous },
		catalog: { nodes: guidelineNodes, cases: typicalCases },
		locale,
		generatedOn: '2026-11-23',
		preparedBy
	});
}

/** Renders the model, writes the PDF to the temporary directory and returns its path. */
export async function render(name: string, m: ReportModel, branding?: ReportBranding) {
	const bytes = await renderReportPdf(m, { font: fonts, branding });
	const file = path.join(dir, `${name}.pdf`);
	writeFileSync(file, bytes);
	return { file, bytes };
}

const run = (tool: string, ...args: string[]) =>
	execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text in content-stream order, so that a wrapped table cell reads as one run. */
export const pdfText = (file: string) => run('pdftotext', '-raw', '-enc', 'UTF-8', file, '-');
/** Text without any white space: wrapped lines join up again. */
export const squash = (s: string) => s.replace(/\s+/g, '');
export const pdfFonts = (file: string) => run('pdffonts', file);
export const pdfInfo = (file: string) => run('pdfinfo', file);
export function qpdfCheck(file: string): { ok: boolean; output: string } {
	try {
		return { ok: true, output: run('qpdf', '--check', file) };
	} catch (e) {
		return { ok: false, output: String((e as { stdout?: string }).stdout ?? e) };
	}
}
export const outlineTitles = (file: string): string[] => {
	const json = JSON.parse(run('qpdf', '--json', '--json-key=outlines', file)) as {
		outlines: { title: string; kids: { title: string }[] }[];
	};
	return json.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
};

export interface Word {
	page: number;
	text: string;
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}

/** Every word with its box, from `pdftotext -bbox`. */
export function words(file: string): { words: Word[]; width: number; height: number } {
	const html = run('pdftotext', '-bbox', file, '-');
	const out: Word[] = [];
	let page = 0;
	let width = 0;
	let height = 0;
	for (const line of html.split('\n')) {
		const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
		if (p) {
			page++;
			width = Number(p[1]);
			height = Number(p[2]);
			continue;
		}
		const w =
			/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(
				line
			);
		if (w)
			out.push({
				page,
				xMin: Number(w[1]),
				yMin: Number(w[2]),
				xMax: Number(w[3]),
				yMax: Number(w[4]),
				text: w[5]!
			});
	}
	return { words: out, width, height };
}
