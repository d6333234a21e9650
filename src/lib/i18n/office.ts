/** Messages of the Excel workbook export and the answer-sheet import. Chinese is the source. */
export const officeZh = {
	'office.title': 'Excel 工作簿',
	'office.intro':
		'导出的工作簿包含答卷、得分、差距和行动计划四张工作表。可在“答卷”表中填写现状等级、不适用、目标等级、指标数值和备注，再导入本评估；导入前会列出全部修改供确认。',
	'office.loadingTools': '正在载入工作簿功能…',
	'office.loadFailed': '工作簿功能未能载入：{message}。请重新加载页面后再试。',
	'office.export': '导出Excel工作簿',
	'office.exporting': '正在生成工作簿…',
	'office.exported': '已生成“{file}”。',
	'office.exportError': '工作簿未能生成：{message}',
	'office.import': '导入填写后的答卷',
	'office.reading': '正在读取“{file}”…',
	'office.fatal': '“{file}”无法导入，本评估未作任何修改：',
	'office.noChanges': '“{file}”与当前答案相同，没有需要导入的修改。',
	'office.preview': '“{file}”将作出以下 {count} 处修改：',
	'office.otherAssessment': '注意：该答卷导出自同一量表的另一次评估。',
	'office.problems': '以下 {rows} 行有问题，未被采用：',
	'office.indicator': '指标',
	'office.field': '项目',
	'office.change': '修改（原值 → 新值）',
	'office.apply': '应用全部修改',
	'office.applyValid': '只应用无误的行（跳过 {rows} 行）',
	'office.cancel': '取消',
	'office.applied': '已导入 {count} 处修改，得分已更新。',
	'office.conflict': '本评估已在其他窗口更新，未导入。请重新加载页面后再导入。',
	'office.unexpected': '读取答卷时出错：{message}。本评估未作任何修改。'
} as const;

export type OfficeKey = keyof typeof officeZh;
