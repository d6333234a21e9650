/** Messages of rubric versions: carrying an assessment into a later version. Chinese is the source. */
export const versionsZh = {
	'versions.rubric': '量表 {version}',
	'versions.rubricNote': '（量表 {version}）',
	'carry.button': '转入新版量表（{version}）',
	'carry.done':
		'已按新版量表 {version} 新建评估；原评估保持不变。{carried} 项答案已直接转入，下列 {count} 项需要您逐项确认。',
	'carry.title': '转入新版量表：待确认事项（{from} → {to}）',
	'carry.intro':
		'以下答案未自动计入新版评估：请逐项确认建议等级、改为其他等级，或在填报页中修改。确认前该指标视为未作答。',
	'carry.changed': '口径调整',
	'carry.split': '拆分',
	'carry.merged': '合并',
	'carry.mergedLowest': '建议取合并前各项中的最低等级。',
	'carry.from': '原指标：{items}',
	'carry.proposal': '建议等级：{level}',
	'carry.notApplicable': '不适用',
	'carry.unanswered': '未作答',
	'carry.confirm': '确认建议',
	'carry.choose': '改为等级',
	'carry.open': '在填报页中查看',
	'carry.removed': '新版已删除此指标，原答案保留如下（原评估中也保留）：',
	'carry.action': '行动状态未能对应到新版措施：{key}（{status}）',
	'carry.profile': '新版画像中没有此项，未转入：{question} = {value}',
	'carry.dismiss': '已阅，移出列表',
	'carry.allDone': '全部事项已确认。'
} as const;
