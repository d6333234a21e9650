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

export const coordinationEn: Record<CoordinationKey, string> = {
	'coord.title': 'Coordinated filling',
	'coord.link': 'Coordinate (several {unit}s)',
	'coord.results': 'Results',
	'coord.unitCity': 'department',
	'coord.unitEnterprise': 'function',
	'coord.sections': 'Parts of the coordination',
	'coord.newerElsewhere':
		'Another window saved a newer version of this assessment; this page no longer saves. Reload it before going on, so nothing newer is overwritten.',
	'coord.startTitle': 'Start coordinated filling',
	'coord.startIntro':
		'One lead office coordinates; each responsible {unit} answers the indicators it is responsible for. Assignments start from the rubric’s responsibilities and can be changed; hand out a package to each {unit}, merge the returns, decide where they differ and sign off.',
	'coord.coordinator': 'Coordinator (lead office or name)',
	'coord.start': 'Start coordinated filling',
	'coord.finalisedNotice':
		'This assessment was signed off on {on} by {by} and is read-only; to change it, reopen it first with a reason.',
	'coord.respondents': 'Responding {unit}s',
	'coord.respondentsIntro':
		'Each {unit} can have a contact, a deadline and an instruction; its package holds only its own indicators, never another {unit}’s notes or evidence.',
	'coord.respondentName': 'Name of the {unit}',
	'coord.standsFor': 'Responsibility in the rubric: {actor}',
	'coord.contact': 'Contact',
	'coord.deadline': 'Deadline',
	'coord.instruction': 'Instruction',
	'coord.assignedCount': '{count} indicators assigned',
	'coord.issued': 'package {package} handed out ({on})',
	'coord.exportPackage': 'Export package',
	'coord.printQuestionnaire': 'Print blank questionnaire (PDF)',
	'coord.remove': 'Remove',
	'coord.cannotRemove':
		'A package was handed out to it, so it cannot be removed (its returns and the provenance of its answers are kept).',
	'coord.addRespondent': 'Add a responding {unit}',
	'coord.add': 'Add',
	'coord.packageWord': 'package',
	'coord.questionnaireWord': 'questionnaire',
	'coord.packageDone':
		'Package "{file}" exported and recorded on this assessment. Send it by mail, USB stick or file transfer.',
	'coord.questionnaireDone': 'Blank questionnaire "{file}" made.',
	'coord.handout.no-respondent': 'This respondent no longer exists. Reload the page and try again.',
	'coord.handout.nothing-assigned':
		'No indicator is assigned to this respondent yet. Assign some under "Assignments" first.',
	'coord.handout.finalised':
		'The assessment is signed off: no more packages can be handed out. Reopen it first.',
	'coord.handout.notSaved':
		'The package could not be recorded on the assessment (saving failed), so it was not exported: its return could not be merged. See the save state at the top and try again.',
	'coord.assign': 'Assignments',
	'coord.assignIntro':
		'Each applicable indicator is answered by one or more {unit}s. The defaults follow the rubric’s responsibilities; where several {unit}s answer one indicator, each level and the spread are shown, and the merged or decided answer counts.',
	'coord.fillByActors': 'Assign unassigned indicators by responsibility',
	'coord.resetByActors': 'Reassign every indicator by responsibility',
	'coord.showState': 'State',
	'coord.showRespondent': 'Responding {unit}',
	'coord.indicatorCount': 'Showing {count} of {total}',
	'coord.responsible': 'Responsible',
	'coord.assignedTo': 'Answered by',
	'coord.nobody': 'nobody',
	'coord.spread': 'Levels given: lowest {min}, highest {max}.',
	'coord.changeAssignment': 'Change who answers',
	'coord.whoAnswers': 'Who answers "{title}"',
	'coord.state.unassigned': 'Unassigned',
	'coord.state.waiting': 'Waiting',
	'coord.state.returned': 'Returned',
	'coord.state.conflict': 'To decide',
	'coord.returns': 'Import returns',
	'coord.returnsIntro':
		'Choose several return files at once, in any order, as often as you like: the same file imported again changes nothing. Each file is checked whole before it is merged; a refused file changes nothing.',
	'coord.chooseReturns': 'Choose return files (several allowed)',
	'coord.dropHint': 'Or drop return files anywhere on this page.',
	'coord.merging': 'Checking and merging returns…',
	'coord.merged':
		'Merged the return of {respondent}: {changed} answers changed, {conflicts} to decide.',
	'coord.mergedNothing': 'Merged the return of {respondent}; no answer changed.',
	'coord.duplicate': 'This return was imported before; nothing changed.',
	'coord.refused.invalid':
		'Not imported: this is not a valid return (it may have been altered or cut short). Problems: {problems}. Ask the respondent to export the return from the app again.',
	'coord.refused.tooLarge':
		'Not imported: the file is {size}, over the {limit} limit. Check that it is a return file.',
	'coord.refused.package':
		'Not imported: this is a package (the file sent to a respondent), not a return. A package is opened on the respondent’s device; what comes back is the return it exports.',
	'coord.refused.other-assessment':
		'Not imported: this return belongs to another assessment, not "{subject} {period}". Import it on that assessment’s coordination page.',
	'coord.refused.other-rubric':
		'Not imported: the return uses rubric version {version}, this assessment {ours}. Hand out a new package of this assessment.',
	'coord.refused.not-coordinated': 'Not imported: coordinated filling has not been started here.',
	'coord.refused.unknown-package':
		'Not imported: package {package} of this return was not handed out from this assessment (another device, or a deleted assessment). Hand out a new package.',
	'coord.refused.other-respondent':
		'Not imported: the return names another respondent than package {package} was handed to; the file may have been altered. Ask for a new export from the app.',
	'coord.refused.superseded':
		'Not imported: the return answers the older package {package}; package {newer} was handed out since. Ask the respondent to fill in the new package and export again.',
	'coord.refused.unassigned':
		'Not imported: the return answers indicators not assigned to this respondent ({ids}); the file may have been altered. Ask for a new export from the app.',
	'coord.refused.stale':
		'Not imported: this is an older return of this respondent (export {sequence}); the newer export {merged} is already merged. Nothing to do.',
	'coord.refused.altered':
		'Not imported: this return differs from the export {sequence} already merged; the file may have been altered. Ask for a new export from the app.',
	'coord.refused.finalised':
		'Not imported: the assessment was signed off on {on} by {by}. To merge more returns, reopen it first with a reason.',
	'coord.refused.notSaved':
		'Not imported: saving failed and nothing changed. See the save state at the top and try again.',
	'coord.conflicts': 'Differences to decide',
	'coord.noConflicts': 'Nothing to decide now.',
	'coord.conflictsIntro':
		'{count} indicators have returns that differ from the answer held. Compare the answers side by side and take one, or record a consolidated level with a reason; until then the held answer counts.',
	'coord.heldOwn': 'Held answer (coordinator)',
	'coord.heldDecision': 'Held answer (last decision)',
	'coord.keepHeld': 'Keep the held answer',
	'coord.take': 'Take the answer of {name}',
	'coord.consolidate': 'Consolidated answer',
	'coord.consolidatedLevel': 'Level',
	'coord.consolidatedNote': 'Reason (required)',
	'coord.recordConsolidated': 'Record the consolidated answer',
	'coord.defaultTarget': 'default target',
	'coord.field.level': 'Level',
	'coord.field.target': 'Target',
	'coord.field.value': 'Value',
	'coord.field.figures': 'Recorded figures',
	'coord.field.note': 'Note',
	'coord.field.evidence': 'Evidence',
	'coord.field.person': 'Filled in by',
	'coord.field.date': 'Date',
	'coord.field.package': 'Package',
	'coord.progress': 'Progress',
	'coord.progressTable': 'Progress of each {unit}',
	'coord.stateCounts':
		'Indicators: {unassigned} unassigned, {waiting} waiting, {returned} returned, {conflict} to decide.',
	'coord.col.assigned': 'Assigned',
	'coord.col.answered': 'Answered',
	'coord.col.issued': 'Handed out',
	'coord.col.returned': 'Returned',
	'coord.col.status': 'Status',
	'coord.overdue': 'Overdue',
	'coord.complete': 'Complete',
	'coord.partly': 'Partly returned',
	'coord.waiting': 'Waiting',
	'coord.notIssued': 'Not handed out',
	'coord.reminders': 'Reminders',
	'coord.remindersIntro': 'Past their deadline and not finished; copy and send:',
	'coord.reminder':
		'{name} ({contact}): deadline {deadline}, {count} indicators still unanswered: {titles}.',
	'coord.noContact': 'no contact given',
	'coord.noReminders': 'Nobody is overdue.',
	'coord.copy': 'Copy the reminders',
	'coord.copied': 'Copied',
	'coord.signOff': 'Sign-off and change log',
	'coord.signOffIntro':
		'Once signed off the assessment is read-only everywhere in the app (no edits on the filling page, no returns merged) until it is reopened; the reopening and every later change are logged.',
	'coord.signOffBy': 'Signed off by',
	'coord.signOffOn': 'Sign-off date',
	'coord.finalise': 'Sign off',
	'coord.reopenBy': 'Reopened by',
	'coord.reopenReason': 'Reason for reopening (required)',
	'coord.reopen': 'Reopen',
	'coord.log': 'Change log',
	'coord.noLog': 'No changes recorded.',
	'coord.logTable': 'Table of changes',
	'coord.readOnlyNotice':
		'This assessment was signed off on {on} by {by} and is read-only. To change it, reopen it on the coordination page with a reason.'
};
