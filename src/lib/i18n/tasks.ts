/**
 * The respondent's side of several respondents, one assessment: a 填报包 opened as a task, the
 * task's banner, the 回执 export, and what the general import says about packages and returns.
 * Chinese is the source. `{unit}` is 部门 for a city and 职能 for an enterprise.
 */
export const tasksZh = {
	'task.unit.city': '部门',
	'task.unit.enterprise': '职能',
	'task.badge': '填报任务',
	'task.title': '填报任务：{respondent}',
	'task.coordinator': '协调单位',
	'task.coordinatorUnnamed': '（未署名）',
	'task.respondent': '填报{unit}',
	'task.deadline': '截止日期',
	'task.noDeadline': '未规定',
	'task.overdue': '已逾期',
	'task.contact': '联系方式',
	'task.instruction': '填报说明',
	'task.issued': '填报包 {package}，{date} 发出',
	'task.progress': '已答 {answered}/{assigned} 项',
	'task.only':
		'本任务只包含分配给本{unit}的 {count} 项指标；其他指标由其他{unit}或协调单位填写，不在本设备上。得分只反映这些指标，完整结果由协调单位汇总。',
	'task.returnedCount': '已导出回执 {count} 份',
	'task.notReturned': '尚未导出回执',
	'task.row': '填报包 {package}，{respondent}',
	'task.partial':
		'这是填报任务，只包含分配给{respondent}的 {count} 项指标。这里的得分只反映这些指标，不是{subject}的评估结果；完整结果由协调单位汇总。',
	'return.button': '导出回执',
	'return.title': '导出回执',
	'return.intro':
		'回执包含本任务中分配指标的作答、目标、数值、备注和证据文件。导出后，请通过平常使用的渠道（政务网邮件、U盘、政务微信文件传输等）把文件发给协调单位{coordinator}。',
	'return.person': '填报人',
	'return.personHint': '实际填写的人员姓名，协调单位据此知道每项作答由谁提供；本设备会记住它。',
	'return.personRequired': '请填写填报人姓名，再导出回执。',
	'return.unanswered':
		'还有 {count} 项指标未作答。回执仍可导出，协调单位会看到这些指标未作答；补答后可再导出一份。',
	'return.confirm': '导出第 {n} 份回执',
	'return.cancel': '取消',
	'return.busy': '正在导出…',
	'return.done':
		'已导出回执“{file}”（第 {n} 份）。请把该文件发给协调单位。之后如修改作答，可再次导出，新回执的编号为 {next}，协调单位会以较新的一份为准。',
	'return.filesLeftOut':
		'其中 {count} 个证据文件无法从本设备读取，回执只列出了它们的名称。请重新添加这些文件后再导出一份回执。',
	'return.conflict':
		'回执未导出：此任务已在另一个窗口中修改过。请重新加载页面，再导出回执；您的作答都还在。',
	'return.missing': '回执未导出：此任务已不在本设备上（可能已在另一个窗口中删除）。',
	'return.failed':
		'回执未导出：回执的编号未能保存（{message}）。您的作答仍在本设备上，请稍后重试。',
	'import.packageSummary':
		'这是一个填报包：{subject}{period}，由协调单位{coordinator}于 {issued} 发给{respondent}，共 {count} 项指标{deadline}。打开后，本设备上会建立一个只含这些指标的填报任务。',
	'import.deadline': '，截止 {date}',
	'import.packageOpen': '打开填报任务',
	'import.packageOpened': '已打开填报任务：{subject}{period}（{respondent}）。',
	'import.packageExisting':
		'这个填报包已在本设备上打开过，没有重复创建；已为您打开原有任务（已答 {answered}/{assigned} 项）。',
	'import.packageSupersedes':
		'本设备上还有同一{unit}早先收到的填报包（{packages}）。协调单位发出新填报包后，旧填报包的回执将不再被接受：请在新任务中填写并导出回执。',
	'import.coordinatorDevice':
		'这个填报包是从本设备上的评估“{assessment}”发出的，应在填报{unit}（{respondent}）的设备上打开，而不是在协调单位的设备上。没有导入任何内容。请把文件发给{respondent}；收到回执后，在该评估的“协同填报”页面导入。',
	'import.subjectMismatch':
		'本设备上已有编号相同的评估对象“{name}”，但类型或量表不同，填报任务无法放在它下面。没有导入任何内容。请与协调单位核对该文件。',
	'import.returnHere':
		'这是{respondent}发回的第 {n} 份回执（填报人：{person}，{date}），属于本设备上的评估“{assessment}”。回执要在该评估的“协同填报”页面导入，以便核对和合并各{unit}的作答；这里没有导入任何内容。',
	'import.returnLink': '打开“{assessment}”的协同填报页面',
	'import.returnElsewhere':
		'这是{respondent}发回的第 {n} 份回执，属于协调单位的评估，而该评估不在本设备上。回执只能由协调单位在该评估的“协同填报”页面导入；这里没有导入任何内容。请把文件转给协调单位。',
	'import.personUnknown': '未署名',
	'import.rubricMissing.package':
		'这个填报包使用“{rubric}”量表的 {version} 版，本应用没有这个版本（现有版本：{available}）。没有导入任何内容。请更新本应用后再打开，或请协调单位用本应用现有的版本重新发出填报包。',
	'import.rubricMissing.return':
		'这个回执使用“{rubric}”量表的 {version} 版，本应用没有这个版本（现有版本：{available}）。没有导入任何内容。请更新本应用后再导入。',
	'import.rubricNone': '无',
	'import.damaged.package':
		'这个填报包已损坏或被改动过，无法打开。没有导入任何内容，本设备上已有的数据未做任何改动。请协调单位重新发送原文件。问题：{message}',
	'import.damaged.return':
		'这个回执已损坏或被改动过。没有导入任何内容。请发来回执的一方重新导出回执。问题：{message}',
	'import.drop': '把文件拖放到此处即可导入（评估文件、备份文件、填报包）。',
	'import.dropHere': '松开鼠标以导入该文件'
} as const;

export type TasksKey = keyof typeof tasksZh;
