/**
 * A respondent's blank questionnaire: the indicators assigned to it with every level descriptor,
 * the coordinator's instruction, deadline and contact, and blanks to tick and fill. Built as a
 * report model, so the PDF renderer that draws reports draws it too. It carries nothing of the
 * assessment's answers, notes or evidence.
 */
import type { Rubric, Text } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import { indicatorsOf, scopedIndicators } from '../coordination/core';
import { reportText, type ReportLocale } from '../report-text';
import type { Block, ReportModel, ReportSection } from './model-types';
import { coordinationWords } from './coordination';

export interface QuestionnaireInput {
	rubric: Rubric;
	assessment: Assessment;
	respondentId: string;
	locale: ReportLocale;
	/** The day it is printed (YYYY-MM-DD); passed in, never read from a clock */
	generatedOn: string;
}

export function buildQuestionnaireModel(input: QuestionnaireInput): ReportModel {
	const { rubric, assessment, locale } = input;
	const coordination = assessment.coordination;
	const respondent = coordination?.respondents.find((r) => r.id === input.respondentId);
	if (!coordination || !respondent) throw new Error(`no respondent ${input.respondentId}`);
	const { t } = coordinationWords(rubric, locale);
	const pick = (text: Text) => text[locale];
	const colon = locale === 'zh' ? '：' : ': ';
	const assigned = new Set(indicatorsOf(coordination, respondent.id));
	const entries = scopedIndicators(rubric, assessment).filter((e) => assigned.has(e.indicator.id));

	const instructions: Block[] = [];
	if (respondent.instruction)
		instructions.push({ kind: 'paragraph', text: respondent.instruction });
	const facts = [
		respondent.deadline ? `${t('deadline')}${colon}${respondent.deadline}` : '',
		respondent.contact ? `${t('contact')}${colon}${respondent.contact}` : '',
		coordination.coordinator ? `${t('coordinator')}${colon}${coordination.coordinator}` : ''
	].filter(Boolean);
	if (facts.length) instructions.push({ kind: 'list', items: facts });
	instructions.push(
		{ kind: 'paragraph', tone: 'note', text: t('howTo') },
		{ kind: 'paragraph', text: t('indicatorCount', { count: entries.length }) }
	);
	const sections: ReportSection[] = [
		{ id: 'instructions', title: t('instructions'), blocks: instructions, children: [] }
	];

	for (const entry of entries) {
		const { indicator, domain } = entry;
		let section = sections.find((s) => s.id === domain.id);
		if (!section) {
			section = { id: domain.id, title: pick(domain.title), blocks: [], children: [] };
			sections.push(section);
		}
		const blocks: Block[] = [
			{ kind: 'paragraph', text: pick(indicator.question) },
			{
				kind: 'table',
				columns: [
					{ header: t('tick'), width: 0.8, align: 'center' },
					{ header: t('level'), width: 1.6 },
					{ header: t('descriptor'), width: 7 }
				],
				rows: indicator.levels.map((descriptor, level) => [
					'□',
					`${level} ${pick(rubric.scale[level]?.name ?? { zh: '', en: '' })}`,
					pick(descriptor)
				])
			}
		];
		if (indicator.allowNotApplicable)
			blocks.push({ kind: 'paragraph', text: t('notApplicableBox') });
		if (indicator.metric)
			blocks.push({
				kind: 'paragraph',
				text: t('valueLine', { unit: pick(indicator.metric.unit) })
			});
		blocks.push(
			{ kind: 'paragraph', text: t('noteLine') },
			{ kind: 'paragraph', text: t('evidenceLine') }
		);
		section.children.push({
			id: indicator.id,
			title: `${pick(indicator.title)}（${indicator.id}）`,
			blocks,
			children: []
		});
	}
	sections.push({
		id: 'signature',
		title: t('respondent'),
		blocks: [{ kind: 'paragraph', text: t('personLine') }],
		children: []
	});

	const cover = [
		{ label: reportText(locale, 'subject'), value: assessment.subject.name },
		{ label: reportText(locale, 'period'), value: assessment.period },
		{ label: t('questionnaireFor'), value: respondent.name },
		{ label: t('coordinator'), value: coordination.coordinator },
		{ label: t('deadline'), value: respondent.deadline ?? '' },
		{ label: t('contact'), value: respondent.contact ?? '' },
		{ label: reportText(locale, 'rubric'), value: `${pick(rubric.title)} v${rubric.version}` },
		{ label: reportText(locale, 'generatedOn'), value: input.generatedOn }
	].filter((line) => line.value.trim() !== '');

	return {
		locale,
		meta: {
			title: `${t('questionnaire')}${locale === 'zh' ? '：' : ': '}${respondent.name}`,
			subjectName: assessment.subject.name,
			period: assessment.period,
			assessor: coordination.coordinator,
			date: assessment.date,
			generatedOn: input.generatedOn,
			rubricTitle: pick(rubric.title),
			rubricId: rubric.id,
			rubricVersion: rubric.version,
			language: locale === 'zh' ? 'zh-CN' : 'en',
			cover
		},
		sections,
		furniture: { contents: reportText(locale, 'contents'), pageOf: reportText(locale, 'pageOf') }
	};
}
