/**
 * The report's appendix for a coordinated assessment: who answered, where each answer came from,
 * the sign-off and the change log. It is part of the assessment's record, so it is in every report
 * of a coordinated assessment; reports of other assessments stay exactly as they were.
 */
import type { Rubric, Text } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import type { Answer } from '../answer';
import { indicatorsOf, respondentProgress, type LogEntry } from '../coordination/core';
import type { ReportLocale } from '../report-text';
import type { Block, ReportSection } from './model-types';
import { titleIndex } from '../rubric-index';
import { coordinationText, type CoordinationTextKey } from './coordination-text';

/** Text helpers shared by the appendix and the app's log view. */
export function coordinationWords(rubric: Rubric, locale: ReportLocale) {
	const unit = coordinationText(locale, rubric.audience === 'city' ? 'unitCity' : 'unitEnterprise');
	const t = (key: CoordinationTextKey, params: Record<string, string | number> = {}) =>
		coordinationText(locale, key, { unit, ...params });
	const pick = (text: Text) => text[locale];
	const levelName = (level: number | null) =>
		level === null
			? t('unanswered')
			: `${level} ${pick(rubric.scale[level]?.name ?? { zh: '', en: '' })}`;
	const answerText = (a: Answer | undefined) =>
		!a ? t('unanswered') : a.notApplicable ? t('notApplicable') : levelName(a.level);
	const titles = titleIndex(rubric, locale);
	const title = (id: string | undefined) => (id ? (titles.get(id) ?? id) : '');

	/** One field's change, old → new, in words (levels by name, yes/no for 不适用). */
	const changeText = (c: NonNullable<LogEntry['changes']>[number]) => {
		const value = (v: string | null) => {
			if (v === null) return t('empty');
			if (c.field === 'level') return levelName(Number(v));
			if (c.field === 'notApplicable') return v === 'true' ? t('yes') : t('no');
			return v;
		};
		return `${t(`field.${c.field}`)}${locale === 'zh' ? '：' : ': '}${value(c.from)} → ${value(c.to)}`;
	};

	const entryText = (e: LogEntry, respondentName: (id: string) => string) => {
		if (e.counts)
			return t('mergeCounts', {
				respondent: respondentName(e.respondentId ?? ''),
				...e.counts
			});
		return (e.changes ?? []).map(changeText).join(locale === 'zh' ? '；' : '; ');
	};
	return { t, unit, levelName, answerText, title, changeText, entryText };
}

export function buildCoordinationSection(
	rubric: Rubric,
	assessment: Assessment,
	locale: ReportLocale
): ReportSection | null {
	const coordination = assessment.coordination;
	if (!coordination) return null;
	const { t, answerText, title, entryText } = coordinationWords(rubric, locale);
	const names = new Map(coordination.respondents.map((r) => [r.id, r.name]));
	const respondentName = (id: string) => names.get(id) ?? id;
	const blocks: Block[] = [
		{
			kind: 'paragraph',
			text: t('coordinatedBy', {
				coordinator: coordination.coordinator || assessment.assessor || '—',
				count: coordination.respondents.length
			})
		},
		{
			kind: 'paragraph',
			tone: coordination.finalised ? 'normal' : 'note',
			text: coordination.finalised ? t('finalisedBy', coordination.finalised) : t('notFinalised')
		}
	];
	const progress = respondentProgress(coordination, assessment.date);
	if (progress.length)
		blocks.push({
			kind: 'table',
			caption: t('respondents'),
			columns: [
				{ header: t('respondent'), width: 4 },
				{ header: t('assigned'), width: 1.5, align: 'right' },
				{ header: t('lastReturn'), width: 2 }
			],
			rows: progress.map((p) => [
				p.respondent.name,
				String(indicatorsOf(coordination, p.respondent.id).length),
				p.lastReturn ?? t('none')
			])
		});

	const provenance: string[][] = [];
	for (const [id, byRespondent] of Object.entries(coordination.contributions)) {
		for (const [respondentId, c] of Object.entries(byRespondent))
			provenance.push([
				title(id),
				respondentName(respondentId),
				answerText(c.answer),
				c.person || t('none'),
				c.returnedOn,
				c.packageId
			]);
		const d = coordination.decisions[id];
		if (d)
			provenance.push([
				title(id),
				t('decision'),
				answerText(d.answer),
				d.by || t('none'),
				d.on,
				d.choice === 'respondent'
					? t('decidedRespondent', { name: respondentName(d.respondentId ?? '') })
					: t(d.choice === 'coordinator' ? 'decidedCoordinator' : 'decidedConsolidated')
			]);
	}
	const children: ReportSection[] = [];
	if (provenance.length)
		children.push({
			id: 'coordination-provenance',
			title: t('provenance'),
			blocks: [
				{ kind: 'paragraph', tone: 'note', text: t('provenanceIntro') },
				{
					kind: 'table',
					columns: [
						{ header: t('indicator'), width: 3.5 },
						{ header: t('respondent'), width: 2.2 },
						{ header: t('answer'), width: 2 },
						{ header: t('person'), width: 1.5 },
						{ header: t('returnedOn'), width: 1.6 },
						{ header: t('packageId'), width: 2 }
					],
					rows: provenance
				}
			],
			children: []
		});
	children.push({
		id: 'coordination-log',
		title: t('log'),
		blocks: [
			{ kind: 'paragraph', tone: 'note', text: t('logIntro') },
			coordination.log.length
				? {
						kind: 'table',
						columns: [
							{ header: t('on'), width: 1.6 },
							{ header: t('by'), width: 1.4 },
							{ header: t('kind'), width: 1.4 },
							{ header: t('indicator'), width: 2.6 },
							{ header: t('change'), width: 4 },
							{ header: t('reason'), width: 2.4 }
						],
						rows: coordination.log.map((e) => [
							e.on,
							e.by || t('none'),
							t(`kind.${e.kind}`),
							e.indicatorId
								? title(e.indicatorId)
								: e.respondentId
									? respondentName(e.respondentId)
									: '',
							entryText(e, respondentName),
							e.reason ?? ''
						])
					}
				: { kind: 'paragraph', text: t('noLog') }
		],
		children: []
	});
	return { id: 'coordination', title: t('appendix'), blocks, children };
}
