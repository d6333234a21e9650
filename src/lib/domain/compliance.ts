/**
 * Compliance checks (必须项): legal duties answered met / not met / not applicable. They are kept
 * apart from the maturity score on purpose: a good score must never hide an unmet legal duty, and
 * a compliance answer never changes any score.
 */
import type { ComplianceCheck, Rubric } from '../rubrics/schema';
import type { Assessment, ComplianceAnswer, ComplianceStatusValue } from './assessment';
import { matchesCondition } from './rubric-index';

export interface ComplianceRow {
	check: ComplianceCheck;
	status: ComplianceStatusValue | null;
	note: string;
}

export type ComplianceOverall = 'none' | 'met' | 'not-met' | 'incomplete';

export interface ComplianceSummary {
	/** The checks that apply to the assessment's profile, in rubric order. */
	rows: ComplianceRow[];
	met: number;
	notMet: number;
	notApplicable: number;
	unanswered: number;
	/**
	 * not-met as soon as one duty is not met (whatever else is unanswered); incomplete when some are
	 * unanswered; met when every applicable duty is met or declared not applicable; none without checks.
	 */
	overall: ComplianceOverall;
}

/** The checks that bind a subject with this profile. */
export function applicableChecks(
	rubric: Rubric,
	profile: Assessment['profile']
): ComplianceCheck[] {
	return rubric.compliance.filter((c) => matchesCondition(c.appliesTo, profile));
}

export function complianceStatus(rubric: Rubric, assessment: Assessment): ComplianceSummary {
	const answers: Record<string, ComplianceAnswer> = assessment.compliance ?? {};
	const rows = applicableChecks(rubric, assessment.profile).map((check) => ({
		check,
		status: answers[check.id]?.status ?? null,
		note: answers[check.id]?.note ?? ''
	}));
	const count = (s: ComplianceStatusValue | null) => rows.filter((r) => r.status === s).length;
	const met = count('met');
	const notMet = count('not-met');
	const notApplicable = count('not-applicable');
	const unanswered = count(null);
	const overall: ComplianceOverall =
		rows.length === 0 ? 'none' : notMet > 0 ? 'not-met' : unanswered > 0 ? 'incomplete' : 'met';
	return { rows, met, notMet, notApplicable, unanswered, overall };
}
