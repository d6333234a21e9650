/**
 * Carrying an assessment into a later version of its rubric, through the later version's
 * `upgradeFrom` mapping. Answers move only where the mapping is exact (the same id, or renamed);
 * everything else becomes an item of a review list for the user to confirm or change, never a
 * silent answer. The old assessment is not changed: a new one is returned.
 */
import { actorActionKey, splitActionKey } from './actions';
import type { Rubric, UpgradeMapping } from '../rubrics/schema';
import type { Action, Answer, Assessment, Profile } from './assessment';
import { keyedMeasures } from './gaps';
import { listIndicators } from './rubric-index';

export type ChangeKind = UpgradeMapping['indicators'][string]['kind'];

export type ReviewItem =
	| {
			/** changed, split or merged: a proposed answer the user confirms or changes */
			type: 'proposed';
			kind: Exclude<ChangeKind, 'renamed' | 'removed'>;
			/** The indicator of the new version to answer */
			indicatorId: string;
			/** The old indicators the proposal comes from, with what was answered there */
			from: { id: string; answer: Answer }[];
			/** The proposed level (for merged: the lowest of the merged levels) */
			level: number | null;
			notApplicable: boolean;
	  }
	| {
			/** no place in the new version: kept here so nothing written is lost */
			type: 'removed';
			oldId: string;
			answer: Answer;
	  }
	| { type: 'action'; key: string; action: Action; indicatorId: string }
	| { type: 'profile'; question: string; value: Profile[string] };

export interface UpgradeResult {
	assessment: Assessment;
	review: ReviewItem[];
	/** Indicators whose answers moved without review (same id or renamed) */
	carried: { from: string; to: string }[];
}

const hasContent = (a: Answer | undefined): a is Answer =>
	!!a &&
	(a.level !== null ||
		a.notApplicable ||
		a.target !== null ||
		(a.value ?? null) !== null ||
		!!a.note ||
		!!a.evidence?.length);

/** Where each indicator of `from` goes in `to`: exact moves and declared changes. */
export function upgradePlan(from: Rubric, to: Rubric) {
	if (from.id !== to.id)
		throw new Error(`cannot carry an assessment of ${from.id} into ${to.id}: different rubrics`);
	const mapping = to.upgradeFrom;
	if (!mapping || mapping.from !== from.version)
		throw new Error(
			`rubric ${to.id} ${to.version} has no mapping from version ${from.version}; carry the assessment one version at a time`
		);
	const newIds = new Set(listIndicators(to).map((e) => e.indicator.id));
	const exact = new Map<string, string>();
	const declared = new Map<string, UpgradeMapping['indicators'][string]>();
	for (const { indicator } of listIndicators(from)) {
		const change = mapping.indicators[indicator.id];
		if (change?.kind === 'renamed') exact.set(indicator.id, change.to[0]!);
		else if (change) declared.set(indicator.id, change);
		else if (newIds.has(indicator.id)) exact.set(indicator.id, indicator.id);
	}
	return { exact, declared };
}

/**
 * Action statuses move with their measure where the indicator moved exactly: to the measure of
 * the same level and text, or the only one at that level; otherwise they are listed.
 */
function carryActions(from: Rubric, to: Rubric, exact: Map<string, string>, source: Assessment) {
	const moved: Record<string, Action> = {};
	const left: ReviewItem[] = [];
	const oldKeys = new Map<string, { indicatorId: string; toLevel: number; zh: string }>();
	for (const { indicator } of listIndicators(from))
		for (const k of keyedMeasures(indicator.id, indicator.measures))
			oldKeys.set(k.key, {
				indicatorId: indicator.id,
				toLevel: k.measure.toLevel,
				zh: k.measure.text.zh
			});
	const newIndicators = new Map(listIndicators(to).map((e) => [e.indicator.id, e.indicator]));
	const newActors = new Set(to.actors.map((a) => a.id));
	for (const [key, action] of Object.entries(source.actions ?? {})) {
		// A per-actor status moves with its measure and keeps its actor, if the new version has it.
		const { measureKey, actorId } = splitActionKey(key);
		const old = oldKeys.get(measureKey);
		const targetId = old && exact.get(old.indicatorId);
		const target = targetId ? newIndicators.get(targetId) : undefined;
		const candidates = target
			? keyedMeasures(target.id, target.measures).filter((k) => k.measure.toLevel === old!.toLevel)
			: [];
		const match =
			candidates.find((k) => k.measure.text.zh === old!.zh) ??
			(candidates.length === 1 ? candidates[0] : undefined);
		if (match && (actorId === undefined || newActors.has(actorId)))
			moved[actorId === undefined ? match.key : actorActionKey(match.key, actorId)] = action;
		else left.push({ type: 'action', key, action, indicatorId: old?.indicatorId ?? key });
	}
	return { moved, left };
}

/** A new assessment on `to` (with the given id) and what the user has to review. */
export function upgradeAssessment(
	source: Assessment,
	from: Rubric,
	to: Rubric,
	newId: string
): UpgradeResult {
	if (source.rubric.id !== from.id || source.rubric.version !== from.version)
		throw new Error(
			`the assessment uses ${source.rubric.id} ${source.rubric.version}, not ${from.id} ${from.version}`
		);
	const { exact, declared } = upgradePlan(from, to);
	const answers: Record<string, Answer> = {};
	for (const { indicator } of listIndicators(to))
		answers[indicator.id] = { level: null, notApplicable: false, target: null };

	const carried: UpgradeResult['carried'] = [];
	for (const [oldId, newId] of exact) {
		const answer = source.answers[oldId];
		if (!answer) continue;
		answers[newId] = structuredClone(answer);
		if (hasContent(answer)) carried.push({ from: oldId, to: newId });
	}

	const review: ReviewItem[] = [];
	const proposals = new Map<string, Extract<ReviewItem, { type: 'proposed' }>>();
	for (const [oldId, change] of declared) {
		const answer = source.answers[oldId];
		if (!hasContent(answer)) continue;
		if (change.kind === 'removed') {
			review.push({ type: 'removed', oldId, answer: structuredClone(answer) });
			continue;
		}
		for (const target of change.to) {
			const kind = change.kind as Exclude<ChangeKind, 'renamed' | 'removed'>;
			const item = proposals.get(target) ?? {
				type: 'proposed' as const,
				kind,
				indicatorId: target,
				from: [],
				level: null,
				notApplicable: false
			};
			item.from.push({ id: oldId, answer: structuredClone(answer) });
			proposals.set(target, item);
		}
	}
	for (const item of proposals.values()) {
		// Merged: the lowest level of the merged answers, so no part is credited above its evidence.
		const levels = item.from.flatMap((f) => (f.answer.level === null ? [] : [f.answer.level]));
		item.level = levels.length ? Math.min(...levels) : null;
		item.notApplicable = levels.length === 0 && item.from.every((f) => f.answer.notApplicable);
		review.push(item);
	}

	const { moved, left } = carryActions(from, to, exact, source);
	review.push(...left);

	const profile: Profile = {};
	for (const [question, value] of Object.entries(source.profile)) {
		const q = to.profile.find((x) => x.id === question);
		const values = Array.isArray(value) ? value : [value];
		if (q && values.every((v) => q.options.some((o) => o.id === v))) profile[question] = value;
		else review.push({ type: 'profile', question, value });
	}

	const assessment: Assessment = {
		...structuredClone(source),
		id: newId,
		rubric: { id: to.id, version: to.version },
		profile,
		answers,
		actions: Object.keys(moved).length ? moved : undefined
	};
	delete assessment.createdAt;
	delete assessment.updatedAt;
	if (!assessment.actions) delete assessment.actions;
	return { assessment, review, carried };
}

/** Answers accepted from the review list: the proposal as it stands, or the user's change. */
export function acceptProposal(
	assessment: Assessment,
	item: Extract<ReviewItem, { type: 'proposed' }>
): Assessment {
	const notes = item.from.flatMap((f) => (f.answer.note ? [f.answer.note] : []));
	const evidence = item.from.flatMap((f) => f.answer.evidence ?? []);
	const answer: Answer = {
		...assessment.answers[item.indicatorId],
		level: item.notApplicable ? null : item.level,
		notApplicable: item.notApplicable,
		target: assessment.answers[item.indicatorId]?.target ?? null
	};
	if (notes.length) answer.note = notes.join('\n\n');
	if (evidence.length) answer.evidence = evidence;
	return { ...assessment, answers: { ...assessment.answers, [item.indicatorId]: answer } };
}
