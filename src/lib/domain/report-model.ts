/**
 * The report model: everything a report says — sections, key figures, tables, chart series and
 * texts — built from the scores, gaps, measures and comparison. Renderers (the PDF, the Word
 * document, the results page) only draw it, so the browser and the CLI produce the same report
 * from the same code. Each section is built by its own module under ./report/.
 */
import { reportText } from './report-text';
import { describeProfile } from './rubric-index';
import { buildComplianceSection, buildFiguresSection } from './report/compliance';
import { createReportContext } from './report/context';
import { buildCoordinationSection } from './report/coordination';
import { domainsSection, gapsSection, planSection } from './report/detail-sections';
import type { ReportInput, ReportModel, ReportSection } from './report/model-types';
import { chartsSection, summarySection } from './report/overview-sections';
import {
	comparisonSection,
	evidenceSection,
	methodologySection
} from './report/reference-sections';

export * from './report/model-types';
export { buildTrendCharts, limitSeries, MAX_SERIES } from './report/trend-charts';

export function buildReportModel(input: ReportInput): ReportModel {
	const ctx = createReportContext(input);
	const { rubric, assessment, locale, t, pick, include } = ctx;
	const sections = [
		summarySection(ctx),
		// Legal duties right after the summary, apart from the maturity score.
		include.has('compliance') ? buildComplianceSection(rubric, assessment, locale) : null,
		chartsSection(ctx),
		domainsSection(ctx),
		gapsSection(ctx),
		planSection(ctx),
		comparisonSection(ctx),
		methodologySection(ctx),
		evidenceSection(ctx),
		include.has('figures') ? buildFiguresSection(rubric, assessment, locale) : null,
		// A coordinated assessment's record (provenance, sign-off, change log) is always appended.
		buildCoordinationSection(rubric, assessment, locale)
	].filter((s): s is ReportSection => s !== null);

	const profileText = describeProfile(rubric, assessment.profile, locale);
	const reportTitle = rubric.audience === 'city' ? t('reportTitle') : t('reportTitleEnterprise');
	const cover = [
		{ label: t('subject'), value: assessment.subject.name },
		{ label: t('period'), value: assessment.period },
		{ label: t('profile'), value: profileText },
		{ label: t('rubric'), value: `${pick(rubric.title)} v${rubric.version}` },
		{ label: t('mode'), value: assessment.mode === 'quick' ? t('modeQuick') : t('modeFull') },
		{ label: t('assessor'), value: assessment.assessor },
		{ label: t('preparedBy'), value: input.preparedBy ?? '' },
		{ label: t('date'), value: assessment.date },
		{ label: t('generatedOn'), value: input.generatedOn }
	].filter((line) => line.value.trim() !== '');

	return {
		locale,
		meta: {
			title: reportTitle,
			subjectName: assessment.subject.name,
			period: assessment.period,
			assessor: assessment.assessor,
			date: assessment.date,
			generatedOn: input.generatedOn,
			rubricTitle: pick(rubric.title),
			rubricId: rubric.id,
			rubricVersion: rubric.version,
			preparedBy: input.preparedBy,
			language: locale === 'zh' ? 'zh-CN' : 'en',
			cover
		},
		sections,
		furniture: { contents: t('contents'), pageOf: reportText(locale, 'pageOf') }
	};
}
