/**
 * A subject (a city or an enterprise) as every file and replicated document of this app holds
 * it. The stored record adds its format version and a summary of its assessments
 * (storage/records.ts); the backup file and a CouchDB document carry exactly this.
 */
import { z } from 'zod';
import { AssessmentSchema, type Profile } from './assessment';
import type { Problem, RubricSource } from './assessment-file';

const isoDate = z.string().max(40);

export const SubjectSchema = z.strictObject({
	id: z.string().min(1).max(100),
	kind: z.enum(['city', 'enterprise']),
	name: z.string().min(1).max(200),
	rubricId: z.string().max(100),
	profile: AssessmentSchema.shape.profile,
	note: z.string().max(5000).default(''),
	archived: z.boolean().default(false),
	createdAt: isoDate,
	updatedAt: isoDate
});
export type Subject = z.infer<typeof SubjectSchema>;

/**
 * An imported subject must fit its rubric (known rubric, the right kind of subject, profile
 * answers the rubric asks): the app scores, lists and backs up subjects through their rubric, so
 * one that does not fit would break those pages and make the next backup impossible to restore.
 */
interface SubjectLike {
	kind: 'city' | 'enterprise';
	rubricId: string;
	profile: Profile;
}

export function subjectProblems(
	subject: SubjectLike,
	where: string,
	rubrics: RubricSource
): Problem[] {
	const versions = rubrics.versions(subject.rubricId);
	if (!versions.length)
		return [
			{
				path: `${where}.rubricId`,
				message: `unknown rubric "${subject.rubricId}"; this app knows only its own rubrics`
			}
		];
	// Profile questions rarely change between versions; the subject fits if one version accepts it.
	let best: Problem[] | undefined;
	for (const version of versions) {
		const rubric = rubrics.find(subject.rubricId, version);
		if (!rubric) continue;
		const problems: Problem[] = [];
		if (rubric.audience !== subject.kind)
			problems.push({
				path: `${where}.kind`,
				message: `is "${subject.kind}" but rubric ${rubric.id} is for "${rubric.audience}"`
			});
		for (const [question, value] of Object.entries(subject.profile)) {
			const q = rubric.profile.find((x) => x.id === question);
			const path = `${where}.profile.${question}`;
			if (!q) {
				problems.push({ path, message: `unknown profile question for rubric ${rubric.id}` });
				continue;
			}
			if (Array.isArray(value) && !q.multiple)
				problems.push({ path, message: 'takes one option, not a list' });
			for (const v of Array.isArray(value) ? value : [value])
				if (!q.options.some((o) => o.id === v))
					problems.push({
						path,
						message: `"${v}" is not an option (${q.options.map((o) => o.id).join(', ')})`
					});
		}
		if (!problems.length) return [];
		if (!best || problems.length < best.length) best = problems;
	}
	return best ?? [];
}
