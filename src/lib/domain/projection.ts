/**
 * "Closing the top gaps would raise the score from A to B", said honestly: below full coverage
 * the projection rests on the answered indicators only, and every answer still to come can move
 * both numbers, so such a projection carries a provisional mark and the coverage behind it.
 */
import { isComplete, type AnswerCounts } from './answer-counts';
import { projectClosingTopGaps, type Gap } from './gaps';
import type { ScoreResult } from './scoring';

export interface Projection {
	/** How many gaps are closed (at most n) */
	closed: number;
	from: number;
	to: number;
	/** Below full coverage: the projection may change with every further answer */
	provisional: boolean;
	coverage: AnswerCounts;
}

export function projectTopGaps(scores: ScoreResult, gaps: Gap[], n: number): Projection | null {
	const to = projectClosingTopGaps(scores, gaps, n);
	const from = scores.overall.score;
	if (to === null || from === null || gaps.length === 0) return null;
	return {
		closed: Math.min(n, gaps.length),
		from,
		to,
		provisional: !isComplete(scores.overall.coverage),
		coverage: scores.overall.coverage
	};
}
