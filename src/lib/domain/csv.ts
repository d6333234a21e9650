/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so that
 * Excel opens Chinese text correctly. Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe (CSV injection).
 */
import type { Citation, Rubric, Text } from '../rubrics/schema';
import type { ActionStatus, Assessment } from './assessment';
import { readAction } from './actions';
import { planMeasures, rankGaps } from './gaps';
import type { ReportCatalog } from './report-model';
import { reportText, type ReportLocale, type ReportTextKey } from './report-text';
import { buildAnswerWorkbook } from './answer-sheet';
import { citationLabel } from './citation';
import { complianceCsvRows, figuresCsvRows } from './report/compliance-csv';
import { titleIndex } from './rubric-index';
import { scoreAssessment, type NodeResult } from './scoring';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = typeof value === 'number' ? String(value) : value;
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The results as a spreadsheet: scores (overall, pillars, domains), ranked gaps, the action
 * plan with its tracked status and every answer (the workbook's 答卷 columns) — the same numbers
 * the results page and the report show.
 */
export function buildResultsCsv(
	rubric: Rubric,
	assessment: Assessment,
	catalog: ReportCatalog,
	locale: ReportLocale
): string {
	const t = (key: ReportTextKey) => reportText(locale, key);
	const pick = (text: Text) => text[locale];
	const scores = scoreAssessment(rubric, assessment);
	const gaps = rankGaps(rubric, assessment, scores);
	const plan = planMeasures(gaps);
	const title = titleIndex(rubric, locale);
	const actor = (id: string) =>
		pick(rubric.actors.find((a) => a.id === id)?.name ?? { zh: id, en: id });
	const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
	const statusKey: Record<ActionStatus, ReportTextKey> = {
		open: 'statusOpen',
		planned: 'statusPlanned',
		'in-progress': 'statusInProgress',
		done: 'statusDone'
	};
	const cite = (c: Citation) => citationLabel(c, rubric, catalog.nodes, locale);

	const rows: (string | number | null)[][] = [
		// Legal duties first, apart from the scores.
		...complianceCsvRows(rubric, assessment, locale),
		[t('summary')],
		['id', t('indicator'), t('overallScore'), t('maturity'), t('targetScore'), t('coverage')]
	];
	const scoreRow = (id: string, name: string, r: NodeResult) => [
		id,
		name,
		round(r.score),
		r.level,
		round(r.targetScore),
		`${r.coverage.answered}/${r.coverage.applicable}`
	];
	rows.push(scoreRow('overall', t('all'), scores.overall));
	for (const p of scores.pillars) rows.push(scoreRow(p.id, title.get(p.id) ?? p.id, p));
	for (const d of scores.domains) rows.push(scoreRow(d.id, title.get(d.id) ?? d.id, d));
	// Every answer, with the same columns as the workbook's 答卷 sheet.
	const answers = buildAnswerWorkbook(rubric, assessment, catalog, locale).sheets[0]!;
	rows.push(
		[],
		[answers.name],
		answers.columns.map((c) => c.header[locale]),
		...answers.rows
	);
	rows.push([], [t('gaps')]);
	rows.push([
		t('rank'),
		'id',
		t('indicator'),
		t('domain'),
		t('level'),
		t('target'),
		t('gap'),
		t('priority'),
		t('responsible')
	]);
	gaps.forEach((g, i) =>
		rows.push([
			i + 1,
			g.indicatorId,
			title.get(g.indicatorId) ?? '',
			title.get(g.domainId) ?? '',
			g.current,
			g.target,
			g.gap,
			round(g.priority),
			g.responsible.map(actor).join('、')
		])
	);
	rows.push([], [t('plan')]);
	rows.push([
		t('responsible'),
		'key',
		t('measure'),
		t('indicator'),
		t('target'),
		t('toLevel'),
		t('priority'),
		t('basis'),
		t('status'),
		t('owner'),
		t('due')
	]);
	for (const group of plan)
		for (const m of group.measures) {
			const action = readAction(assessment.actions, m.key, group.actorId);
			rows.push([
				actor(group.actorId),
				m.key,
				pick(m.text),
				title.get(m.indicatorId) ?? '',
				m.target,
				m.toLevel,
				round(m.priority),
				m.cites.map(cite).join('; '),
				t(statusKey[action?.status ?? 'open']),
				action?.owner ?? '',
				action?.due ?? ''
			]);
		}
	rows.push(...figuresCsvRows(rubric, assessment, locale));
	return toCsv(rows);
}
