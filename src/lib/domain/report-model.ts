/**
 * The report model: everything a report says — sections, key figures, tables, chart series and
 * texts — built from the scores, gaps, measures and comparison. Renderers (the PDF, the results
 * page) only draw it, so the browser and the CLI produce the same report from the same code.
 */
import type { GuidelineNode, TypicalCase } from '../rubrics/guideline';
import type { Citation, Rubric, Text } from '../rubrics/schema';
import type { Action, ActionStatus, Assessment } from './assessment';
import { compareAssessments, type TrendPoint } from './compare';
import { planMeasures, rankGaps, type Gap } from './gaps';
import { projectTopGaps } from './projection';
import { reportText, type ReportLocale, type ReportTextKey } from './report-text';
import { citationLabel } from './citation';
import { GLOSSARY, GLOSSARY_ORDER } from './glossary';
import { buildComplianceSection, buildFiguresSection } from './report/compliance';
import { buildCoordinationSection } from './report/coordination';
import { describeProfile, indexIndicators, titleIndex } from './rubric-index';
import { scoreAssessment, type NodeResult } from './scoring';

export type ReportSectionId =
	| 'summary'
	| 'compliance'
	| 'charts'
	| 'domains'
	| 'gaps'
	| 'plan'
	| 'comparison'
	| 'methodology'
	| 'evidence'
	| 'figures';

export const REPORT_SECTIONS: readonly ReportSectionId[] = [
	'summary',
	'compliance',
	'charts',
	'domains',
	'gaps',
	'plan',
	'comparison',
	'methodology',
	'evidence',
	'figures'
];

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
	header: string;
	/** Relative width */
	width: number;
	align?: Align;
}

export interface TableBlock {
	kind: 'table';
	caption?: string;
	columns: TableColumn[];
	rows: string[][];
}

export interface ChartSeries {
	name: string;
	role: 'current' | 'target' | 'previous' | 'line';
	values: (number | null)[];
}

export interface ChartBlock {
	kind: 'chart';
	chart: 'bar' | 'radar' | 'line';
	title: string;
	categories: string[];
	series: ChartSeries[];
	/** Values run from 0 to this (scores: 100) */
	max: number;
	/** The same data as a table, for readers who cannot see the chart */
	table: TableBlock;
}

export type Block =
	| { kind: 'paragraph'; text: string; tone?: 'normal' | 'note' | 'warning' }
	| { kind: 'heading'; text: string }
	| { kind: 'figures'; items: { label: string; value: string; detail?: string }[] }
	| { kind: 'list'; items: string[] }
	| TableBlock
	| ChartBlock;

export interface ReportSection {
	id: ReportSectionId | string;
	title: string;
	blocks: Block[];
	children: ReportSection[];
}

export interface ReportMeta {
	title: string;
	subjectName: string;
	period: string;
	assessor: string;
	date: string;
	generatedOn: string;
	rubricTitle: string;
	rubricId: string;
	rubricVersion: string;
	preparedBy?: string;
	language: string;
	/** Cover lines: label and value, in order */
	cover: { label: string; value: string }[];
}

export interface ReportModel {
	locale: ReportLocale;
	meta: ReportMeta;
	sections: ReportSection[];
	/** Labels renderers need for page furniture */
	furniture: { contents: string; pageOf: string };
}

export interface ReportCatalog {
	nodes: ReadonlyMap<string, GuidelineNode>;
	cases: ReadonlyMap<string, TypicalCase>;
}

export interface ReportInput {
	rubric: Rubric;
	assessment: Assessment;
	/** An earlier assessment of the same subject, with its rubric */
	previous?: { rubric: Rubric; assessment: Assessment };
	/** Earlier assessments for the trend chart (any order; the current one is added) */
	history?: { rubric: Rubric; assessment: Assessment }[];
	catalog: ReportCatalog;
	locale: ReportLocale;
	/** The date the report is produced (YYYY-MM-DD); passed in, never read from a clock */
	generatedOn: string;
	sections?: readonly ReportSectionId[];
	preparedBy?: string;
	/** How many top gaps the summary lists */
	topGapCount?: number;
}

const STATUS_KEYS: Record<ActionStatus, ReportTextKey> = {
	open: 'statusOpen',
	planned: 'statusPlanned',
	'in-progress': 'statusInProgress',
	done: 'statusDone'
};

export function buildReportModel(input: ReportInput): ReportModel {
	const { rubric, assessment, catalog, locale } = input;
	const t = (key: ReportTextKey, params?: Record<string, string | number>) =>
		reportText(locale, key, params);
	const pick = (text: Text) => text[locale];
	const num = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
	const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
	const include = new Set(input.sections ?? REPORT_SECTIONS);

	const scores = scoreAssessment(rubric, assessment);
	const gaps = rankGaps(rubric, assessment, scores);
	const plan = planMeasures(gaps);
	const index = indexIndicators(rubric);
	const levelName = (level: number | null) =>
		level === null ? '—' : `${level} ${pick(rubric.scale[level]!.name)}`;
	const actorName = new Map(rubric.actors.map((a) => [a.id, pick(a.name)]));
	const titles = titleIndex(rubric, locale);
	const title = (id: string) => titles.get(id) ?? id;
	const responsibleLabel =
		rubric.audience === 'city' ? t('responsible') : t('responsibleEnterprise');
	const citation = (c: Citation) => citationLabel(c, rubric, catalog.nodes, locale);
	const caseLine = (id: string) => {
		const k = catalog.cases.get(id);
		if (!k) return id;
		return locale === 'zh' ? k.title : `${k.title_en} (${k.place_en})`;
	};

	// "Every answered indicator meets its target" would mislead when nothing is answered.
	const noGapsText = scores.overall.coverage.answered === 0 ? t('noAnswers') : t('noGaps');
	const sections: ReportSection[] = [];
	const section = (
		id: string,
		sectionTitle: string,
		blocks: Block[],
		children: ReportSection[] = []
	) => ({
		id,
		title: sectionTitle,
		blocks,
		children
	});
	const scoreRow = (id: string, r: NodeResult) => [
		id === 'overall' ? t('all') : title(id),
		num(r.score),
		levelName(r.level),
		num(r.targetScore),
		`${r.coverage.answered}/${r.coverage.applicable}`
	];
	const scoreColumns: TableColumn[] = [
		{ header: '', width: 4 },
		{ header: t('overallScore'), width: 1.4, align: 'right' },
		{ header: t('maturity'), width: 1.8 },
		{ header: t('targetScore'), width: 1.4, align: 'right' },
		{ header: t('coverage'), width: 1.2, align: 'right' }
	];

	const gapRows = (list: Gap[], offset = 0) =>
		list.map((g, i) => [
			String(offset + i + 1),
			title(g.indicatorId),
			title(g.domainId),
			levelName(g.current),
			levelName(g.target),
			String(g.gap),
			num(g.priority, 2),
			g.responsible.map((a) => actorName.get(a) ?? a).join('、')
		]);
	const gapColumns: TableColumn[] = [
		{ header: t('rank'), width: 0.6, align: 'right' },
		{ header: t('indicator'), width: 4 },
		{ header: t('domain'), width: 2.4 },
		{ header: t('level'), width: 1.6 },
		{ header: t('target'), width: 1.6 },
		{ header: t('gap'), width: 0.8, align: 'right' },
		{ header: t('priority'), width: 1.2, align: 'right' },
		{ header: responsibleLabel, width: 2.6 }
	];

	// Summary
	if (include.has('summary')) {
		const o = scores.overall;
		const blocks: Block[] = [
			{
				kind: 'figures',
				items: [
					{ label: t('overallScore'), value: num(o.score), detail: `/ 100` },
					{ label: t('maturity'), value: levelName(o.level) },
					{
						label: t('coverage'),
						value: pct(o.coverage.ratio),
						detail: t('coverageDetail', {
							answered: o.coverage.answered,
							applicable: o.coverage.applicable
						})
					},
					{ label: t('targetScore'), value: num(o.targetScore) }
				]
			}
		];
		if (o.provisional)
			blocks.push({
				kind: 'paragraph',
				tone: 'warning',
				text: t('provisional', { missing: o.coverage.applicable - o.coverage.answered })
			});
		blocks.push({ kind: 'heading', text: t('pillarScores') });
		blocks.push({
			kind: 'table',
			columns: scoreColumns,
			rows: [...scores.pillars.map((p) => scoreRow(p.id, p)), scoreRow('overall', o)]
		});
		const topCount = input.topGapCount ?? 5;
		blocks.push({ kind: 'heading', text: t('topGaps') });
		if (gaps.length === 0) blocks.push({ kind: 'paragraph', text: noGapsText });
		else {
			blocks.push({ kind: 'table', columns: gapColumns, rows: gapRows(gaps.slice(0, topCount)) });
			const projection = projectTopGaps(scores, gaps, topCount);
			if (projection)
				blocks.push({
					kind: 'paragraph',
					tone: projection.provisional ? 'warning' : 'note',
					text: t(projection.provisional ? 'closingTopGapsProvisional' : 'closingTopGaps', {
						n: projection.closed,
						from: num(projection.from),
						to: num(projection.to),
						answered: projection.coverage.answered,
						applicable: projection.coverage.applicable
					})
				});
		}
		if (assessment.narrative?.trim()) {
			blocks.push({ kind: 'heading', text: t('narrative') });
			for (const para of assessment.narrative.split(/\n\s*\n/))
				if (para.trim()) blocks.push({ kind: 'paragraph', text: para.trim() });
		}
		sections.push(section('summary', t('summary'), blocks));
	}

	// Legal duties right after the summary, apart from the maturity score.
	const compliance = include.has('compliance')
		? buildComplianceSection(rubric, assessment, locale)
		: null;
	if (compliance) sections.push(compliance);

	// Charts
	if (include.has('charts')) {
		const chart = (
			chartTitle: string,
			kind: ChartBlock['chart'],
			nodes: NodeResult[]
		): ChartBlock => {
			const categories = nodes.map((n) => title(n.id));
			return {
				kind: 'chart',
				chart: kind,
				title: chartTitle,
				categories,
				max: 100,
				series: [
					{ name: t('current'), role: 'current', values: nodes.map((n) => n.score) },
					{ name: t('targetSeries'), role: 'target', values: nodes.map((n) => n.targetScore) }
				],
				table: {
					kind: 'table',
					caption: chartTitle,
					columns: [
						{ header: '', width: 4 },
						{ header: t('current'), width: 1, align: 'right' },
						{ header: t('targetSeries'), width: 1, align: 'right' }
					],
					rows: nodes.map((n, i) => [categories[i]!, num(n.score), num(n.targetScore)])
				}
			};
		};
		// A radar only where there are few axes (the four pillars); bars for the domains.
		const blocks: Block[] = [
			chart(t('chartPillars'), scores.pillars.length >= 3 ? 'radar' : 'bar', scores.pillars),
			chart(t('chartDomains'), 'bar', scores.domains)
		];
		const history = [...(input.history ?? [])];
		if (input.previous && !history.some((h) => h.assessment.id === input.previous!.assessment.id))
			history.push(input.previous);
		if (history.length > 0) {
			const points = [...history, { rubric, assessment }]
				.map((h) => ({ h, s: scoreAssessment(h.rubric, h.assessment) }))
				.sort((a, b) => a.h.assessment.date.localeCompare(b.h.assessment.date));
			const categories = points.map((p) => p.h.assessment.period || p.h.assessment.date);
			const series: ChartSeries[] = [
				{ name: t('all'), role: 'line', values: points.map((p) => p.s.overall.score) },
				...scores.pillars.map((pillar) => ({
					name: title(pillar.id),
					role: 'line' as const,
					values: points.map((p) => p.s.pillars.find((x) => x.id === pillar.id)?.score ?? null)
				}))
			];
			blocks.push({
				kind: 'chart',
				chart: 'line',
				title: t('chartTrend'),
				categories,
				max: 100,
				series,
				table: {
					kind: 'table',
					caption: t('chartTrend'),
					columns: [
						{ header: '', width: 3 },
						...categories.map((c) => ({ header: c, width: 1, align: 'right' as const }))
					],
					rows: series.map((s) => [s.name, ...s.values.map((v) => num(v))])
				}
			});
		}
		sections.push(section('charts', t('charts'), blocks));
	}

	// Domains
	if (include.has('domains')) {
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
		sections.push(section('domains', t('domains'), [], children));
	}

	// Gaps
	if (include.has('gaps'))
		sections.push(
			section('gaps', t('gaps'), [
				{ kind: 'paragraph', tone: 'note', text: t('gapsIntro') },
				gaps.length
					? { kind: 'table', columns: gapColumns, rows: gapRows(gaps) }
					: { kind: 'paragraph', text: noGapsText }
			])
		);

	// Action plan
	if (include.has('plan')) {
		const actions: Record<string, Action> = assessment.actions ?? {};
		const children = plan.map((group) =>
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
						const action = actions[m.key];
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
		sections.push(
			section(
				'plan',
				t('plan'),
				[{ kind: 'paragraph', tone: 'note', text: plan.length ? t('planIntro') : t('noMeasures') }],
				children
			)
		);
	}

	// Comparison
	if (include.has('comparison') && input.previous) {
		const c = compareAssessments(
			input.previous.rubric,
			input.previous.assessment,
			rubric,
			assessment
		);
		const blocks: Block[] = [
			{
				kind: 'paragraph',
				text: t('comparedWith', {
					period: input.previous.assessment.period || input.previous.assessment.date,
					date: input.previous.assessment.date
				})
			}
		];
		if (!c.sameRubricVersion)
			blocks.push({
				kind: 'paragraph',
				tone: 'warning',
				text: t('versionNote', {
					before: c.before.rubricVersion,
					after: c.after.rubricVersion,
					count: c.sharedIndicatorCount,
					share: pct(c.comparedShare)
				})
			});
		const deltaText = (d: number | null) =>
			d === null ? '—' : `${d >= 0 ? '+' : ''}${d.toFixed(1)}`;
		blocks.push({
			kind: 'table',
			columns: [
				{ header: '', width: 4 },
				{ header: t('before'), width: 1.2, align: 'right' },
				{ header: t('after'), width: 1.2, align: 'right' },
				{ header: t('delta'), width: 1.2, align: 'right' }
			],
			rows: [c.overall, ...c.pillars, ...c.domains].map((d) => [
				d.id === 'overall' ? t('all') : title(d.id),
				num(d.before),
				num(d.after),
				deltaText(d.delta)
			])
		});
		blocks.push({ kind: 'paragraph', text: t('levelChanges', { n: c.levelCrossings.length }) });
		blocks.push({ kind: 'heading', text: t('resolvedGaps') });
		blocks.push(
			c.resolvedGaps.length
				? { kind: 'list', items: c.resolvedGaps.map(title) }
				: { kind: 'paragraph', text: t('none') }
		);
		blocks.push({ kind: 'heading', text: t('newGaps') });
		blocks.push(
			c.newGaps.length
				? { kind: 'list', items: c.newGaps.map(title) }
				: { kind: 'paragraph', text: t('none') }
		);
		sections.push(section('comparison', t('comparison'), blocks));
	}

	// Methodology
	if (include.has('methodology'))
		sections.push(
			section('methodology', t('methodology'), [
				{ kind: 'paragraph', text: t('rubricVersion', { id: rubric.id, version: rubric.version }) },
				{
					kind: 'list',
					items: [
						t('methodScore'),
						t('methodNotApplicable'),
						t('methodCoverage'),
						t('methodMaturity'),
						t('methodGap'),
						t('methodTargets')
					]
				},
				{ kind: 'heading', text: t('glossaryTitle') },
				{
					kind: 'table',
					columns: [
						{ header: t('glossaryTerm'), width: 1.6 },
						{ header: t('glossaryDefinition'), width: 6 }
					],
					rows: GLOSSARY_ORDER.map((key) => [
						pick(GLOSSARY[key].term),
						pick(GLOSSARY[key].definition)
					])
				},
				{ kind: 'heading', text: t('scaleTitle') },
				{
					kind: 'table',
					columns: [
						{ header: t('level'), width: 1.4 },
						{ header: '', width: 6 }
					],
					rows: rubric.scale.map((s) => [levelName(s.level), pick(s.meaning)])
				},
				{ kind: 'heading', text: t('sources') },
				{
					kind: 'list',
					items: rubric.sources.map((s) =>
						[pick(s.title), s.reference, s.year ? String(s.year) : ''].filter(Boolean).join(' ')
					)
				}
			])
		);

	// Evidence
	if (include.has('evidence')) {
		const rows = scores.indicators.flatMap((i) =>
			(assessment.answers[i.id]?.evidence ?? []).map((e) => [
				title(i.id),
				e.title,
				e.kind === 'link' ? t('evidenceKindLink') : t('evidenceKindFile'),
				e.kind === 'link' ? (e.url ?? '') : (e.fileName ?? '')
			])
		);
		sections.push(
			section('evidence', t('evidence'), [
				rows.length
					? {
							kind: 'table',
							columns: [
								{ header: t('indicator'), width: 3 },
								{ header: t('title'), width: 3 },
								{ header: t('kind'), width: 1 },
								{ header: t('location'), width: 3 }
							],
							rows
						}
					: { kind: 'paragraph', text: t('noEvidence') }
			])
		);
	}

	const figures = include.has('figures') ? buildFiguresSection(rubric, assessment, locale) : null;
	if (figures) sections.push(figures);
	// A coordinated assessment's record (provenance, sign-off, change log) is always appended.
	const coordination = buildCoordinationSection(rubric, assessment, locale);
	if (coordination) sections.push(coordination);

	const profileText = describeProfile(rubric, assessment.profile, locale);
	const reportTitle = rubric.audience === 'city' ? t('reportTitle') : t('reportTitleEnterprise');
	const cover = [
		{ label: t('subject'), value: assessment.subject.name },
		{ label: t('period'), value: assessment.period },
		{ label: t('profile'), value: profileText },
		{ label: t('rubric'), value: `${pick(rubric.title)} v${rubric.version}` },
		{ label: t('mode'), value: assessment.mode === 'quick' ? t('modeQuick') : t('modeFull') },
		{ label: t('assessor'), value: assessment.assessor },
		{ label: t('preparedBy'), value: input.preparedBy ?? '' },
		{ label: t('date'), value: assessment.date },
		{ label: t('generatedOn'), value: input.generatedOn }
	].filter((line) => line.value.trim() !== '');

	return {
		locale,
		meta: {
			title: reportTitle,
			subjectName: assessment.subject.name,
			period: assessment.period,
			assessor: assessment.assessor,
			date: assessment.date,
			generatedOn: input.generatedOn,
			rubricTitle: pick(rubric.title),
			rubricId: rubric.id,
			rubricVersion: rubric.version,
			preparedBy: input.preparedBy,
			language: locale === 'zh' ? 'zh-CN' : 'en',
			cover
		},
		sections,
		furniture: { contents: t('contents'), pageOf: reportText(locale, 'pageOf') }
	};
}

/**
 * Trend charts over many assessments of one subject: overall and pillars in one chart, domains in
 * another, each with its data table. Points are in date order, each scored on its own rubric.
 */
export function buildTrendCharts(
	trend: TrendPoint[],
	rubric: Rubric,
	locale: ReportLocale
): { pillars: ChartBlock; domains: ChartBlock } {
	const pick = (text: Text) => text[locale];
	const categories = trend.map((p) => p.period || p.date);
	const num = (n: number | null) => (n === null ? '—' : n.toFixed(1));
	const block = (title: string, series: ChartSeries[]): ChartBlock => ({
		kind: 'chart',
		chart: 'line',
		title,
		categories,
		max: 100,
		series,
		table: {
			kind: 'table',
			caption: title,
			columns: [
				{ header: '', width: 3 },
				...categories.map((c) => ({ header: c, width: 1, align: 'right' as const }))
			],
			rows: series.map((s) => [s.name, ...s.values.map(num)])
		}
	});
	const pillars = block(reportText(locale, 'chartTrend'), [
		{ name: reportText(locale, 'all'), role: 'line', values: trend.map((p) => p.overall) },
		...rubric.pillars.map((p) => ({
			name: pick(p.title),
			role: 'line' as const,
			values: trend.map((x) => x.pillars[p.id] ?? null)
		}))
	]);
	const domains = block(
		reportText(locale, 'domains'),
		rubric.pillars.flatMap((p) =>
			p.domains.map((d) => ({
				name: pick(d.title),
				role: 'line' as const,
				values: trend.map((x) => x.domains[d.id] ?? null)
			}))
		)
	);
	return { pillars, domains };
}
