/**
 * Every answer an assessment holds, wherever it is held: its own answers and, on a coordinated
 * assessment, the coordinator's kept answers, the decisions, the respondents' contributions and
 * the answers as handed out. Evidence files can hang off any of them, so whatever stores, exports,
 * copies, checks or deletes files must visit them all, not only `answers`: a respondent's file on
 * a side the coordinator did not take is still evidence someone entered.
 */
import type { Answer } from './answer';
import type { Assessment } from './assessment';

export interface HeldAnswer {
	/** Where it is in the file, e.g. ['answers', 'c02.x'] or ['coordination', 'own', 'c02.x'] */
	path: (string | number)[];
	answer: Answer;
}

export function heldAnswers(assessment: Assessment): HeldAnswer[] {
	const held: HeldAnswer[] = Object.entries(assessment.answers).map(([id, answer]) => ({
		path: ['answers', id],
		answer
	}));
	const c = assessment.coordination;
	if (!c) return held;
	for (const [id, answer] of Object.entries(c.own))
		held.push({ path: ['coordination', 'own', id], answer });
	for (const [id, decision] of Object.entries(c.decisions))
		held.push({ path: ['coordination', 'decisions', id, 'answer'], answer: decision.answer });
	for (const [id, byRespondent] of Object.entries(c.contributions))
		for (const [respondent, contribution] of Object.entries(byRespondent))
			held.push({
				path: ['coordination', 'contributions', id, respondent, 'answer'],
				answer: contribution.answer
			});
	c.packages.forEach((p, i) => {
		for (const [id, answer] of Object.entries(p.base))
			held.push({ path: ['coordination', 'packages', i, 'base', id], answer });
	});
	return held;
}

/** The ids of every file any held answer names. */
export function heldFileIds(assessment: Assessment): Set<string> {
	const ids = new Set<string>();
	for (const { answer } of heldAnswers(assessment))
		for (const e of answer.evidence ?? []) if (e.kind === 'file') ids.add(e.id);
	return ids;
}

const mapRecord = <T>(record: Record<string, T>, fn: (value: T) => T): Record<string, T> =>
	Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

/**
 * A copy of the assessment with every held answer passed through `fn`, in the order
 * `heldAnswers` lists them (the assessment's own answers first).
 */
export function mapHeldAnswers(assessment: Assessment, fn: (answer: Answer) => Answer): Assessment {
	const answers = mapRecord(assessment.answers, fn);
	const c = assessment.coordination;
	if (!c) return { ...assessment, answers };
	return {
		...assessment,
		answers,
		coordination: {
			...c,
			own: mapRecord(c.own, fn),
			decisions: mapRecord(c.decisions, (d) => ({ ...d, answer: fn(d.answer) })),
			contributions: mapRecord(c.contributions, (byRespondent) =>
				mapRecord(byRespondent, (contribution) => ({
					...contribution,
					answer: fn(contribution.answer)
				}))
			),
			packages: c.packages.map((p) => ({ ...p, base: mapRecord(p.base, fn) }))
		}
	};
}

/** The same, for the evidence of each held answer. */
export function mapHeldEvidence(
	assessment: Assessment,
	fn: (evidence: NonNullable<Answer['evidence']>[number]) => NonNullable<Answer['evidence']>[number]
): Assessment {
	return mapHeldAnswers(assessment, (answer) =>
		answer.evidence ? { ...answer, evidence: answer.evidence.map(fn) } : answer
	);
}
