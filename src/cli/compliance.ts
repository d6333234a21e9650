/** The compliance status in `cli score`: apart from the maturity score, and first. */
import type { Assessment } from '../lib/domain/assessment';
import { complianceStatus } from '../lib/domain/compliance';
import { legalSourceLabel } from '../lib/domain/report/compliance';
import type { Rubric } from '../lib/rubrics/schema';

/** undefined for a rubric without compliance checks, so its output stays as it was. */
export function complianceJson(rubric: Rubric, assessment: Assessment) {
	if (rubric.compliance.length === 0) return undefined;
	const s = complianceStatus(rubric, assessment);
	return {
		overall: s.overall,
		met: s.met,
		notMet: s.notMet,
		notApplicable: s.notApplicable,
		unanswered: s.unanswered,
		checks: s.rows.map((r) => ({
			id: r.check.id,
			status: r.status,
			legalSource: legalSourceLabel(r.check.legalSource, 'zh'),
			responsible: r.check.responsible
		}))
	};
}

export function complianceLines(
	rubric: Rubric,
	assessment: Assessment,
	lang: 'zh' | 'en'
): string[] {
	if (rubric.compliance.length === 0) return [];
	const s = complianceStatus(rubric, assessment);
	const overall = {
		none: 'no checks apply',
		met: 'all legal duties met',
		'not-met': `${s.notMet} legal ${s.notMet === 1 ? 'duty' : 'duties'} NOT MET`,
		incomplete: `INCOMPLETE, ${s.unanswered} unanswered`
	}[s.overall];
	const actor = (id: string) => rubric.actors.find((a) => a.id === id)?.name[lang] ?? id;
	const label = { met: 'met', 'not-met': 'NOT MET', 'not-applicable': 'n/a' } as const;
	return [
		`Compliance (not part of the score): ${overall}  (met ${s.met}, not met ${s.notMet}, not applicable ${s.notApplicable}, unanswered ${s.unanswered})`,
		...s.rows.map(
			(r) =>
				`  ${(r.status ? label[r.status] : 'unanswered').padEnd(10)} ${r.check.title[lang]} · ${legalSourceLabel(r.check.legalSource, lang)} · ${r.check.responsible.map(actor).join(lang === 'zh' ? '、' : ', ')}`
		)
	];
}
