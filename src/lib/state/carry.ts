/**
 * Carrying an assessment made with an earlier rubric version into the current one, in the app:
 * a new assessment is stored next to the old one (which is not changed), and the review list is
 * kept on this device until every item is settled, so nothing waits silently in the scores.
 */
import type { Assessment } from '$lib/domain/assessment';
import { upgradeAssessment, type ReviewItem } from '$lib/domain/upgrade';
import type { AssessmentRecord } from '$lib/storage/records';
import * as repo from '$lib/storage/repository';
import { digestOf } from './summaries';
import { newId, openSession } from './library';
import { getRubric } from './rubrics';

const REVIEW_PREFIX = 'gd-carry-review:';

export interface CarryReview {
	/** The carried (new) assessment */
	id: string;
	fromVersion: string;
	toVersion: string;
	/** Answers that moved as they were */
	carried: number;
	items: ReviewItem[];
}

/** The current version of the rubric when it is later than the assessment's own, else null. */
export async function newerVersionFor(assessment: Assessment): Promise<string | null> {
	const current = await getRubric(assessment.rubric.id);
	if (!current || current.version === assessment.rubric.version) return null;
	return current.upgradeFrom?.from === assessment.rubric.version ? current.version : null;
}

/** Links carry over; evidence files stay with the earlier assessment, whose record keeps them. */
const linksOnly = (a: Assessment): Assessment => ({
	...a,
	answers: Object.fromEntries(
		Object.entries(a.answers).map(([id, answer]) => [
			id,
			answer.evidence
				? { ...answer, evidence: answer.evidence.filter((e) => e.kind === 'link') }
				: answer
		])
	)
});

export async function carryIntoCurrent(shown: AssessmentRecord): Promise<CarryReview> {
	// The record may be a page's reactive proxy, which cannot be cloned: copy it to plain data.
	const record = JSON.parse(JSON.stringify(shown)) as AssessmentRecord;
	const { id, version } = record.assessment.rubric;
	const [from, to] = await Promise.all([getRubric(id, version), getRubric(id)]);
	if (!from || !to) throw new Error(`rubric ${id} is not available`);
	const result = upgradeAssessment(record.assessment, from, to, newId());
	const assessment = linksOnly(result.assessment);
	await repo.createAssessment(assessment, digestOf(to, assessment));
	const review: CarryReview = {
		id: assessment.id,
		fromVersion: from.version,
		toVersion: to.version,
		carried: result.carried.length,
		items: result.review
	};
	saveReview(review);
	return review;
}

export function loadReview(id: string): CarryReview | null {
	try {
		const text = globalThis.localStorage?.getItem(REVIEW_PREFIX + id);
		return text ? (JSON.parse(text) as CarryReview) : null;
	} catch {
		return null;
	}
}

export function saveReview(review: CarryReview) {
	try {
		if (review.items.length)
			globalThis.localStorage?.setItem(REVIEW_PREFIX + review.id, JSON.stringify(review));
		else globalThis.localStorage?.removeItem(REVIEW_PREFIX + review.id);
	} catch {
		// Where storage is blocked the list is shown for this visit only; the old assessment
		// still holds every answer it came from.
	}
}

/**
 * Writes a proposed answer as the user confirmed it (the proposal, or the level they chose),
 * with the notes and links of the answers it came from.
 */
export async function confirmProposal(
	review: CarryReview,
	item: Extract<ReviewItem, { type: 'proposed' }>,
	level: number | null
) {
	const session = await openSession(review.id);
	if (!session) throw new Error('the carried assessment is no longer on this device');
	try {
		const id = item.indicatorId;
		if (level === null && item.notApplicable) session.setNotApplicable(id, true);
		else session.setLevel(id, level);
		const notes = item.from.flatMap((f) => (f.answer.note ? [f.answer.note] : []));
		if (notes.length && !session.answer(id).note) session.setNote(id, notes.join('\n\n'));
		const links = item.from
			.flatMap((f) => f.answer.evidence ?? [])
			.filter((e) => e.kind === 'link');
		if (links.length) session.setEvidence(id, [...(session.answer(id).evidence ?? []), ...links]);
		await session.flush();
		if (session.saveState !== 'saved') throw new Error('the answer could not be saved; try again');
	} finally {
		session.dispose();
	}
	settle(review, item);
}

/** Takes an item off the list (confirmed, or read and dismissed by the user). */
export function settle(review: CarryReview, item: ReviewItem) {
	// Compared by content: the list may have been read again from storage since it was shown.
	const settled = JSON.stringify(item);
	review.items = review.items.filter((x) => JSON.stringify(x) !== settled);
	saveReview(review);
}
