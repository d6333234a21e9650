/**
 * Assigning indicators to respondents and handing out packages (填报包). A package carries what
 * its respondent needs to answer and nothing else: the subject, the rubric, the profile, its own
 * indicators with their levels, targets and values as they stand, the instruction and deadline;
 * never another respondent's notes or evidence, nor the coordinator's.
 */
import type { Answer } from '../answer';
import type { Assessment } from '../assessment';
import { isInScope, listIndicators } from '../rubric-index';
import type { Rubric } from '../../rubrics/schema';
import { emptyCoordination } from './empty';
import { COORDINATION_FILE_VERSION, PACKAGE_FORMAT } from './formats';
import type { Coordination, PackageFile, Respondent } from './schema';

/** The indicators in the assessment's scope, in rubric order. */
export function scopedIndicators(rubric: Rubric, assessment: Assessment) {
	return listIndicators(rubric).filter((e) => isInScope(e, assessment.profile, assessment.mode));
}

/** One respondent per rubric actor that is responsible for an indicator in scope. */
export function defaultRespondents(
	rubric: Rubric,
	assessment: Assessment,
	locale: 'zh' | 'en'
): Respondent[] {
	const used = new Set(
		scopedIndicators(rubric, assessment).flatMap((e) => e.indicator.responsible)
	);
	return rubric.actors
		.filter((a) => used.has(a.id))
		.map((a) => ({ id: a.id, name: a.name[locale], actorId: a.id }));
}

/** Each indicator in scope to the respondents standing for its responsible actors. */
export function defaultAssignments(
	rubric: Rubric,
	assessment: Assessment,
	respondents: readonly Respondent[]
): Record<string, string[]> {
	const assignments: Record<string, string[]> = {};
	for (const { indicator } of scopedIndicators(rubric, assessment)) {
		const ids = respondents
			.filter((r) => r.actorId && indicator.responsible.includes(r.actorId))
			.map((r) => r.id);
		if (ids.length) assignments[indicator.id] = ids;
	}
	return assignments;
}

/** Starts coordination with the rubric's defaults; an assessment already coordinated is kept. */
export function startCoordination(
	rubric: Rubric,
	assessment: Assessment,
	coordinator: string,
	locale: 'zh' | 'en'
): Assessment {
	if (assessment.coordination) return assessment;
	const respondents = defaultRespondents(rubric, assessment, locale);
	return {
		...assessment,
		coordination: {
			...emptyCoordination(),
			coordinator,
			respondents,
			assignments: defaultAssignments(rubric, assessment, respondents)
		}
	};
}

export const indicatorsOf = (coordination: Coordination, respondentId: string) =>
	Object.entries(coordination.assignments)
		.filter(([, ids]) => ids.includes(respondentId))
		.map(([id]) => id);

/** What a respondent is handed of an answer: levels and figures, no notes or evidence. */
export function handedOut(answer: Answer | undefined): Answer {
	if (!answer) return { level: null, notApplicable: false, target: null };
	const { note: _note, evidence: _evidence, ...rest } = answer;
	return rest;
}

export class HandoutError extends Error {
	constructor(readonly code: 'no-respondent' | 'nothing-assigned' | 'finalised') {
		super(code);
	}
}

/**
 * Hands out a package to one respondent: the file to send, and the assessment with the package
 * recorded (what the respondent was handed, to tell its later answers from what it saw). A
 * second package to the same respondent supersedes the first: returns of the first are refused.
 */
export function issuePackage(
	rubric: Rubric,
	assessment: Assessment,
	respondentId: string,
	on: string
): { assessment: Assessment; file: PackageFile } {
	const coordination = assessment.coordination;
	const respondent = coordination?.respondents.find((r) => r.id === respondentId);
	if (!coordination || !respondent) throw new HandoutError('no-respondent');
	if (coordination.finalised) throw new HandoutError('finalised');
	const order = scopedIndicators(rubric, assessment).map((e) => e.indicator.id);
	const assigned = new Set(indicatorsOf(coordination, respondentId));
	const indicators = order.filter((id) => assigned.has(id));
	if (indicators.length === 0) throw new HandoutError('nothing-assigned');
	const count = coordination.packages.filter((p) => p.respondentId === respondentId).length;
	const id = `${respondentId}.${count + 1}`;
	const base = Object.fromEntries(
		indicators.map((i) => [i, assessment.answers[i] ?? handedOut(undefined)])
	);
	const file: PackageFile = {
		format: PACKAGE_FORMAT,
		formatVersion: COORDINATION_FILE_VERSION,
		package: { id, issuedOn: on },
		coordinator: coordination.coordinator,
		assessment: {
			id: assessment.id,
			rubric: assessment.rubric,
			subject: assessment.subject,
			profile: assessment.profile,
			mode: assessment.mode,
			period: assessment.period,
			date: assessment.date
		},
		respondent,
		indicators,
		answers: Object.fromEntries(indicators.map((i) => [i, handedOut(assessment.answers[i])]))
	};
	return {
		file,
		assessment: {
			...assessment,
			coordination: {
				...coordination,
				packages: [...coordination.packages, { id, respondentId, issuedOn: on, indicators, base }]
			}
		}
	};
}
