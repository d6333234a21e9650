/**
 * Messages that keep a user from mistakes they would not notice: the fill page's keys, duplicate
 * assessments and samples, provisional projections, ties and reference values in the benchmark.
 * Chinese is the source.
 */
export const guidanceZh = {
	'keys.hint': '快捷键：数字键选择等级，J/K 或 ←/→ 切换指标，U 跳到下一项未答；按 ? 查看全部。',
	'keys.open': '快捷键（?）',
	'keys.title': '键盘操作',
	'keys.close': '关闭',
	'keys.key': '按键',
	'keys.action': '作用',
	'keys.digits': '选择当前指标的等级；只有数字键、空格和点击会改变作答',
	'keys.na': '标记或取消当前指标“不适用”（限允许不适用的指标）',
	'keys.next': '下一项指标（跨领域）',
	'keys.prev': '上一项指标（跨领域）',
	'keys.unanswered': '下一项未作答的指标',
	'keys.levels': '在当前指标的等级之间移动焦点，不改变作答',
	'keys.space': '选择焦点所在的等级',
	'keys.tab': '移到下一个控件',
	'keys.help': '打开本列表；Esc 关闭',
	'keys.typing': '在备注、数值、网址等输入框和下拉框中，快捷键不起作用，按键只用于输入。',
	'keys.allAnswered': '所有适用指标均已作答。',
	'keys.space.name': '空格',
	'duplicate.exists':
		'该对象已有“{period}”的评估（{date}，{progress}）。同一期间再建一份，会出现两份并列的评估，对比和对标时容易混淆。',
	'duplicate.open': '打开已有评估',
	'duplicate.again': '仍然新建，标为“{label}”',
	'duplicate.label': '{period}（第 {n} 次）',
	'sample.exists': '示例城市“{name}”已在本设备上，未重复载入，已为您打开。',
	'projection.provisional':
		'暂定：目前只作答了 {answered}/{applicable} 项适用指标。补齐前五项差距后，总得分预计由 {from} 提高到 {to}（+{delta}）；其余指标作答后，得分和差距都会变化。',
	'subjects.provisional': '暂定（已答 {percent}）',
	'benchmark.tied': '并列 {rank} / {count}',
	'benchmark.tiedPlace': '并列 {rank}',
	'benchmark.noPeers':
		'本设备上没有与本对象可比的其他对象（同类型、同{tier}、已有评估），因此无法给出排名或百分位。排名需要可比对象的评估：请其他城市或企业导出评估文件，在“评估 → 导入文件”中导入，或通过数据汇集功能汇总后再来对标。',
	'benchmark.referencesTitle': '量表引用的公开参考值',
	'benchmark.referencesIntro':
		'下表把本对象最近一次评估（{period}）记录的数值，与量表指标所引用的公开目标和数值并列。部分参考值是全省总量，只说明量级，不宜直接比较；“口径说明”给出来源和可比程度。',
	'benchmark.noOwnAssessment': '本对象还没有评估。完成一次评估后，可在此与参考值对照。',
	'benchmark.indicator': '指标',
	'benchmark.ownValue': '本对象数值',
	'benchmark.references': '参考值',
	'benchmark.notRecorded': '未填写',
	'benchmark.judgement': '口径说明',
	'benchmark.unit': '单位：{unit}'
} as const;

export type GuidanceKey = keyof typeof guidanceZh;
