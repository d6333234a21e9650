/**
 * A compact summary of one assessment's scores, kept with its subject so that lists and the
 * portfolio benchmark need not read, validate and rescore every assessment on each visit.
 *
 * A summary says what it was computed from: the summary method, the rubric (id, version and a
 * hash of its content) and a fingerprint of what the scores depend on. A summary whose method or
 * rubric differs from the app's is stale and must be recomputed; one whose fingerprint differs
 * from the assessment it claims to summarise is stale too (checked wherever the assessment is
 * read anyway). A stale or missing summary is never shown as a score.
 */
import type { Rubric } from '../rubrics/schema';
import type { Assessment } from './assessment';
import { scoreAssessment, type ScoreResult } from './scoring';

/**
 * Raised whenever the scoring rules or the summary's shape change: every stored summary made
 * with an earlier method is then recomputed on the next visit.
 */
export const SUMMARY_METHOD = 1;

export interface ScoreSummary {
	method: number;
	rubric: { id: string; version: string; hash: string };
	/** Hash of what the scores depend on (see fingerprintAssessment) */
	fingerprint: string;
	/** A respondent's task (partial answers): never a score of its subject */
	task: boolean;
	overall: number | null;
	/** answered / applicable, 0–1 */
	coverage: number;
	answered: number;
	applicable: number;
	/** Pillar and domain scores by id; ids out of scope for the profile or mode are absent */
	pillars: Record<string, number | null>;
	domains: Record<string, number | null>;
}

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; a changed input that hashes
 * alike only costs a missed recomputation with odds of about 1 in 2^53).
 */
export function hashText(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

// Rubrics are immutable once loaded; hashing the city rubric takes milliseconds, so once is enough.
const rubricHashes = new WeakMap<Rubric, string>();

/** A hash of the rubric's whole content: an edited rubric file invalidates its summaries. */
export function hashRubric(rubric: Rubric): string {
	let hash = rubricHashes.get(rubric);
	if (hash === undefined) {
		hash = hashText(JSON.stringify(rubric));
		rubricHashes.set(rubric, hash);
	}
	return hash;
}

/** JSON with object keys in sorted order: the same data gives the same text however built. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const parts: string[] = [];
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
		}
		return `{${parts.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A hash of what the scores depend on: the rubric version, profile, mode, whether it is a task,
 * and each answer's level, not-applicable mark and target. Notes, evidence and dates do not move
 * a score, so changing them (or an import renaming evidence files) keeps the summary current.
 * Defaults are spelled out, so a record read back through the schema hashes as it was written.
 */
export function fingerprintAssessment(assessment: Assessment): string {
	const answers: Record<string, [number | null, boolean, number | null]> = {};
	for (const [id, answer] of Object.entries(assessment.answers))
		answers[id] = [answer.level ?? null, answer.notApplicable === true, answer.target ?? null];
	return hashText(
		canonicalJson({
			rubric: assessment.rubric,
			profile: assessment.profile ?? {},
			mode: assessment.mode ?? 'full',
			task: assessment.task !== undefined,
			answers
		})
	);
}

/** The summary of an assessment; pass its scores when they are computed already. */
export function summarizeScores(
	rubric: Rubric,
	assessment: Assessment,
	scores: ScoreResult = scoreAssessment(rubric, assessment)
): ScoreSummary {
	return {
		method: SUMMARY_METHOD,
		rubric: { id: rubric.id, version: rubric.version, hash: hashRubric(rubric) },
		fingerprint: fingerprintAssessment(assessment),
		task: assessment.task !== undefined,
		overall: scores.overall.score,
		coverage: scores.overall.coverage.ratio,
		answered: scores.overall.coverage.answered,
		applicable: scores.overall.coverage.applicable,
		pillars: Object.fromEntries(scores.pillars.map((p) => [p.id, p.score])),
		domains: Object.fromEntries(scores.domains.map((d) => [d.id, d.score]))
	};
}

/**
 * Whether a stored summary was made by this method with this very rubric (same id, version and
 * content), and, when the assessment is given, from exactly its content.
 */
export function isSummaryCurrent(
	summary: ScoreSummary | undefined,
	rubric: Rubric,
	assessment?: Assessment
): summary is ScoreSummary {
	if (!summary || summary.method !== SUMMARY_METHOD) return false;
	const { id, version, hash } = summary.rubric;
	if (id !== rubric.id || version !== rubric.version || hash !== hashRubric(rubric)) return false;
	return assessment === undefined || summary.fingerprint === fingerprintAssessment(assessment);
}
