/** Compliance status and recorded figures as CSV rows, for rubrics that have them. */
import type { Rubric } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import { complianceStatus } from '../compliance';
import type { ReportLocale } from '../report-text';
import { legalSourceLabel, listFigureRows, statusLabel } from './compliance';
import { complianceText } from './compliance-text';

type Row = (string | number | null)[];

export function complianceCsvRows(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): Row[] {
	if (rubric.compliance.length === 0) return [];
	const t = (key: Parameters<typeof complianceText>[1]) => complianceText(locale, key);
	const s = complianceStatus(rubric, assessment);
	const actor = (id: string) => rubric.actors.find((a) => a.id === id)?.name[locale] ?? id;
	return [
		[t('compliance')],
		['id', t('check'), t('status'), t('legalSource'), t('binds'), t('responsible'), t('note')],
		...s.rows.map((r) => [
			r.check.id,
			r.check.title[locale],
			statusLabel(r.status, locale),
			legalSourceLabel(r.check.legalSource, locale),
			r.check.binds[locale],
			r.check.responsible.map(actor).join(locale === 'zh' ? '、' : ', '),
			r.note
		]),
		[]
	];
}

export function figuresCsvRows(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): Row[] {
	const rows = listFigureRows(rubric, assessment, locale);
	if (rows.length === 0) return [];
	const t = (key: Parameters<typeof complianceText>[1]) => complianceText(locale, key);
	return [
		[],
		[t('figures')],
		['id', t('indicator'), t('figure'), t('value'), t('working')],
		...rows.map((r) => [r.indicatorId, r.indicator, r.figure, r.value, r.working])
	];
}
