/**
 * What counts for an indicator answered by several respondents, and where they disagree.
 *
 * The consolidated answer is a function of three things only: the coordinator's own answer, the
 * coordinator's latest decision (with the contributions it was made with) and the respondents'
 * latest contributions. It does not depend on the order returns arrive in, and a return merged
 * twice changes nothing. The rule:
 * - contributions equal to what the respondent was handed (package base, without notes and
 *   evidence) say nothing new;
 * - a contribution the latest decision was made with is settled;
 * - when the unsettled contributions all agree, and the coordinator's answer is still what they
 *   were handed (or already equals them), they are taken;
 * - otherwise the coordinator's answer stays and the indicator is in conflict until decided.
 */
import type { Answer } from '../answer';
import { handedOut } from './handout';
import type { Contribution, Coordination, PackageRecord } from './schema';

const EMPTY: Answer = { level: null, notApplicable: false, target: null };

/** Answers compared as a user would: every recorded field, in any key order. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
	return canonical(a ?? EMPTY) === canonical(b ?? EMPTY);
}

function canonical(answer: Answer): string {
	const normal = {
		level: answer.level,
		notApplicable: answer.notApplicable,
		target: answer.target,
		value: answer.value ?? null,
		inputs: answer.inputs ?? null,
		figures: answer.figures ?? {},
		note: (answer.note ?? '').trim(),
		evidence: (answer.evidence ?? []).map((e) => [
			e.kind,
			e.title,
			e.url ?? '',
			e.fileName ?? '',
			e.size ?? 0,
			e.dataUrl?.length ?? 0
		])
	};
	return JSON.stringify(normal, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
			: v
	);
}

/** The token a decision keeps for a contribution it has seen. */
export const contributionToken = (c: Contribution) => `${c.packageId}#${c.sequence}`;

export interface RespondentSide {
	respondentId: string;
	contribution: Contribution;
}

export interface Conflict {
	indicatorId: string;
	/** The answer that counts meanwhile: the coordinator's own or last decided one. */
	held: Answer;
	heldFrom: 'own' | 'decision';
	/** The respondents' answers not yet weighed against it. */
	sides: RespondentSide[];
}

export interface Consolidated {
	answer: Answer;
	/** Where the answer comes from */
	source: { kind: 'own' } | { kind: 'decision' } | { kind: 'respondents'; respondentIds: string[] };
	conflict: Conflict | null;
}

export function packageOf(
	coordination: Coordination,
	packageId: string
): PackageRecord | undefined {
	return coordination.packages.find((p) => p.id === packageId);
}

/** The contributions of an indicator that say something beyond what was handed out. */
export function speakingContributions(
	coordination: Coordination,
	indicatorId: string
): RespondentSide[] {
	const byRespondent = coordination.contributions[indicatorId] ?? {};
	return (
		Object.entries(byRespondent)
			// The respondent was handed the levels and figures without notes or evidence.
			.filter(
				([, c]) =>
					!sameAnswer(c.answer, handedOut(packageOf(coordination, c.packageId)?.base[indicatorId]))
			)
			.map(([respondentId, contribution]) => ({ respondentId, contribution }))
			.sort((a, b) => a.respondentId.localeCompare(b.respondentId))
	);
}

/**
 * The answer that counts for one indicator. `current` is the assessment's answer, which is the
 * coordinator's own while no respondent has answered the indicator.
 */
export function consolidate(
	coordination: Coordination,
	indicatorId: string,
	current: Answer | undefined
): Consolidated {
	const own = coordination.own[indicatorId] ?? current ?? EMPTY;
	const decision = coordination.decisions[indicatorId];
	const held = decision?.answer ?? own;
	const heldFrom = decision ? 'decision' : 'own';
	const unsettled = speakingContributions(coordination, indicatorId).filter(
		(s) => decision?.basis[s.respondentId] !== contributionToken(s.contribution)
	);
	if (unsettled.length === 0) return { answer: held, source: { kind: heldFrom }, conflict: null };
	const first = unsettled[0]!.contribution.answer;
	const agree = unsettled.every((s) => sameAnswer(s.contribution.answer, first));
	const heldAsHandedOut = unsettled.every((s) =>
		sameAnswer(held, packageOf(coordination, s.contribution.packageId)?.base[indicatorId])
	);
	if (agree && (heldAsHandedOut || sameAnswer(held, first)))
		return {
			answer: first,
			source: { kind: 'respondents', respondentIds: unsettled.map((s) => s.respondentId) },
			conflict: null
		};
	return {
		answer: held,
		source: { kind: heldFrom },
		conflict: { indicatorId, held, heldFrom, sides: unsettled }
	};
}

/** Every indicator in conflict, in rubric order when `order` is given. */
export function conflictsOf(
	coordination: Coordination,
	answers: Record<string, Answer>,
	order?: readonly string[]
): Conflict[] {
	const ids = Object.keys(coordination.contributions);
	if (order) {
		const rank = new Map(order.map((id, i) => [id, i]));
		ids.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
	}
	return ids
		.map((id) => consolidate(coordination, id, answers[id]).conflict)
		.filter((c): c is Conflict => c !== null);
}

export interface Spread {
	indicatorId: string;
	min: number;
	max: number;
	levels: { respondentId: string; level: number | null; notApplicable: boolean }[];
}

/** Where several respondents rated one indicator: each level and the range. */
export function spreadOf(coordination: Coordination, indicatorId: string): Spread | null {
	const rated = Object.entries(coordination.contributions[indicatorId] ?? {})
		.map(([respondentId, c]) => ({
			respondentId,
			level: c.answer.level,
			notApplicable: c.answer.notApplicable
		}))
		.sort((a, b) => a.respondentId.localeCompare(b.respondentId));
	const levels = rated.map((r) => r.level).filter((l): l is number => l !== null);
	if (rated.length < 2 || levels.length === 0) return null;
	return { indicatorId, min: Math.min(...levels), max: Math.max(...levels), levels: rated };
}
