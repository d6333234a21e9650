/**
 * Gap analysis and recommended measures.
 *
 * priority = the overall-score points that closing the gap would recover
 *          = indicator share × gap / maxLevel × 100,
 * so with every indicator answered and every target at the top level, the priorities add up to
 * 100 − overall.
 */
import type { Citation, Measure, Rubric, Text } from '../rubrics/schema';
import type { Assessment } from './assessment';
import { indexIndicators } from './rubric-index';
import { scoreAssessment, type IndicatorResult, type ScoreResult } from './scoring';

export interface RecommendedMeasure {
	/** Key of the tracked status: the measure's id, or `<indicatorId>:<toLevel>:<n>` (1.0 measures) */
	key: string;
	indicatorId: string;
	/** The level this measure leads to: a step on the way, not necessarily the target */
	toLevel: number;
	/** The indicator's target level (what the plan shows as its target) */
	target: number;
	text: Text;
	actors: string[];
	cites: Citation[];
	cases: string[];
	/** The priority of the gap this measure helps close */
	priority: number;
}

export interface Gap {
	indicatorId: string;
	domainId: string;
	pillarId: string;
	current: number;
	target: number;
	gap: number;
	/** Overall-score points recovered by closing this gap */
	priority: number;
	responsible: string[];
	measures: RecommendedMeasure[];
}

/**
 * A measure's stable id (from rubric 1.1.0), so a status survives a version that reorders
 * measures; 1.0 measures have none and keep the key by position they were tracked by.
 */
export function measureKey(indicatorId: string, measure: Measure, indexAtLevel: number): string {
	return measure.id ?? legacyMeasureKey(indicatorId, measure.toLevel, indexAtLevel);
}

export const legacyMeasureKey = (indicatorId: string, toLevel: number, indexAtLevel: number) =>
	`${indicatorId}:${toLevel}:${indexAtLevel}`;

/** Every measure of an indicator with its key, in rubric order. */
export function keyedMeasures(indicatorId: string, measures: Measure[]) {
	const perLevel = new Map<number, number>();
	return measures.map((m) => {
		const n = perLevel.get(m.toLevel) ?? 0;
		perLevel.set(m.toLevel, n + 1);
		return {
			key: measureKey(indicatorId, m, n),
			legacyKey: legacyMeasureKey(indicatorId, m.toLevel, n),
			measure: m
		};
	});
}

/** Points of the overall score an answered indicator would gain by moving from its level to `to`. */
export function recoverablePoints(result: IndicatorResult, to: number, maxLevel: number): number {
	if (result.level === null || to <= result.level) return 0;
	return (result.share * (to - result.level) * 100) / maxLevel;
}

/** Gaps of answered indicators, largest priority first (ties: larger gap, then rubric order). */
export function rankGaps(rubric: Rubric, assessment: Assessment, scores?: ScoreResult): Gap[] {
	const result = scores ?? scoreAssessment(rubric, assessment);
	const index = indexIndicators(rubric);
	const order = new Map(result.indicators.map((r, i) => [r.id, i]));
	const gaps: Gap[] = [];
	for (const r of result.indicators) {
		if (r.level === null || r.gap === null || r.gap === 0) continue;
		const { indicator } = index.get(r.id)!;
		const priority = recoverablePoints(r, r.target, result.maxLevel);
		const perLevel = new Map<number, number>();
		const measures = indicator.measures.flatMap((m) => {
			const n = perLevel.get(m.toLevel) ?? 0;
			perLevel.set(m.toLevel, n + 1);
			if (m.toLevel <= r.level! || m.toLevel > r.target) return [];
			return [
				{
					key: measureKey(r.id, m, n),
					indicatorId: r.id,
					toLevel: m.toLevel,
					target: r.target,
					text: m.text,
					actors: m.actors ?? indicator.responsible,
					cites: m.cites,
					cases: m.cases,
					priority
				}
			];
		});
		gaps.push({
			indicatorId: r.id,
			domainId: r.domainId,
			pillarId: r.pillarId,
			current: r.level,
			target: r.target,
			gap: r.gap,
			priority,
			responsible: indicator.responsible,
			measures
		});
	}
	return gaps.sort(
		(a, b) =>
			b.priority - a.priority ||
			b.gap - a.gap ||
			order.get(a.indicatorId)! - order.get(b.indicatorId)!
	);
}

export interface ActorPlan {
	actorId: string;
	measures: RecommendedMeasure[];
	/** Sum of the distinct gap priorities this actor's measures address */
	priority: number;
}

/**
 * Measures grouped by who acts, each group ordered by priority. A measure naming several actors
 * appears under each; identical measure texts for one actor are listed once (highest priority).
 */
export function planMeasures(gaps: Gap[]): ActorPlan[] {
	const byActor = new Map<string, Map<string, RecommendedMeasure>>();
	for (const gap of gaps)
		for (const m of gap.measures)
			for (const actor of m.actors) {
				const list = byActor.get(actor) ?? new Map<string, RecommendedMeasure>();
				const dedupeKey = m.text.zh;
				const existing = list.get(dedupeKey);
				if (!existing || existing.priority < m.priority) list.set(dedupeKey, m);
				byActor.set(actor, list);
			}
	const plans = [...byActor.entries()].map(([actorId, measures]) => {
		const sorted = [...measures.values()].sort(
			(a, b) => b.priority - a.priority || a.toLevel - b.toLevel
		);
		const indicators = new Map(sorted.map((m) => [m.indicatorId, m.priority]));
		return {
			actorId,
			measures: sorted,
			priority: [...indicators.values()].reduce((s, p) => s + p, 0)
		};
	});
	return plans.sort((a, b) => b.priority - a.priority || a.actorId.localeCompare(b.actorId));
}

/** What the overall score would be if the top `n` gaps were closed (every other answer as is). */
export function projectClosingTopGaps(scores: ScoreResult, gaps: Gap[], n: number): number | null {
	if (scores.overall.score === null) return null;
	return scores.overall.score + gaps.slice(0, n).reduce((sum, g) => sum + g.priority, 0);
}
