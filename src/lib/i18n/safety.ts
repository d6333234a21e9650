/** Messages of the safety pages. Chinese is the source. */
export const safetyZh = {
	'safety.dataTitle': '数据与隐私',
	'safety.dataIntro':
		'全部数据（评估对象、评估、证据文件）只保存在本设备的浏览器存储中，除非您在上方开启同步（此时只发送到您配置的 CouchDB 服务器），本应用不会把它们发送到任何服务器，也不使用统计分析或远程字体。',
	'safety.usageTitle': '存储用量',
	'safety.usage':
		'本应用（含离线使用所需的程序文件）已使用 {usage}，浏览器为本应用预留的上限约为 {quota}（已用 {percent}）。',
	'safety.usageUnknown': '此浏览器不提供存储用量信息。',
	'safety.persistTitle': '在本设备上保留数据',
	'safety.persistExplain':
		'磁盘空间不足时，浏览器可能自行清除网站数据，其中也包括本应用保存的评估。点击下面的按钮，请浏览器把本应用的数据设为“持久保存”：此后只有您自己清除时才会删除。此设置只影响本设备，不会把任何数据发送出去。',
	'safety.persistButton': '在本设备上保留数据',
	'safety.persistGranted': '已开启：浏览器不会自动清除本应用的数据。',
	'safety.persistDenied':
		'未获同意：浏览器拒绝了请求（浏览器通常只对已安装或经常使用的网站同意）。请安装本应用或将其加入书签，并定期导出备份。',
	'safety.persistNotYet': '尚未开启：浏览器在空间不足时可能清除本应用的数据。',
	'safety.persistUnsupported': '此浏览器不支持持久保存。请定期导出备份。',
	'safety.backupTitle': '备份与恢复',
	'safety.backupExplain':
		'“导出全部数据”把所有评估对象、评估和证据文件保存到一个 JSON 文件中（数据量大时为分部分的 .zip 文件）；在任何装有本应用的设备上用“导入文件”即可恢复。',
	'safety.backupLast': '上次导出备份：{date}。',
	'safety.backupNever': '尚未导出过备份。',
	'safety.wipeTitle': '清除本设备上的全部数据',
	'safety.wipeExplain':
		'将从本设备上永久删除全部评估对象、评估、证据文件、报告署名设置和未保存的草稿，无法撤销。界面语言设置会保留。其他设备和已导出的文件不受影响。',
	'safety.wipeNoBackup': '您还没有导出过备份：清除后，这些数据将无法恢复。',
	'safety.wipeExportFirst': '先导出全部数据',
	'safety.wipeConfirmLabel': '确认清除：请输入“{word}”',
	'safety.wipeWord': '删除',
	'safety.wipeButton': '永久清除全部数据',
	'safety.wiping': '正在清除…',
	'safety.wiped': '已清除本设备上的全部数据。',
	'safety.failed': '操作失败：{message}',
	'safety.unreadableNewer':
		'有 {count} 条记录由更新版本的应用保存，此版本无法打开。这些记录保持原样，未做任何修改；请更新应用后查看。',
	'safety.unreadableCorrupt':
		'有 {count} 条记录已损坏，无法读取。这些记录保持原样，未做任何修改；其他记录照常显示。',
	'safety.unreadableDetails': '详细信息'
} as const;

export type SafetyKey = keyof typeof safetyZh;
