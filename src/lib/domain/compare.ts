/**
 * Comparison of two assessments of one subject, and the trend over many.
 *
 * When the two assessments use different rubric versions, only indicators present in both are
 * compared: both assessments are re-scored on the shared indicators (with the later rubric's
 * structure and weights) and the compared share is reported. When the later version maps the
 * earlier one (`upgradeFrom`), a renamed indicator counts as shared under its new id; changed,
 * split, merged and removed ones measure something else and are not compared.
 */
import type { Rubric } from '../rubrics/schema';
import type { Assessment } from './assessment';
import { listIndicators } from './rubric-index';
import { upgradePlan } from './upgrade';
import { scoreAssessment, type NodeResult, type ScoreResult } from './scoring';

export interface Delta {
	id: string;
	before: number | null;
	after: number | null;
	/** after − before; null when either side has no score */
	delta: number | null;
	levelBefore: number | null;
	levelAfter: number | null;
}

export interface IndicatorDelta extends Delta {
	domainId: string;
	pillarId: string;
	/** Change in this indicator's contribution (share × score) to the overall score */
	contributionDelta: number;
}

export interface Comparison {
	before: { assessmentId: string; date: string; period: string; rubricVersion: string };
	after: { assessmentId: string; date: string; period: string; rubricVersion: string };
	sameRubricVersion: boolean;
	/** Shared indicator ids / all indicator ids of either rubric (1 when versions are equal) */
	comparedShare: number;
	sharedIndicatorCount: number;
	overall: Delta;
	pillars: Delta[];
	domains: Delta[];
	indicators: IndicatorDelta[];
	/** Indicators whose level changed */
	levelCrossings: { id: string; from: number; to: number }[];
	/** Had a gap before, none after */
	resolvedGaps: string[];
	/** No gap (or unanswered) before, a gap after */
	newGaps: string[];
}

/** A copy of the rubric keeping only the given indicator ids (empty domains and pillars dropped). */
export function restrictRubric(rubric: Rubric, keep: ReadonlySet<string>): Rubric {
	return {
		...rubric,
		pillars: rubric.pillars
			.map((p) => ({
				...p,
				domains: p.domains
					.map((d) => ({ ...d, indicators: d.indicators.filter((i) => keep.has(i.id)) }))
					.filter((d) => d.indicators.length > 0)
			}))
			.filter((p) => p.domains.length > 0)
	};
}

const delta = (id: string, a: NodeResult | undefined, b: NodeResult | undefined): Delta => {
	const before = a?.score ?? null;
	const after = b?.score ?? null;
	return {
		id,
		before,
		after,
		delta: before === null || after === null ? null : after - before,
		levelBefore: a?.level ?? null,
		levelAfter: b?.level ?? null
	};
};

/**
 * The id an indicator of `from` has in `to`: its new id when renamed, its own when kept; an
 * indicator declared changed, split, merged or removed is another indicator (its key says so).
 */
function idIn(from: Rubric, to: Rubric, id: string): string {
	const change = to.upgradeFrom?.from === from.version ? to.upgradeFrom.indicators[id] : undefined;
	if (!change) return id;
	return change.kind === 'renamed' ? change.to[0]! : `${id}@${from.version}`;
}

/** The earlier assessment with the answers of renamed indicators under their new ids. */
function throughMapping(from: Rubric, assessment: Assessment, to: Rubric): Assessment {
	if (from.version === to.version || to.upgradeFrom?.from !== from.version) return assessment;
	const { exact } = upgradePlan(from, to);
	const answers: Assessment['answers'] = {};
	for (const [id, answer] of Object.entries(assessment.answers)) {
		const target = exact.get(id);
		// Declared changes are left out: the same id in the new version measures something else.
		if (target) answers[target] = answer;
	}
	return { ...assessment, answers };
}

export function compareAssessments(
	beforeRubric: Rubric,
	before: Assessment,
	afterRubric: Rubric,
	after: Assessment
): Comparison {
	if (beforeRubric.id !== afterRubric.id)
		throw new Error(
			`cannot compare assessments made with different rubrics (${beforeRubric.id} and ${afterRubric.id})`
		);
	const mapped = throughMapping(beforeRubric, before, afterRubric);
	const idsBefore = new Set(
		listIndicators(beforeRubric).map((e) => idIn(beforeRubric, afterRubric, e.indicator.id))
	);
	const idsAfter = new Set(listIndicators(afterRubric).map((e) => e.indicator.id));
	const shared = new Set([...idsAfter].filter((id) => idsBefore.has(id)));
	const union = new Set([...idsBefore, ...idsAfter]);
	const structure = restrictRubric(afterRubric, shared);

	// Both are scored on the same structure so that every delta compares like with like.
	const a: ScoreResult = scoreAssessment(structure, mapped);
	const b: ScoreResult = scoreAssessment(structure, after);

	const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
	const aPillars = byId(a.pillars);
	const bPillars = byId(b.pillars);
	const aDomains = byId(a.domains);
	const bDomains = byId(b.domains);
	const aInd = byId(a.indicators);

	const pillarIds = [...new Set([...a.pillars, ...b.pillars].map((p) => p.id))];
	const domainIds = [...new Set([...a.domains, ...b.domains].map((d) => d.id))];

	const indicators: IndicatorDelta[] = [];
	const levelCrossings: Comparison['levelCrossings'] = [];
	const resolvedGaps: string[] = [];
	const newGaps: string[] = [];
	const seen = new Set<string>();
	for (const ib of b.indicators) {
		seen.add(ib.id);
		const ia = aInd.get(ib.id);
		const levelBefore = ia?.level ?? null;
		indicators.push({
			id: ib.id,
			domainId: ib.domainId,
			pillarId: ib.pillarId,
			before: ia?.score ?? null,
			after: ib.score,
			delta:
				ia?.score === null || ia?.score === undefined || ib.score === null
					? null
					: ib.score - ia.score,
			levelBefore,
			levelAfter: ib.level,
			contributionDelta: ib.share * (ib.score ?? 0) - (ia ? ia.share * (ia.score ?? 0) : 0)
		});
		if (levelBefore !== null && ib.level !== null && levelBefore !== ib.level)
			levelCrossings.push({ id: ib.id, from: levelBefore, to: ib.level });
		const gapBefore = ia?.gap ?? null;
		if (gapBefore !== null && gapBefore > 0 && ib.gap === 0) resolvedGaps.push(ib.id);
		if ((gapBefore === null || gapBefore === 0) && ib.gap !== null && ib.gap > 0)
			newGaps.push(ib.id);
	}
	// Indicators only in scope before (e.g. the profile changed) still count in the contributions.
	for (const ia of a.indicators)
		if (!seen.has(ia.id))
			indicators.push({
				id: ia.id,
				domainId: ia.domainId,
				pillarId: ia.pillarId,
				before: ia.score,
				after: null,
				delta: null,
				levelBefore: ia.level,
				levelAfter: null,
				contributionDelta: -ia.share * (ia.score ?? 0)
			});

	const meta = (x: Assessment, r: Rubric) => ({
		assessmentId: x.id,
		date: x.date,
		period: x.period,
		rubricVersion: r.version
	});
	return {
		before: meta(before, beforeRubric),
		after: meta(after, afterRubric),
		sameRubricVersion: beforeRubric.version === afterRubric.version,
		comparedShare: union.size === 0 ? 1 : shared.size / union.size,
		sharedIndicatorCount: shared.size,
		overall: delta('overall', a.overall, b.overall),
		pillars: pillarIds.map((id) => delta(id, aPillars.get(id), bPillars.get(id))),
		domains: domainIds.map((id) => delta(id, aDomains.get(id), bDomains.get(id))),
		indicators,
		levelCrossings,
		resolvedGaps,
		newGaps
	};
}

export interface TrendPoint {
	assessmentId: string;
	date: string;
	period: string;
	rubricVersion: string;
	overall: number | null;
	coverage: number;
	pillars: Record<string, number | null>;
	domains: Record<string, number | null>;
}

/** Scores of many assessments of one subject in date order, each on its own rubric version. */
export function buildTrend(items: { rubric: Rubric; assessment: Assessment }[]): TrendPoint[] {
	return [...items]
		.sort(
			(x, y) =>
				x.assessment.date.localeCompare(y.assessment.date) ||
				x.assessment.id.localeCompare(y.assessment.id)
		)
		.map(({ rubric, assessment }) => {
			const s = scoreAssessment(rubric, assessment);
			return {
				assessmentId: assessment.id,
				date: assessment.date,
				period: assessment.period,
				rubricVersion: rubric.version,
				overall: s.overall.score,
				coverage: s.overall.coverage.ratio,
				pillars: Object.fromEntries(s.pillars.map((p) => [p.id, p.score])),
				domains: Object.fromEntries(s.domains.map((d) => [d.id, d.score]))
			};
		});
}
