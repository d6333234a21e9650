/**
 * Report wording for coordinated assessments (the appendix with provenance, sign-off and change
 * log) and for a respondent's blank questionnaire, in both languages. Chinese is the source.
 */
import type { ReportLocale } from '../report-text';

const zh = {
	appendix: '附录：协同填报、定稿与变更记录',
	coordinatedBy: '本评估由{coordinator}组织协同填报，共 {count} 个填报{unit}。',
	finalisedBy: '已定稿：{by}，{on}。',
	notFinalised: '尚未定稿。',
	respondents: '填报{unit}',
	respondent: '填报{unit}',
	assigned: '分配指标',
	lastReturn: '最近回执',
	none: '—',
	provenance: '作答来源',
	provenanceIntro:
		'下表列出各{unit}回执中的作答，以及协调人的裁定；计入得分的是裁定或合并后的作答。',
	indicator: '指标',
	answer: '作答',
	person: '填写人',
	returnedOn: '日期',
	packageId: '填报包',
	decision: '裁定',
	decidedRespondent: '采用{name}的作答',
	decidedCoordinator: '协调人修改',
	decidedConsolidated: '综合认定',
	log: '变更记录',
	logIntro:
		'记录合并回执、裁定、定稿、重新打开，以及首次定稿后的每一处修改（何人、何时、哪项指标、原值 → 新值、原因）。',
	noLog: '暂无变更记录。',
	on: '日期',
	by: '操作人',
	kind: '类型',
	change: '变更（原值 → 新值）',
	reason: '原因或说明',
	'kind.answer': '修改作答',
	'kind.merge': '合并回执',
	'kind.decision': '裁定',
	'kind.finalise': '定稿',
	'kind.reopen': '重新打开',
	'field.level': '等级',
	'field.notApplicable': '不适用',
	'field.target': '目标',
	'field.value': '数值',
	'field.figures': '记录数值',
	'field.note': '备注',
	'field.evidence': '证据',
	yes: '是',
	no: '否',
	empty: '（空）',
	mergeCounts: '{respondent}的回执：{answers} 项作答，{changed} 项变更，{conflicts} 项待裁定',
	notApplicable: '不适用',
	unanswered: '未作答',
	unitCity: '部门',
	unitEnterprise: '职能',
	// The blank questionnaire
	questionnaire: '填报问卷',
	questionnaireFor: '填报{unit}',
	coordinator: '协调人',
	deadline: '截止日期',
	contact: '联系方式',
	issuedOn: '下发日期',
	instructions: '填报说明',
	howTo:
		'每项指标请在符合实际的一个等级前的 □ 内打 √；确不适用的，勾选“不适用”。有数值的请填写数值及口径；证据请写明文件名称或网址。填写完成后，请在本应用中打开填报包录入，或将本问卷交回协调人。',
	indicatorCount: '本问卷共 {count} 项指标。',
	level: '等级',
	descriptor: '可观察的依据',
	tick: '选择',
	notApplicableBox: '□ 不适用（如本{unit}确不涉及此项）',
	valueLine: '数值（{unit}）：____________________',
	noteLine: '说明或备注：________________________________________',
	evidenceLine: '证据（文件名称或网址）：________________________________',
	personLine: '填写人：______________  日期：______________'
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
	appendix: 'Appendix: coordination, sign-off and change log',
	coordinatedBy:
		'This assessment was coordinated by {coordinator}, with {count} responding {unit}s.',
	finalisedBy: 'Signed off: {by}, {on}.',
	notFinalised: 'Not signed off yet.',
	respondents: 'Responding {unit}s',
	respondent: 'Responding {unit}',
	assigned: 'Indicators assigned',
	lastReturn: 'Latest return',
	none: '—',
	provenance: 'Where the answers come from',
	provenanceIntro:
		"The answers in each {unit}'s returns and the coordinator's decisions; the decided or merged answer is what counts in the score.",
	indicator: 'Indicator',
	answer: 'Answer',
	person: 'Filled in by',
	returnedOn: 'Date',
	packageId: 'Package',
	decision: 'Decision',
	decidedRespondent: "{name}'s answer taken",
	decidedCoordinator: "Coordinator's edit",
	decidedConsolidated: 'Consolidated answer',
	log: 'Change log',
	logIntro:
		'Merged returns, decisions, sign-offs, reopenings and every change after the first sign-off (who, when, which indicator, old → new, why).',
	noLog: 'No changes recorded.',
	on: 'Date',
	by: 'By',
	kind: 'Kind',
	change: 'Change (old → new)',
	reason: 'Reason or note',
	'kind.answer': 'Answer changed',
	'kind.merge': 'Return merged',
	'kind.decision': 'Decision',
	'kind.finalise': 'Signed off',
	'kind.reopen': 'Reopened',
	'field.level': 'Level',
	'field.notApplicable': 'Not applicable',
	'field.target': 'Target',
	'field.value': 'Value',
	'field.figures': 'Recorded figures',
	'field.note': 'Note',
	'field.evidence': 'Evidence',
	yes: 'yes',
	no: 'no',
	empty: '(empty)',
	mergeCounts:
		'Return from {respondent}: {answers} answers, {changed} changed, {conflicts} to decide',
	notApplicable: 'Not applicable',
	unanswered: 'Unanswered',
	unitCity: 'department',
	unitEnterprise: 'function',
	questionnaire: 'Questionnaire',
	questionnaireFor: 'Responding {unit}',
	coordinator: 'Coordinator',
	deadline: 'Deadline',
	contact: 'Contact',
	issuedOn: 'Issued on',
	instructions: 'How to fill in',
	howTo:
		'For each indicator tick the □ of the one level that matches the facts; where it truly does not apply, tick "not applicable". Give values with how they were counted; name evidence by document title or web address. Then enter the answers in the app from the package, or return this questionnaire to the coordinator.',
	indicatorCount: 'This questionnaire has {count} indicators.',
	level: 'Level',
	descriptor: 'Observable evidence',
	tick: 'Tick',
	notApplicableBox: '□ Not applicable (this {unit} is not concerned)',
	valueLine: 'Value ({unit}): ____________________',
	noteLine: 'Explanation or note: ________________________________________',
	evidenceLine: 'Evidence (document title or web address): ____________________',
	personLine: 'Filled in by: ______________  Date: ______________'
};

export const coordinationReportTexts = { zh, en };
export type CoordinationTextKey = Key;

export function coordinationText(
	locale: ReportLocale,
	key: Key,
	params: Record<string, string | number> = {}
): string {
	return (locale === 'zh' ? zh : en)[key].replace(/\{(\w+)\}/g, (_, k: string) =>
		String(params[k] ?? `{${k}}`)
	);
}
