/**
 * Several versions of one rubric side by side: the current file and the archived releases.
 * Pure: takes validated rubrics, returns problems or choices; the build, the CLI and the app
 * each read the files their own way.
 */
import type { ValidationProblem } from './loader';
import { compareVersions, type Rubric } from './schema';

/** Archived rubric files are named `<rubric-id>@<version>.yaml`. */
export const archiveFileName = (id: string, version: string) => `${id}@${version}.yaml`;

const indicatorIds = (rubric: Rubric) =>
	new Set(rubric.pillars.flatMap((p) => p.domains.flatMap((d) => d.indicators.map((i) => i.id))));

/**
 * The archived version the current one upgrades from: the one its `upgradeFrom.from` names, or
 * when it declares none, the latest archived version before it.
 */
export function previousVersion(current: Rubric, archived: Rubric[]): Rubric | undefined {
	const earlier = archived
		.filter((r) => r.id === current.id && compareVersions(r.version, current.version) < 0)
		.sort((a, b) => compareVersions(b.version, a.version));
	const from = current.upgradeFrom?.from;
	return from ? earlier.find((r) => r.version === from) : earlier[0];
}

/**
 * Checks the current version's mapping against the archived versions of the same rubric (the
 * rules inside one file are the schema's): the mapping starts from an archived version, names
 * only its indicators, accounts for every indicator that is gone, and never gives an id both
 * versions hold another indicator's answers.
 */
export function checkUpgrade(current: Rubric, archived: Rubric[]): ValidationProblem[] {
	const problems: ValidationProblem[] = [];
	const same = archived.filter((r) => r.id === current.id);
	const mapping = current.upgradeFrom;
	const previous = previousVersion(current, same);
	if (mapping && !previous) {
		const known = same.map((r) => r.version).join(', ') || 'none';
		problems.push({
			path: 'upgradeFrom.from',
			message: `version ${mapping.from} of ${current.id} is not in the archive (archived: ${known}); add rubrics/archive/${archiveFileName(current.id, mapping.from)}`
		});
		return problems;
	}
	if (!previous) return problems;
	const oldIds = indicatorIds(previous);
	const newIds = indicatorIds(current);
	const declared = mapping?.indicators ?? {};
	for (const [oldId, change] of Object.entries(declared)) {
		const path = `upgradeFrom.indicators.${oldId}`;
		if (!oldIds.has(oldId)) {
			problems.push({
				path,
				message: `unknown indicator "${oldId}" in version ${previous.version}`
			});
			continue;
		}
		for (const to of change.to) {
			// An id in both versions keeps its meaning unless it is declared changed to itself.
			if (to === oldId || !oldIds.has(to)) continue;
			const own = declared[to];
			if (own?.kind === 'changed' && own.to[0] === to) continue;
			problems.push({
				path,
				message: `shares an id with different meaning: "${to}" is in both ${previous.version} and ${current.version}, so it keeps its meaning, but "${oldId}" is ${change.kind} into it; declare "${to}" changed, or give the new indicator a new id`
			});
		}
	}
	for (const oldId of oldIds)
		if (!newIds.has(oldId) && !declared[oldId])
			problems.push({
				path: mapping ? 'upgradeFrom.indicators' : 'upgradeFrom',
				message: `"${oldId}" of version ${previous.version} is not in version ${current.version} and not mapped: declare it renamed, split, merged or removed`
			});
	return problems;
}

/**
 * Every version of every rubric once: an archived copy of the current version is the same
 * rubric, so the current file wins and the copy is left out.
 */
export function distinctVersions(current: Rubric[], archived: Rubric[]): Rubric[] {
	const key = (r: Rubric) => `${r.id}@${r.version}`;
	const seen = new Set(current.map(key));
	return [...current, ...archived.filter((r) => !seen.has(key(r)))];
}
