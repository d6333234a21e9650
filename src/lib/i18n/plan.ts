/** Messages of the action plan and the results page's layout on small screens. Chinese is the source. */
export const planZh = {
	'plan.printActor': '打印本部门清单',
	'plan.printActorLabel': '打印本部门清单：{actor}',
	'plan.printTitle': '{subject} {period} 行动清单：{actor}',
	'plan.filterHint': '按责任主体筛选差距和行动计划。',
	'plan.shown': '显示 {shown} 个责任主体（共 {total} 个）',
	'plan.showAll': '显示全部责任主体',
	'plan.pdfOneActor': 'PDF中的行动计划只列“{actor}”',
	'plan.sectionMenu': '本页目录',
	'plan.measureCount': '{count} 项措施',
	'plan.tableHint': '表格较宽时可左右滑动，首列固定。'
} as const;
