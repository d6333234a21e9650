/**
 * The closing sections of the report model: comparison, methodology and evidence.
 */
import { compareAssessments } from '../compare';
import { GLOSSARY, GLOSSARY_ORDER } from '../glossary';
import type { Block, ReportSection } from './model-types';
import type { ReportContext } from './context';

/** The comparison with an earlier assessment: deltas, level changes, closed and new gaps. */
export function comparisonSection(ctx: ReportContext): ReportSection | null {
	const previous = ctx.input.previous;
	if (!ctx.include.has('comparison') || !previous) return null;
	const { rubric, assessment, t, num, pct, title, section } = ctx;
	const c = compareAssessments(previous.rubric, previous.assessment, rubric, assessment);
	const blocks: Block[] = [
		{
			kind: 'paragraph',
			text: t('comparedWith', {
				period: previous.assessment.period || previous.assessment.date,
				date: previous.assessment.date
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
	return section('comparison', t('comparison'), blocks);
}

/** How the scores are computed, the glossary, the scale and the sources. */
export function methodologySection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('methodology')) return null;
	const { rubric, t, pick, levelName, section } = ctx;
	return section('methodology', t('methodology'), [
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
			rows: GLOSSARY_ORDER.map((key) => [pick(GLOSSARY[key].term), pick(GLOSSARY[key].definition)])
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
	]);
}

/** The evidence listed per indicator. */
export function evidenceSection(ctx: ReportContext): ReportSection | null {
	if (!ctx.include.has('evidence')) return null;
	const { assessment, t, scores, title, section } = ctx;
	const rows = scores.indicators.flatMap((i) =>
		(assessment.answers[i.id]?.evidence ?? []).map((e) => [
			title(i.id),
			e.title,
			e.kind === 'link' ? t('evidenceKindLink') : t('evidenceKindFile'),
			e.kind === 'link' ? (e.url ?? '') : (e.fileName ?? '')
		])
	);
	return section('evidence', t('evidence'), [
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
	]);
}
