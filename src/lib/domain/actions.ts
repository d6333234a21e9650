/**
 * Action statuses of the plan. The plan lists a measure under every actor it names, and each
 * department tracks its own work: a status is kept per measure and actor, `<measureKey>@<actorId>`.
 * Files written before statuses were per actor keep them by measure only (`<measureKey>`); such a
 * status stays the status of every actor of that measure until one is set for the actor itself.
 */
import type { Action } from './assessment';

const ACTOR_SEPARATOR = '@';

export const actorActionKey = (measureKey: string, actorId: string) =>
	`${measureKey}${ACTOR_SEPARATOR}${actorId}`;

/** The measure and (for a per-actor key) the actor a stored key tracks. */
export function splitActionKey(key: string): { measureKey: string; actorId?: string } {
	const at = key.lastIndexOf(ACTOR_SEPARATOR);
	return at < 0
		? { measureKey: key }
		: { measureKey: key.slice(0, at), actorId: key.slice(at + 1) };
}

/** The status of a measure for one actor: its own, else the measure-wide one of an older file. */
export function readAction(
	actions: Readonly<Record<string, Action>> | undefined,
	measureKey: string,
	actorId: string
): Action | undefined {
	return actions?.[actorActionKey(measureKey, actorId)] ?? actions?.[measureKey];
}
