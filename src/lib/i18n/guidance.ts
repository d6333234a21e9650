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

export const guidanceEn: Record<GuidanceKey, string> = {
	'keys.hint':
		'Keys: digits choose a level, J/K or ←/→ move between indicators, U goes to the next unanswered one; press ? for all keys.',
	'keys.open': 'Keyboard keys (?)',
	'keys.title': 'Keyboard',
	'keys.close': 'Close',
	'keys.key': 'Key',
	'keys.action': 'What it does',
	'keys.digits':
		'Choose the current indicator’s level; only digit keys, Space and clicks change an answer',
	'keys.na': 'Mark the current indicator not applicable, or undo it (where the rubric allows it)',
	'keys.next': 'Next indicator (across domains)',
	'keys.prev': 'Previous indicator (across domains)',
	'keys.unanswered': 'Next unanswered indicator',
	'keys.levels':
		'Move the focus between the current indicator’s levels without changing the answer',
	'keys.space': 'Choose the level that has the focus',
	'keys.tab': 'Move to the next control',
	'keys.help': 'Open this list; Esc closes it',
	'keys.typing':
		'While typing in a note, value, link or drop-down, the keys do nothing else: they only type.',
	'keys.allAnswered': 'Every applicable indicator is answered.',
	'keys.space.name': 'Space',
	'duplicate.exists':
		'This subject already has an assessment for “{period}” ({date}, {progress}). A second one for the same period would stand beside it and is easily confused in comparisons and benchmarks.',
	'duplicate.open': 'Open the existing assessment',
	'duplicate.again': 'Create it anyway, labelled “{label}”',
	'duplicate.label': '{period} (no. {n})',
	'sample.exists':
		'The sample city “{name}” is already on this device; it was not loaded again and is open now.',
	'projection.provisional':
		'Provisional: only {answered} of {applicable} applicable indicators are answered. Closing the top five gaps would raise the overall score from {from} to {to} (+{delta}); once the others are answered, the score and the gaps will change.',
	'subjects.provisional': 'provisional ({percent} answered)',
	'benchmark.tied': 'tied {rank} / {count}',
	'benchmark.tiedPlace': 'tied {rank}',
	'benchmark.noPeers':
		'This device holds no other subject comparable with this one (same kind, same {tier}, with an assessment), so there is no rank or percentile. A ranking needs comparable subjects’ assessments: ask other cities or enterprises for their exported assessment files and import them (Assessments → Import file), or gather them with the collection features, then benchmark again.',
	'benchmark.referencesTitle': 'Published reference values cited by the rubric',
	'benchmark.referencesIntro':
		'The values recorded in this subject’s latest assessment ({period}) beside the published targets and figures the rubric’s indicators cite. Some references are province-wide totals that only show scale and do not compare directly; “Basis” says where each comes from and how far it compares.',
	'benchmark.noOwnAssessment':
		'This subject has no assessment yet. Once one is made, its values appear here beside the references.',
	'benchmark.indicator': 'Indicator',
	'benchmark.ownValue': 'This subject',
	'benchmark.references': 'References',
	'benchmark.notRecorded': 'not recorded',
	'benchmark.judgement': 'Basis',
	'benchmark.unit': 'Unit: {unit}'
};
