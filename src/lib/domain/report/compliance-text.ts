/** Report wording for compliance and recorded figures, in both languages. Chinese is the source. */
import type { ReportLocale } from '../report-text';

const zh = {
	compliance: '合规状态（法定义务）',
	complianceApart:
		'以下为法律法规规定的义务（必须项），与成熟度得分分开评价：成熟度得分只衡量超出法定要求的发展水平，得分高不能抵消未满足的法定义务。',
	overall: '总体合规状态',
	overallMet: '全部满足',
	overallNotMet: '{count} 项未满足',
	overallIncomplete: '未完成（{count} 项未回答）',
	met: '已满足',
	notMet: '未满足',
	notApplicable: '不适用',
	unanswered: '未回答',
	notMetWarning: '{count} 项法定义务未满足，须优先整改，不论成熟度得分高低。',
	incompleteWarning: '尚有 {count} 项合规检查未回答，合规状态尚不能确定。',
	check: '检查项',
	status: '状态',
	legalSource: '法律依据',
	binds: '义务主体',
	responsible: '责任主体',
	notMetTitle: '未满足的义务',
	requirement: '要求',
	note: '说明',
	figures: '附：记录的数据',
	figuresIntro: '评估中记录的数据，不计入得分；比值由分子和分母计算，列出计算过程。',
	indicator: '指标',
	figure: '数据',
	value: '数值',
	working: '计算过程',
	noFigures: '未记录数据。'
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
	compliance: 'Compliance status (legal duties)',
	complianceApart:
		'These are duties set by laws and regulations (required), assessed apart from the maturity score: the score measures development beyond what the law requires, and a good score never offsets an unmet legal duty.',
	overall: 'Overall compliance',
	overallMet: 'All met',
	overallNotMet: '{count} not met',
	overallIncomplete: 'Incomplete ({count} unanswered)',
	met: 'Met',
	notMet: 'Not met',
	notApplicable: 'Not applicable',
	unanswered: 'Unanswered',
	notMetWarning:
		'Legal duties not met: {count}. They need remedying first, whatever the maturity score.',
	incompleteWarning: 'Compliance checks unanswered: {count}. Compliance is not yet known.',
	check: 'Check',
	status: 'Status',
	legalSource: 'Legal source',
	binds: 'Binds',
	responsible: 'Responsible',
	notMetTitle: 'Duties not met',
	requirement: 'Requirement',
	note: 'Note',
	figures: 'Appendix: recorded figures',
	figuresIntro:
		'Figures recorded with the assessment, not scored; ratios are computed from their numerator and denominator, with the working.',
	indicator: 'Indicator',
	figure: 'Figure',
	value: 'Value',
	working: 'Working',
	noFigures: 'No figures recorded.'
};

export const complianceReportTexts = { zh, en };

export function complianceText(
	locale: ReportLocale,
	key: Key,
	params: Record<string, string | number> = {}
): string {
	return (locale === 'zh' ? zh : en)[key].replace(/\{(\w+)\}/g, (_, k: string) =>
		String(params[k] ?? `{${k}}`)
	);
}
