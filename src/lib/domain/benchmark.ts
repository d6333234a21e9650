/**
 * Portfolio benchmark: how one subject's domain scores stand among comparable subjects on this
 * device (same rubric; the caller chooses which profile answers make subjects comparable).
 * Each subject counts once, with its latest assessment.
 */
export interface PortfolioEntry {
	subjectId: string;
	name: string;
	overall: number | null;
	domains: Record<string, number | null>;
}

export interface Distribution {
	count: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

export interface Standing {
	id: string;
	distribution: Distribution | null;
	/** The subject's score, null when it has none for this domain */
	score: number | null;
	/** 1 = best; ties share the better rank ("1224" standard competition ranking) */
	rank: number | null;
	/** How many other subjects have exactly the same score */
	tiedWith: number;
	/**
	 * Mid-rank percentile among the others, 0–100: those scoring lower count fully, those tied
	 * count half, so two equal subjects both stand at 50, not at 0.
	 */
	percentile: number | null;
}

export interface BenchmarkResult {
	subjectId: string;
	peers: number;
	overall: Standing;
	domains: Standing[];
	/** Peers in rank order by overall score, names hidden on request */
	ranking: {
		label: string;
		overall: number | null;
		isSubject: boolean;
		/** Shared by equal scores; null without a score */
		rank: number | null;
		tied: boolean;
	}[];
}

/** Quantile by linear interpolation between closest ranks (the common "type 7" definition). */
export function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) throw new Error('quantile of an empty list');
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function distributionOf(values: number[]): Distribution | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return {
		count: sorted.length,
		min: sorted[0]!,
		q1: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		q3: quantile(sorted, 0.75),
		max: sorted[sorted.length - 1]!
	};
}

/** A score's place among scores (its own included once): shared rank and ties. */
export function rankAmong(score: number, values: readonly number[]) {
	const higher = values.filter((v) => v > score).length;
	const lower = values.filter((v) => v < score).length;
	const tiedWith = Math.max(0, values.length - higher - lower - 1);
	return { rank: higher + 1, lower, tiedWith };
}

/** How many of the ascending `sorted` values are below `score` (lower) and not above it. */
function countsAround(sorted: readonly number[], score: number) {
	const firstAtLeast = (strict: boolean) => {
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (strict ? sorted[mid]! <= score : sorted[mid]! < score) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	return { lower: firstAtLeast(false), notAbove: firstAtLeast(true) };
}

/**
 * rankAmong for every score of a portfolio at once: the same numbers by binary search, since
 * thousands of peers each counted against all others would block the page.
 */
function ranker(values: readonly number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	return (score: number) => {
		const { lower, notAbove } = countsAround(sorted, score);
		const higher = sorted.length - notAbove;
		return { rank: higher + 1, lower, tiedWith: Math.max(0, sorted.length - higher - lower - 1) };
	};
}

function standing(id: string, score: number | null, all: (number | null)[]): Standing {
	const values = all.filter((v): v is number => v !== null);
	const distribution = distributionOf(values);
	if (score === null) return { id, distribution, score, rank: null, tiedWith: 0, percentile: null };
	const { rank, lower, tiedWith } = rankAmong(score, values);
	const others = values.length - 1;
	return {
		id,
		distribution,
		score,
		rank,
		tiedWith,
		percentile: others <= 0 ? null : (100 * (lower + tiedWith / 2)) / others
	};
}

export function benchmarkPortfolio(
	entries: PortfolioEntry[],
	subjectId: string,
	domainIds: string[],
	options: { hideNames: boolean; anonymousLabel: (n: number) => string }
): BenchmarkResult {
	const subject = entries.find((e) => e.subjectId === subjectId);
	if (!subject) throw new Error(`subject ${subjectId} is not in the portfolio`);
	const placeOf = ranker(entries.map((e) => e.overall).filter((v): v is number => v !== null));
	const ranked = [...entries].sort(
		(a, b) => (b.overall ?? -1) - (a.overall ?? -1) || a.name.localeCompare(b.name)
	);
	return {
		subjectId,
		peers: entries.length,
		overall: standing(
			'overall',
			subject.overall,
			entries.map((e) => e.overall)
		),
		domains: domainIds.map((id) =>
			standing(
				id,
				subject.domains[id] ?? null,
				entries.map((e) => e.domains[id] ?? null)
			)
		),
		ranking: ranked.map((e, i) => {
			const place = e.overall === null ? null : placeOf(e.overall);
			return {
				label:
					options.hideNames && e.subjectId !== subjectId ? options.anonymousLabel(i + 1) : e.name,
				overall: e.overall,
				isSubject: e.subjectId === subjectId,
				rank: place?.rank ?? null,
				tied: (place?.tiedWith ?? 0) > 0
			};
		})
	};
}
