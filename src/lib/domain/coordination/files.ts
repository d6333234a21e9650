/**
 * Reading a 填报包 or 回执 from an untrusted file: the same JSON limits, schema errors with a path
 * and checks against the rubric as an assessment file gets, so the app and the CLI refuse the same
 * things. Nothing here changes any assessment.
 */
import type { Rubric } from '../../rubrics/schema';
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import {
	checkAgainstRubric,
	describeIssue,
	InputError,
	parseJsonText,
	type RubricSource
} from '../assessment-file';
import { evidenceProblems } from '../evidence-check';
import { indexIndicators } from '../rubric-index';
import {
	PACKAGE_FORMAT,
	PackageFileSchema,
	RETURN_FORMAT,
	ReturnFileSchema,
	type PackageFile,
	type ReturnFile
} from './schema';

export type CoordinationFile =
	| { kind: 'package'; file: PackageFile; rubric: Rubric }
	| { kind: 'return'; file: ReturnFile; rubric: Rubric };

/** Whether parsed JSON claims to be a package or a return (before validation). */
export function coordinationFormatOf(data: unknown): 'package' | 'return' | null {
	const format = data && typeof data === 'object' ? (data as { format?: unknown }).format : null;
	return format === PACKAGE_FORMAT ? 'package' : format === RETURN_FORMAT ? 'return' : null;
}

export function readCoordinationFile(
	text: string,
	name: string,
	rubrics: RubricSource
): CoordinationFile {
	return parseCoordinationData(parseJsonText(text, name), name, rubrics);
}

export function parseCoordinationData(
	data: unknown,
	name: string,
	rubrics: RubricSource
): CoordinationFile {
	const kind = coordinationFormatOf(data);
	if (!kind)
		throw new InputError(name, [
			{ path: '$.format', message: 'is neither a 填报包 (package) nor a 回执 (return)' }
		]);
	const result = (kind === 'package' ? PackageFileSchema : ReturnFileSchema).safeParse(data);
	if (!result.success)
		throw new InputError(name, result.error.issues.slice(0, 20).map(describeIssue));
	const file = result.data as PackageFile | ReturnFile;
	const ref = 'assessment' in file ? file.assessment.rubric : file.rubric;
	const rubric = rubrics.find(ref.id, ref.version);
	if (!rubric) {
		const known = rubrics.versions(ref.id);
		throw new InputError(name, [
			{
				path: kind === 'package' ? '$.assessment.rubric' : '$.rubric',
				message: known.length
					? `rubric ${ref.id} version ${ref.version} is not available here (available: ${known.join(', ')}); the file was made with another version of the app`
					: `unknown rubric "${ref.id}"`
			}
		]);
	}
	// The answers are checked as an assessment's would be: against the rubric, and the evidence.
	const probe = asAssessment(file, rubric);
	const problems = [...checkAgainstRubric(probe, rubric), ...evidenceProblems(probe)].map((p) => ({
		...p,
		path: p.path.replace(/^\$?\.?answers/, '$.answers')
	}));
	if (kind === 'package') {
		const index = indexIndicators(rubric);
		const pkg = file as PackageFile;
		for (const id of pkg.indicators)
			if (!index.has(id))
				problems.push({ path: '$.indicators', message: `unknown indicator id ${id}` });
		// A package carries answers for its own indicators only; any other answer was added to
		// the file after it was handed out, and opening it would put it into the task.
		const assigned = new Set(pkg.indicators);
		for (const id of Object.keys(pkg.answers))
			if (!assigned.has(id))
				problems.push({
					path: `$.answers.${id}`,
					message:
						'is not one of the package’s indicators; the file was altered after it was handed out'
				});
	}
	if (problems.length) throw new InputError(name, problems.slice(0, 20));
	return kind === 'package'
		? { kind, file: file as PackageFile, rubric }
		: { kind, file: file as ReturnFile, rubric };
}

function asAssessment(file: PackageFile | ReturnFile, rubric: Rubric): Assessment {
	const answers: Record<string, Answer> = file.answers;
	return {
		format: 'gd-digital-economy-assessment',
		formatVersion: 1,
		id: 'assessmentId' in file ? file.assessmentId : file.assessment.id,
		rubric: { id: rubric.id, version: rubric.version },
		subject:
			'assessment' in file
				? file.assessment.subject
				: { id: 'x', name: 'x', kind: rubric.audience },
		profile: 'assessment' in file ? file.assessment.profile : {},
		mode: 'full',
		period: '',
		assessor: '',
		date: 'assessment' in file ? file.assessment.date : file.returnedOn,
		answers
	};
}
