/**
 * The report's compliance section (right after the summary) and its appendix of recorded figures.
 * Both appear only for rubrics that have compliance checks or figures, so reports of earlier
 * rubric versions stay exactly as they were.
 */
import type { Ratio, Rubric, Text } from '../../rubrics/schema';
import type { Assessment, ComplianceStatusValue } from '../assessment';
import { complianceStatus } from '../compliance';
import { computeRatio, formatNumber } from '../ratio';
import type { ReportLocale } from '../report-text';
import type { Block, ReportSection } from './model-types';
import { isInScope, listIndicators } from '../rubric-index';
import { complianceText } from './compliance-text';

const STATUS_KEYS = {
	met: 'met',
	'not-met': 'notMet',
	'not-applicable': 'notApplicable'
} as const;

export function statusLabel(status: ComplianceStatusValue | null, locale: ReportLocale): string {
	return complianceText(locale, status === null ? 'unanswered' : STATUS_KEYS[status]);
}

/** "《数据安全法》第二十七条" in Chinese, "Data Security Law, Article 27" in English. */
export function legalSourceLabel(
	source: { title: Text; article: Text },
	locale: ReportLocale
): string {
	return locale === 'zh'
		? `${source.title.zh}${source.article.zh}`
		: `${source.title.en}, ${source.article.en}`;
}

export function buildComplianceSection(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): ReportSection | null {
	if (rubric.compliance.length === 0) return null;
	const t = (key: Parameters<typeof complianceText>[1], params?: Record<string, number>) =>
		complianceText(locale, key, params);
	const pick = (text: Text) => text[locale];
	const list = locale === 'zh' ? '、' : ', ';
	const actors = (ids: string[]) =>
		ids
			.map((id) => pick(rubric.actors.find((a) => a.id === id)?.name ?? { zh: id, en: id }))
			.join(list);
	const summary = complianceStatus(rubric, assessment);
	const overall =
		summary.overall === 'met'
			? t('overallMet')
			: summary.overall === 'not-met'
				? t('overallNotMet', { count: summary.notMet })
				: summary.overall === 'incomplete'
					? t('overallIncomplete', { count: summary.unanswered })
					: '—';
	const blocks: Block[] = [
		{ kind: 'paragraph', tone: 'note', text: t('complianceApart') },
		{
			kind: 'figures',
			// Four boxes fit one row; the not-applicable count goes under the overall status.
			items: [
				{
					label: t('overall'),
					value: overall,
					detail: `${t('notApplicable')} ${summary.notApplicable}`
				},
				{ label: t('met'), value: String(summary.met) },
				{ label: t('notMet'), value: String(summary.notMet) },
				{ label: t('unanswered'), value: String(summary.unanswered) }
			]
		}
	];
	if (summary.notMet > 0)
		blocks.push({
			kind: 'paragraph',
			tone: 'warning',
			text: t('notMetWarning', { count: summary.notMet })
		});
	else if (summary.unanswered > 0)
		blocks.push({
			kind: 'paragraph',
			tone: 'warning',
			text: t('incompleteWarning', { count: summary.unanswered })
		});
	if (summary.rows.length)
		blocks.push({
			kind: 'table',
			columns: [
				{ header: t('check'), width: 3 },
				{ header: t('status'), width: 1.3 },
				{ header: t('legalSource'), width: 3.5 },
				{ header: t('binds'), width: 2.5 },
				{ header: t('responsible'), width: 2 }
			],
			rows: summary.rows.map((r) => [
				pick(r.check.title),
				statusLabel(r.status, locale),
				legalSourceLabel(r.check.legalSource, locale),
				pick(r.check.binds),
				actors(r.check.responsible)
			])
		});
	const notMet = summary.rows.filter((r) => r.status === 'not-met');
	if (notMet.length) {
		blocks.push({ kind: 'heading', text: t('notMetTitle') });
		const colon = locale === 'zh' ? '：' : ': ';
		for (const r of notMet)
			blocks.push({
				kind: 'list',
				items: [
					`${pick(r.check.title)}${colon}${pick(r.check.requirement)}`,
					`${t('legalSource')}${colon}${legalSourceLabel(r.check.legalSource, locale)}`,
					`${t('responsible')}${colon}${actors(r.check.responsible)}`,
					...(r.note.trim() ? [`${t('note')}${colon}${r.note.trim()}`] : [])
				]
			});
	}
	return { id: 'compliance', title: t('compliance'), blocks, children: [] };
}

/** "25%" but "1,200 架" and "66.4 per 10,000 people". */
const withUnit = (n: number, unit: string) =>
	unit === '%' || unit === '％' ? `${formatNumber(n, 8)}%` : `${formatNumber(n, 8)} ${unit}`;

export interface FigureRow {
	indicatorId: string;
	indicator: string;
	figure: string;
	/** The value with its unit, or "—" */
	value: string;
	/** For a ratio: the working, or why there is no value yet */
	working: string;
}

/** Every ratio metric and recorded figure of the indicators in scope, with values and working. */
export function listFigureRows(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): FigureRow[] {
	const pick = (text: Text) => text[locale];
	const rows: FigureRow[] = [];
	const ratioRow = (
		indicatorId: string,
		indicator: string,
		label: string,
		ratio: Ratio,
		inputs: Parameters<typeof computeRatio>[1],
		unit: Text
	): FigureRow => {
		const r = computeRatio(ratio, inputs);
		return {
			indicatorId,
			indicator,
			figure: label,
			value: r.value === null ? '—' : withUnit(r.value, pick(unit)),
			working: r.value === null ? '' : r.working
		};
	};
	for (const entry of listIndicators(rubric)) {
		if (!isInScope(entry, assessment.profile, assessment.mode)) continue;
		const ind = entry.indicator;
		const answer = assessment.answers[ind.id];
		const title = pick(ind.title);
		if (ind.metric?.ratio)
			rows.push(
				ratioRow(
					ind.id,
					title,
					`${pick(ind.metric.ratio.numerator.label)} ÷ ${pick(ind.metric.ratio.denominator.label)}`,
					ind.metric.ratio,
					answer?.inputs,
					ind.metric.unit
				)
			);
		for (const figure of ind.figures) {
			const v = answer?.figures?.[figure.id];
			if (figure.ratio)
				rows.push(
					ratioRow(
						ind.id,
						title,
						pick(figure.label),
						figure.ratio,
						v !== null && typeof v === 'object' ? v : undefined,
						figure.unit
					)
				);
			else
				rows.push({
					indicatorId: ind.id,
					indicator: title,
					figure: pick(figure.label),
					value: typeof v === 'number' ? withUnit(v, pick(figure.unit)) : '—',
					working: ''
				});
		}
	}
	return rows;
}

export function buildFiguresSection(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): ReportSection | null {
	const rows = listFigureRows(rubric, assessment, locale);
	if (rows.length === 0) return null;
	const t = (key: Parameters<typeof complianceText>[1]) => complianceText(locale, key);
	const recorded = rows.filter((r) => r.value !== '—');
	const blocks: Block[] = [{ kind: 'paragraph', tone: 'note', text: t('figuresIntro') }];
	if (recorded.length === 0) blocks.push({ kind: 'paragraph', text: t('noFigures') });
	else
		blocks.push({
			kind: 'table',
			columns: [
				{ header: t('indicator'), width: 2.2 },
				{ header: t('figure'), width: 2.4 },
				{ header: t('value'), width: 1.6, align: 'right' },
				{ header: t('working'), width: 3.8 }
			],
			rows: recorded.map((r) => [r.indicator, r.figure, r.value, r.working])
		});
	return { id: 'figures', title: t('figures'), blocks, children: [] };
}
