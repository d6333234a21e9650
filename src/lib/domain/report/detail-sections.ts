/**
 * The working sections of the report model: domains, gaps and the action plan.
 */
import type { ActionStatus } from '../assessment';
import { readAction } from '../actions';
import type { ReportTextKey } from '../report-text';
import type { ReportSection } from './model-types';
import type { ReportContext } from './context';

const STATUS_KEYS: Record<ActionStatus, ReportTextKey> = {
	open: 'statusOpen',
	planned: 'statusPlanned',
	'in-progress': 'statusInProgress',
	done: 'statusDone'
};

/** One section per domain: its figures and every indicator with level, target, gap and note. */
export function domainsSection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('domains')) return null;
	const { assessment, t, pick, num, pct, scores, index, levelName, title, section } = ctx;
	const children = scores.domains.map((d) => {
		const rows = scores.indicators
			.filter((i) => i.domainId === d.id)
			.map((i) => {
				const answer = assessment.answers[i.id];
				const metric = index.get(i.id)!.indicator.metric;
				const value =
					metric && answer?.value !== undefined && answer.value !== null
						? `${answer.value} ${pick(metric.unit)}`
						: '';
				return [
					title(i.id),
					i.status === 'notApplicable'
						? t('notApplicable')
						: i.status === 'unanswered'
							? t('unanswered')
							: levelName(i.level),
					i.status === 'notApplicable' ? '—' : levelName(i.target),
					i.gap === null ? '—' : String(i.gap),
					[value, answer?.note?.trim() ?? ''].filter(Boolean).join(';')
				];
			});
		return section(`domain:${d.id}`, title(d.id), [
			{
				kind: 'figures',
				items: [
					{ label: t('domainScore'), value: num(d.score) },
					{ label: t('maturity'), value: levelName(d.level) },
					{
						label: t('coverage'),
						value: pct(d.coverage.ratio),
						detail: t('coverageDetail', {
							answered: d.coverage.answered,
							applicable: d.coverage.applicable
						})
					}
				]
			},
			{
				kind: 'table',
				columns: [
					{ header: t('indicator'), width: 3.2 },
					{ header: t('level'), width: 1.5 },
					{ header: t('target'), width: 1.5 },
					{ header: t('gap'), width: 0.7, align: 'right' },
					{ header: t('note'), width: 3.6 }
				],
				rows
			}
		]);
	});
	return section('domains', t('domains'), [], children);
}

/** Every gap, ranked by the score it would recover. */
export function gapsSection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('gaps')) return null;
	const { t, gaps, noGapsText, section, gapRows, gapColumns } = ctx;
	return section('gaps', t('gaps'), [
		{ kind: 'paragraph', tone: 'note', text: t('gapsIntro') },
		gaps.length
			? { kind: 'table', columns: gapColumns, rows: gapRows(gaps) }
			: { kind: 'paragraph', text: noGapsText }
	]);
}

/** The action plan by who acts: measures with their basis, priority and tracked status. */
export function planSection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('plan')) return null;
	const {
		input,
		assessment,
		t,
		pick,
		num,
		plan,
		levelName,
		actorName,
		title,
		citation,
		caseLine,
		section
	} = ctx;
	const children = plan
		.filter((group) => !input.planActors || input.planActors.includes(group.actorId))
		.map((group) =>
			section(`plan:${group.actorId}`, actorName.get(group.actorId) ?? group.actorId, [
				{
					kind: 'table',
					columns: [
						{ header: t('measure'), width: 4.4 },
						{ header: t('indicator'), width: 2.2 },
						{ header: t('target'), width: 1.2 },
						{ header: t('toLevel'), width: 1.2 },
						{ header: t('basis'), width: 2.4 },
						{ header: t('priority'), width: 1, align: 'right' },
						{ header: t('status'), width: 1.8 }
					],
					rows: group.measures.map((m) => {
						const action = readAction(assessment.actions, m.key, group.actorId);
						const status = [
							t(STATUS_KEYS[action?.status ?? 'open']),
							action?.owner ? `${t('owner')}:${action.owner}` : '',
							action?.due ? `${t('due')}:${action.due}` : ''
						]
							.filter(Boolean)
							.join('\n');
						const basis = [
							...m.cites.map(citation),
							...m.cases.map((c) => `${t('cases')}:${caseLine(c)}`)
						].join('\n');
						return [
							pick(m.text),
							title(m.indicatorId),
							levelName(m.target),
							levelName(m.toLevel),
							basis,
							num(m.priority, 2),
							status
						];
					})
				}
			])
		);
	return section(
		'plan',
		t('plan'),
		[{ kind: 'paragraph', tone: 'note', text: plan.length ? t('planIntro') : t('noMeasures') }],
		children
	);
}
