/**
 * What the PDF and the Word export both need: the report model of this assessment (with its
 * comparison and trend, the chosen language, sections and departments) and the branding set in
 * Settings, with the logo as bytes. One place, so the two reports always say the same.
 */
import type { Assessment } from '$lib/domain/assessment';
import { REPORT_SECTIONS, type ReportSectionId } from '$lib/domain/report/model-types';
import { guidelineTitles } from '$lib/state/guideline-titles.svelte';
import type { Rubric } from '$lib/rubrics/schema';
import type { AssessmentSession } from '$lib/state/assessment-session.svelte';
import { today } from '$lib/state/library';
import { dataUrlToBlob } from '$lib/storage/files';
import type { AssessmentRecord } from '$lib/storage/records';

export interface ExportChoices {
	session: AssessmentSession;
	previous: { rubric: Rubric; record: AssessmentRecord } | null;
	history: AssessmentRecord[];
	locale: 'zh' | 'en';
	sections: readonly ReportSectionId[];
	/** Only these departments in the action plan; all when undefined */
	planActors?: string[];
}

export async function exportReportModel(choices: ExportChoices) {
	const { session, previous, history } = choices;
	const assessment = $state.snapshot(session.assessment) as Assessment;
	// Earlier assessments made with a rubric version this app no longer has are left out.
	const rubrics: Record<string, Rubric> = { [session.rubric.version]: session.rubric };
	// The report model and the stored branding load on export, not with the page.
	const [{ buildReportModel }, { getBranding }] = await Promise.all([
		import('$lib/domain/report-model'),
		import('$lib/storage/branding')
	]);
	const stored = await getBranding();
	const model = buildReportModel({
		rubric: session.rubric,
		assessment,
		previous: previous
			? { rubric: previous.rubric, assessment: previous.record.assessment }
			: undefined,
		history: history
			.filter((h) => h.assessment.rubric.version in rubrics)
			.map((h) => ({ rubric: rubrics[h.assessment.rubric.version]!, assessment: h.assessment })),
		catalog: await guidelineTitles.load(),
		locale: choices.locale,
		generatedOn: today(),
		// The compliance status is always part of the report: it cannot be left out.
		sections: REPORT_SECTIONS.filter((s) => s === 'compliance' || choices.sections.includes(s)),
		planActors: choices.planActors,
		preparedBy: stored.preparedBy || undefined
	});
	const branding = {
		preparedBy: stored.preparedBy || undefined,
		accentColor: stored.accentColor,
		logo: stored.logo
			? {
					data: new Uint8Array(await dataUrlToBlob(stored.logo.dataUrl).arrayBuffer()),
					type: stored.logo.type
				}
			: undefined
	};
	return { assessment, model, branding };
}
