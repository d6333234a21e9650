/**
 * The coordinator's edits of respondents and assignments, as plain functions from one assessment
 * to the next (the session saves what they return).
 */
import type { Assessment } from '$lib/domain/assessment';
import {
	defaultAssignments,
	type Coordination,
	type Respondent
} from '$lib/domain/coordination/core';
import type { Rubric } from '$lib/rubrics/schema';

function withCoordination(a: Assessment, change: (c: Coordination) => Coordination): Assessment {
	return a.coordination ? { ...a, coordination: change(a.coordination) } : a;
}

/** Empty optional fields are removed rather than stored as empty strings. */
export function patchRespondent(a: Assessment, id: string, patch: Partial<Respondent>): Assessment {
	return withCoordination(a, (c) => ({
		...c,
		respondents: c.respondents.map((r) => {
			if (r.id !== id) return r;
			const next: Respondent = { ...r, ...patch };
			for (const key of ['contact', 'deadline', 'instruction'] as const)
				if (!next[key]) delete next[key];
			return next;
		})
	}));
}

export function addRespondent(a: Assessment, respondent: Respondent): Assessment {
	return withCoordination(a, (c) => ({ ...c, respondents: [...c.respondents, respondent] }));
}

/** Whether a respondent can still be removed: not once a package was handed out to it. */
export const canRemove = (c: Coordination, id: string) =>
	!c.packages.some((p) => p.respondentId === id);

export function removeRespondent(a: Assessment, id: string): Assessment {
	return withCoordination(a, (c) => {
		if (!canRemove(c, id)) return c;
		const assignments = Object.fromEntries(
			Object.entries(c.assignments)
				.map(([indicator, ids]) => [indicator, ids.filter((r) => r !== id)] as const)
				.filter(([, ids]) => ids.length > 0)
		);
		return { ...c, respondents: c.respondents.filter((r) => r.id !== id), assignments };
	});
}

/** Adds or removes one respondent from one indicator. */
export function setAssigned(
	a: Assessment,
	indicatorId: string,
	respondentId: string,
	assigned: boolean
): Assessment {
	return withCoordination(a, (c) => {
		const current = c.assignments[indicatorId] ?? [];
		const ids = assigned
			? current.includes(respondentId)
				? current
				: [...current, respondentId]
			: current.filter((r) => r !== respondentId);
		const assignments = { ...c.assignments, [indicatorId]: ids };
		if (ids.length === 0) delete assignments[indicatorId];
		return { ...c, assignments };
	});
}

/**
 * Assignments by the rubric's responsible actors: for the indicators nobody has yet ('fill'),
 * or for every indicator ('reset'). Respondents added by hand (no actor) keep nothing on reset.
 */
export function assignByActors(a: Assessment, rubric: Rubric, how: 'fill' | 'reset'): Assessment {
	return withCoordination(a, (c) => {
		const defaults = defaultAssignments(rubric, a, c.respondents);
		const assignments =
			how === 'reset'
				? defaults
				: {
						...Object.fromEntries(
							Object.entries(defaults).filter(([id]) => !c.assignments[id]?.length)
						),
						...c.assignments
					};
		return { ...c, assignments };
	});
}
