/**
 * Scoring (README "How scores are computed"):
 * - indicator score = 100 × level / maxLevel;
 * - domain, pillar and overall scores are weighted means over the children that have a score;
 *   not-applicable indicators are excluded and their weight is redistributed;
 * - unanswered indicators are excluded from the score and reported as coverage
 *   (answered / applicable); any result below full coverage is provisional;
 * - each answered indicator's `share` is its effective weight in the overall score, so that
 *   overall = Σ share × score.
 */
import type { Rubric } from '../rubrics/schema';
import type { Assessment } from './assessment';
import { countStatuses, statusOf, type AnswerCounts, type IndicatorStatus } from './answer-counts';
import { defaultTarget, isInScope, listIndicators, maxLevelOf } from './rubric-index';

export type { IndicatorStatus };

export interface IndicatorResult {
	id: string;
	domainId: string;
	pillarId: string;
	status: IndicatorStatus;
	level: number | null;
	/** 0–100, null unless answered */
	score: number | null;
	/** 100 × target / maxLevel, null unless answered (so it averages over the same indicators) */
	targetScore: number | null;
	/** The target in force: the answer's own, else the profile default */
	target: number;
	targetIsDefault: boolean;
	/** max(0, target − level); null unless answered */
	gap: number | null;
	weight: number;
	/** Effective share of the overall score (0–1); 0 unless answered */
	share: number;
}

/** Counted by the shared rule of answer-counts.ts, as everywhere else in the app */
export type Coverage = AnswerCounts;

export interface NodeResult {
	id: string;
	/** null when none of its indicators is answered */
	score: number | null;
	/** The maturity level reached (see maturityLevel); null without a score */
	level: number | null;
	/** The same weighted mean over the answered indicators' targets: the score the targets imply */
	targetScore: number | null;
	weight: number;
	coverage: Coverage;
	provisional: boolean;
	/** Effective share of the overall score (0–1) */
	share: number;
}

export interface DomainResult extends NodeResult {
	pillarId: string;
}

export interface PillarResult extends NodeResult {
	domainIds: string[];
}

export interface ScoreResult {
	rubric: { id: string; version: string };
	maxLevel: number;
	overall: NodeResult;
	pillars: PillarResult[];
	domains: DomainResult[];
	indicators: IndicatorResult[];
}

/**
 * The maturity level a score reaches: the highest scale level L with 100 × L / maxLevel ≤ score.
 * A domain scoring 62.5 on a 0–4 scale has reached level 2 (50) but not level 3 (75).
 */
export function maturityLevel(score: number | null, maxLevel: number): number | null {
	if (score === null) return null;
	// The small tolerance keeps 75.00000000001-style rounding from dropping a level.
	return Math.min(maxLevel, Math.floor((score * maxLevel) / 100 + 1e-9));
}

interface Weighted {
	score: number | null;
	weight: number;
}

/** Weighted mean over children with a score; returns each child's normalised share too. */
function weightedMean(children: Weighted[]): { score: number | null; shares: number[] } {
	const total = children.reduce((sum, c) => (c.score === null ? sum : sum + c.weight), 0);
	if (total === 0) return { score: null, shares: children.map(() => 0) };
	const shares = children.map((c) => (c.score === null ? 0 : c.weight / total));
	const score = children.reduce((sum, c, i) => sum + (c.score ?? 0) * shares[i]!, 0);
	return { score, shares };
}

export function scoreAssessment(rubric: Rubric, assessment: Assessment): ScoreResult {
	const maxLevel = maxLevelOf(rubric);
	const entries = listIndicators(rubric).filter((e) =>
		isInScope(e, assessment.profile, assessment.mode)
	);

	const indicators: IndicatorResult[] = entries.map(({ indicator, domain, pillar }) => {
		const answer = assessment.answers[indicator.id];
		const status = statusOf(indicator, answer);
		const level = status === 'answered' ? (answer?.level ?? null) : null;
		const ownTarget = answer?.target ?? null;
		const target = Math.min(
			ownTarget ?? defaultTarget(rubric, indicator, assessment.profile),
			maxLevel
		);
		return {
			id: indicator.id,
			domainId: domain.id,
			pillarId: pillar.id,
			status,
			level,
			score: level === null ? null : (100 * level) / maxLevel,
			targetScore: level === null ? null : (100 * target) / maxLevel,
			target,
			targetIsDefault: ownTarget === null,
			gap: level === null ? null : Math.max(0, target - level),
			weight: indicator.weight,
			share: 0
		};
	});

	const count = (list: IndicatorResult[]) => countStatuses(list.map((i) => i.status));

	const domains: DomainResult[] = [];
	const pillars: PillarResult[] = [];
	const domainShares = new Map<string, number[]>();

	for (const pillar of rubric.pillars) {
		const pillarDomains: DomainResult[] = [];
		for (const domain of pillar.domains) {
			const own = indicators.filter((i) => i.domainId === domain.id);
			if (own.length === 0) continue; // out of scope for this profile or mode
			const { score, shares } = weightedMean(own);
			const targetScore = weightedMean(
				own.map((i) => ({ score: i.targetScore, weight: i.weight }))
			).score;
			domainShares.set(domain.id, shares);
			const coverage = count(own);
			pillarDomains.push({
				id: domain.id,
				pillarId: pillar.id,
				score,
				level: maturityLevel(score, maxLevel),
				targetScore,
				weight: domain.weight,
				coverage,
				provisional: coverage.ratio < 1,
				share: 0
			});
		}
		if (pillarDomains.length === 0) continue;
		const { score } = weightedMean(pillarDomains);
		const targetScore = weightedMean(
			pillarDomains.map((d) => ({ score: d.targetScore, weight: d.weight }))
		).score;
		const coverage = count(indicators.filter((i) => i.pillarId === pillar.id));
		domains.push(...pillarDomains);
		pillars.push({
			id: pillar.id,
			domainIds: pillarDomains.map((d) => d.id),
			score,
			level: maturityLevel(score, maxLevel),
			targetScore,
			weight: pillar.weight,
			coverage,
			provisional: coverage.ratio < 1,
			share: 0
		});
	}

	const overallMean = weightedMean(pillars);
	const overallCoverage = count(indicators);
	const overall: NodeResult = {
		id: 'overall',
		score: overallMean.score,
		level: maturityLevel(overallMean.score, maxLevel),
		targetScore: weightedMean(pillars.map((p) => ({ score: p.targetScore, weight: p.weight })))
			.score,
		weight: 1,
		coverage: overallCoverage,
		provisional: overallCoverage.ratio < 1,
		share: overallMean.score === null ? 0 : 1
	};

	// Effective shares, top-down: pillar share × domain share × indicator share.
	pillars.forEach((pillar, pi) => {
		pillar.share = overallMean.shares[pi]!;
		const own = domains.filter((d) => d.pillarId === pillar.id);
		const { shares } = weightedMean(own);
		own.forEach((domain, di) => {
			domain.share = pillar.share * shares[di]!;
			const inDomain = indicators.filter((i) => i.domainId === domain.id);
			const indicatorShares = domainShares.get(domain.id)!;
			inDomain.forEach((ind, ii) => (ind.share = domain.share * indicatorShares[ii]!));
		});
	});

	return {
		rubric: { id: rubric.id, version: rubric.version },
		maxLevel,
		overall,
		pillars,
		domains,
		indicators
	};
}
