/**
 * Conflicting revisions of one assessment, as CouchDB keeps them when two devices changed it
 * apart: merged answer by answer against their common ancestor, never one whole revision over the
 * other. What only one side changed is taken without asking; an answer that two sides changed
 * differently is left for the user, who sees the sides next to each other.
 */
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import { sameAnswer } from '../coordination/consolidate';

export interface Revision {
	/** CouchDB's revision id (e.g. 3-a1b2…) */
	rev: string;
	assessment: Assessment;
}

export interface AnswerSide {
	rev: string;
	/** undefined: this side has no answer for the indicator (never answered, or cleared) */
	answer: Answer | undefined;
}

export interface AnswerConflict {
	indicatorId: string;
	/** The answer before the sides parted, when the device still has it */
	base: Answer | undefined;
	/** One entry per distinct answer, the winning revision's first */
	sides: AnswerSide[];
}

export interface RevisionMerge {
	/** Every revision id merged here: the winner's is kept, the others are deleted once settled */
	winnerRev: string;
	loserRevs: string[];
	/** The merged assessment; a conflicted answer holds the winner's until the user decides */
	merged: Assessment;
	conflicts: AnswerConflict[];
	/** Other fields that more than one side changed: the winner's value was kept */
	clashes: string[];
}

/** Fields of an assessment whose entries merge one by one. */
const KEYED_FIELDS = ['compliance', 'actions'] as const;
/** Bookkeeping that differs with every save and says nothing about the content. */
const IGNORED_FIELDS = new Set(['updatedAt', 'answers', ...KEYED_FIELDS]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way pick: the one value that differs from the base, if only one side changed it.
 * Returns `undefined` as `pick` when the sides changed it in different ways.
 */
function pickChanged<T>(
	base: T | undefined,
	values: readonly (T | undefined)[],
	equal: (a: T | undefined, b: T | undefined) => boolean,
	hasBase: boolean
): { agreed: true; value: T | undefined } | { agreed: false } {
	const distinct: (T | undefined)[] = [];
	for (const v of values) if (!distinct.some((d) => equal(d, v))) distinct.push(v);
	if (distinct.length === 1) return { agreed: true, value: distinct[0] };
	if (!hasBase) return { agreed: false };
	const changed = distinct.filter((v) => !equal(v, base));
	if (changed.length === 1) return { agreed: true, value: changed[0] };
	return { agreed: false };
}

/**
 * Merges the winning revision with the conflicting ones. `base` is the common ancestor when the
 * device still has it; without it every difference is asked about (nothing is guessed).
 */
export function mergeRevisions(
	base: Assessment | undefined,
	winner: Revision,
	losers: readonly Revision[]
): RevisionMerge {
	const all = [winner, ...losers];
	const hasBase = base !== undefined;
	const answers: Record<string, Answer> = {};
	const conflicts: AnswerConflict[] = [];
	const ids = new Set(all.flatMap((r) => Object.keys(r.assessment.answers)));
	for (const id of ids) {
		const values = all.map((r) => r.assessment.answers[id]);
		const picked = pickChanged(base?.answers[id], values, sameAnswer, hasBase);
		if (picked.agreed) {
			if (picked.value) answers[id] = picked.value;
			continue;
		}
		const sides: AnswerSide[] = [];
		for (const r of all) {
			const answer = r.assessment.answers[id];
			if (!sides.some((s) => sameAnswer(s.answer, answer))) sides.push({ rev: r.rev, answer });
		}
		conflicts.push({ indicatorId: id, base: base?.answers[id], sides });
		const held = winner.assessment.answers[id];
		if (held) answers[id] = held;
	}

	const merged: Record<string, unknown> = { ...winner.assessment, answers };
	const clashes: string[] = [];
	const fields = new Set(all.flatMap((r) => Object.keys(r.assessment)));
	for (const field of fields) {
		if (IGNORED_FIELDS.has(field)) continue;
		const read = (a: Assessment | undefined) => (a as Record<string, unknown> | undefined)?.[field];
		const picked = pickChanged(
			read(base),
			all.map((r) => read(r.assessment)),
			same,
			hasBase
		);
		if (picked.agreed) setOrDelete(merged, field, picked.value);
		else clashes.push(field);
	}
	for (const field of KEYED_FIELDS) {
		const entries: Record<string, unknown> = {};
		const keys = new Set(all.flatMap((r) => Object.keys(r.assessment[field] ?? {})));
		for (const key of keys) {
			const read = (a: Assessment | undefined) =>
				(a?.[field] as Record<string, unknown> | undefined)?.[key];
			const values = all.map((r) => read(r.assessment));
			const picked = pickChanged(read(base), values, same, hasBase);
			if (!picked.agreed) clashes.push(`${field}.${key}`);
			const value = picked.agreed ? picked.value : read(winner.assessment);
			if (value !== undefined) entries[key] = value;
		}
		setOrDelete(merged, field, keys.size ? entries : undefined);
	}
	return {
		winnerRev: winner.rev,
		loserRevs: losers.map((l) => l.rev),
		merged: merged as Assessment,
		conflicts: conflicts.sort((a, b) => a.indicatorId.localeCompare(b.indicatorId)),
		clashes
	};
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown) {
	if (value === undefined) delete target[key];
	else target[key] = value;
}

/**
 * The merged assessment once the user chose an answer for every conflict (`undefined`: no
 * answer, when that side had none). Throws when a conflict is left undecided: writing it would
 * silently keep the winner's answer.
 */
export function settleConflicts(
	merge: RevisionMerge,
	choices: ReadonlyMap<string, Answer | undefined>
): Assessment {
	const answers = { ...merge.merged.answers };
	for (const conflict of merge.conflicts) {
		if (!choices.has(conflict.indicatorId))
			throw new Error(`Conflict on indicator "${conflict.indicatorId}" is not decided yet.`);
		const chosen = choices.get(conflict.indicatorId);
		if (chosen) answers[conflict.indicatorId] = chosen;
		else delete answers[conflict.indicatorId];
	}
	return { ...merge.merged, answers };
}
