/** English of compliance.ts (loaded only when the interface is in English). */
import type { complianceZh } from '../compliance';

export const complianceEn: Record<keyof typeof complianceZh, string> = {
	'compliance.section': 'Compliance checks (required by law)',
	'compliance.pending':
		'{count} legal duties (required by law) are not yet confirmed; they are reported apart from the maturity score.',
	'compliance.open': 'Fill in the compliance checks',
	'compliance.sectionHint':
		'These are duties set by laws and regulations: answer met, not met or not applicable. Compliance is reported on its own and is not part of the maturity score.',
	'compliance.none': "No compliance check of this rubric applies to this subject's profile.",
	'compliance.requirement': 'Requirement',
	'compliance.binds': 'Binds',
	'compliance.legalSource': 'Legal source',
	'compliance.evidence': 'Evidence',
	'compliance.responsible': 'Responsible',
	'compliance.status': 'Status',
	'compliance.met': 'Met',
	'compliance.notMet': 'Not met',
	'compliance.notApplicable': 'Not applicable',
	'compliance.unanswered': 'Unanswered',
	'compliance.clear': 'Clear',
	'compliance.note': 'Note',
	'compliance.notePlaceholder': 'Basis, document numbers, remediation plan',
	'compliance.progress': '{done}/{total} answered',
	'compliance.statusTitle': 'Compliance status (legal duties, not part of the maturity score)',
	'compliance.overall.met': 'Every applicable legal duty is met',
	'compliance.overall.notMet': 'Legal duties not met: {count}',
	'compliance.overall.incomplete': 'Compliance checks incomplete: {count} unanswered',
	'compliance.overall.none': 'No compliance checks apply',
	'compliance.counts':
		'Met {met} · Not met {notMet} · Not applicable {notApplicable} · Unanswered {unanswered}',
	'compliance.notMetList': 'Duties not met',
	'compliance.unansweredList': 'Checks not answered',
	'compliance.apart':
		'The maturity score measures development beyond what the law requires; a good score never offsets an unmet legal duty.',
	'results.section.compliance': 'Compliance status',
	'results.section.figures': 'Appendix: recorded figures',
	'ratio.numerator': 'Numerator',
	'ratio.denominator': 'Denominator',
	'ratio.value': 'Computed value',
	'figures.title': 'Recorded figures (not scored)',
	'figures.appendix': 'Appendix: recorded figures',
	'figures.indicator': 'Indicator',
	'figures.figure': 'Figure',
	'figures.value': 'Value',
	'figures.working': 'Working'
};
