/**
 * Messages of the coordination page (several respondents, one assessment): assign, hand out,
 * merge returns, decide conflicts, progress, sign-off and the change log. Chinese is the source.
 */
export const coordinationZh = {
	'coord.title': '协同填报',
	'coord.link': '协同填报（多{unit}）',
	'coord.results': '查看结果',
	'coord.unitCity': '部门',
	'coord.unitEnterprise': '职能',
	'coord.sections': '协同填报各部分',
	'coord.newerElsewhere':
		'另一个窗口已保存了本评估的更新版本，本页不再保存。请重新加载本页后再继续，以免覆盖较新的数据。',
	'coord.startTitle': '开始协同填报',
	'coord.startIntro':
		'由一个牵头单位组织，各责任{unit}分别填报各自负责的指标：按量表的职责分工预先分配，可以修改；向各{unit}导出填报包，收回回执后合并、裁定分歧并定稿。',
	'coord.coordinator': '协调人（牵头单位或姓名）',
	'coord.start': '开始协同填报',
	'coord.finalisedNotice':
		'本评估已于 {on} 由{by}定稿，处于只读状态；如需修改，请先重新打开并说明原因。',
	'coord.respondents': '填报{unit}',
	'coord.respondentsIntro':
		'每个填报{unit}可设联系方式、截止日期和填报说明；导出的填报包只含该{unit}负责的指标，不含其他{unit}的备注和证据。',
	'coord.respondentName': '{unit}名称',
	'coord.standsFor': '对应职责分工：{actor}',
	'coord.contact': '联系方式',
	'coord.deadline': '截止日期',
	'coord.instruction': '填报说明',
	'coord.assignedCount': '已分配 {count} 项指标',
	'coord.issued': '已下发填报包 {package}（{on}）',
	'coord.exportPackage': '导出填报包',
	'coord.printQuestionnaire': '打印空白问卷（PDF）',
	'coord.remove': '删除',
	'coord.cannotRemove': '已向其下发填报包，不能删除（其回执和作答来源需要保留）。',
	'coord.addRespondent': '新增填报{unit}',
	'coord.add': '添加',
	'coord.packageWord': '填报包',
	'coord.questionnaireWord': '填报问卷',
	'coord.packageDone': '已导出填报包“{file}”，并记入本评估。请通过政务网邮件、U 盘等方式发给对方。',
	'coord.questionnaireDone': '已生成空白问卷“{file}”。',
	'coord.handout.no-respondent': '找不到该填报单位，可能已被删除。请刷新本页后重试。',
	'coord.handout.nothing-assigned':
		'尚未给该填报单位分配任何指标。请先在“指标分配”中分配后再导出。',
	'coord.handout.finalised': '本评估已定稿，不能再下发填报包。如需补充填报，请先重新打开。',
	'coord.handout.notSaved':
		'填报包未能记入本评估（保存失败），因此没有导出，以免收回的回执无法合并。请查看页面上方的保存状态后重试。',
	'coord.assign': '指标分配',
	'coord.assignIntro':
		'每项适用指标可由一个或多个{unit}填报。默认按量表的职责分工分配；多个{unit}填报同一指标时，会显示各自的等级和分歧范围，最终以合并或裁定后的作答计分。',
	'coord.fillByActors': '未分配的指标按职责分工分配',
	'coord.resetByActors': '全部按职责分工重新分配',
	'coord.showState': '状态',
	'coord.showRespondent': '填报{unit}',
	'coord.indicatorCount': '显示 {count} / {total} 项',
	'coord.responsible': '责任单位',
	'coord.assignedTo': '填报',
	'coord.nobody': '未分配',
	'coord.spread': '各方等级：最低 {min}，最高 {max}。',
	'coord.changeAssignment': '更改填报单位',
	'coord.whoAnswers': '“{title}”由谁填报',
	'coord.state.unassigned': '未分配',
	'coord.state.waiting': '待回执',
	'coord.state.returned': '已回执',
	'coord.state.conflict': '待裁定',
	'coord.returns': '导入回执',
	'coord.returnsIntro':
		'可一次选择多个回执文件，顺序不限，也可重复导入：同一文件再次导入不会改变任何内容。每个文件整体检查后才合并，被拒绝的文件不会改动任何数据。',
	'coord.chooseReturns': '选择回执文件（可多选）',
	'coord.dropHint': '也可以把回执文件拖放到本页任意位置。',
	'coord.merging': '正在检查并合并回执…',
	'coord.merged': '已合并{respondent}的回执：{changed} 项作答有变化，{conflicts} 项待裁定。',
	'coord.mergedNothing': '已合并{respondent}的回执，作答没有变化。',
	'coord.duplicate': '该回执此前已导入，未做任何改动。',
	'coord.refused.invalid':
		'未导入：这不是有效的回执文件（可能被改动或不完整）。问题：{problems}。请请对方从应用中重新导出回执。',
	'coord.refused.tooLarge':
		'未导入：文件大小 {size}，超过 {limit} 的上限。请确认选择的是回执文件。',
	'coord.refused.package':
		'未导入：这是一个填报包（发给填报单位的文件），不是回执。填报包应在填报单位的设备上打开；收回的应是对方导出的回执文件。',
	'coord.refused.other-assessment':
		'未导入：该回执属于另一项评估，不是“{subject} {period}”。请到对应评估的协同填报页导入。',
	'coord.refused.other-rubric':
		'未导入：该回执使用量表版本 {version}，本评估使用 {ours}。请向对方重新下发本评估的填报包。',
	'coord.refused.not-coordinated': '未导入：本评估尚未开始协同填报。',
	'coord.refused.unknown-package':
		'未导入：回执对应的填报包 {package} 不是从本评估下发的（可能来自另一台设备或已删除的评估）。请重新下发填报包。',
	'coord.refused.other-respondent':
		'未导入：回执中的填报单位与填报包 {package} 的接收单位不一致，文件可能被改动。请请对方重新导出回执。',
	'coord.refused.superseded':
		'未导入：回执对应旧的填报包 {package}，之后已下发更新的填报包 {newer}。请对方打开新的填报包填写后再导出回执。',
	'coord.refused.unassigned':
		'未导入：回执包含未分配给该单位的指标（{ids}），文件可能被改动。请请对方从应用中重新导出回执。',
	'coord.refused.stale':
		'未导入：这是该单位较早的回执（第 {sequence} 次导出），已合并过更新的第 {merged} 次回执。无需再导入。',
	'coord.refused.altered':
		'未导入：该回执与已合并的同一次（第 {sequence} 次）回执内容不同，文件可能被改动。请请对方从应用中重新导出回执。',
	'coord.refused.finalised':
		'未导入：本评估已于 {on} 由{by}定稿。如需合并新的回执，请先重新打开并说明原因。',
	'coord.refused.notSaved': '未导入：保存失败，未做任何改动。请查看页面上方的保存状态后重试。',
	'coord.conflicts': '待裁定的分歧',
	'coord.noConflicts': '目前没有待裁定的分歧。',
	'coord.conflictsIntro':
		'共 {count} 项指标的回执与当前作答不一致。请对照各方作答，选用其中一方，或记录综合认定的等级并说明理由；未裁定前，仍按当前作答计分。',
	'coord.heldOwn': '当前作答（协调人）',
	'coord.heldDecision': '当前作答（上次裁定）',
	'coord.keepHeld': '保留当前作答',
	'coord.take': '采用{name}的作答',
	'coord.consolidate': '综合认定',
	'coord.consolidatedLevel': '认定等级',
	'coord.consolidatedNote': '认定理由（必填）',
	'coord.recordConsolidated': '记录综合认定',
	'coord.defaultTarget': '按默认目标',
	'coord.field.level': '等级',
	'coord.field.target': '目标',
	'coord.field.value': '数值',
	'coord.field.figures': '记录数值',
	'coord.field.note': '备注',
	'coord.field.evidence': '证据',
	'coord.field.person': '填写人',
	'coord.field.date': '日期',
	'coord.field.package': '填报包',
	'coord.progress': '进度',
	'coord.progressTable': '各填报{unit}进度',
	'coord.stateCounts':
		'指标：未分配 {unassigned} 项，待回执 {waiting} 项，已回执 {returned} 项，待裁定 {conflict} 项。',
	'coord.col.assigned': '分配',
	'coord.col.answered': '已答',
	'coord.col.issued': '下发',
	'coord.col.returned': '回执',
	'coord.col.status': '状态',
	'coord.overdue': '已逾期',
	'coord.complete': '已完成',
	'coord.partly': '部分回执',
	'coord.waiting': '待回执',
	'coord.notIssued': '未下发',
	'coord.reminders': '催办清单',
	'coord.remindersIntro': '以下单位已过截止日期仍未答完，可复制后发送：',
	'coord.reminder': '{name}（{contact}）：截止日期 {deadline}，尚有 {count} 项未答：{titles}。',
	'coord.noContact': '未填联系方式',
	'coord.noReminders': '目前没有逾期未答的单位。',
	'coord.copy': '复制催办清单',
	'coord.copied': '已复制',
	'coord.signOff': '定稿与变更记录',
	'coord.signOffIntro':
		'定稿后，本评估在应用各处均为只读（填写页不能修改，回执不能合并），直至重新打开；重新打开及此后的每一处修改都会记入变更记录。',
	'coord.signOffBy': '定稿人',
	'coord.signOffOn': '定稿日期',
	'coord.finalise': '定稿',
	'coord.reopenBy': '重新打开人',
	'coord.reopenReason': '重新打开的原因（必填）',
	'coord.reopen': '重新打开',
	'coord.log': '变更记录',
	'coord.noLog': '暂无变更记录。',
	'coord.logTable': '变更记录明细表',
	'coord.readOnlyNotice':
		'本评估已于 {on} 由{by}定稿，只读。如需修改，请到“协同填报”页重新打开并说明原因。'
} as const;

export type CoordinationKey = keyof typeof coordinationZh;
