/** Messages about the offline reports pack (Settings, and exports that need it). Chinese is the source. */
export const reportPackZh = {
	'reportPack.title': '报告离线使用',
	'reportPack.explain':
		'填写、评分、查看和对比结果不需要下列文件。导出PDF报告、Word报告和Excel工作簿还需要报告字体和导出程序：第一次导出时会自动下载并保存在本设备上；也可以现在一次全部下载，之后没有网络也能导出。',
	'reportPack.group.fonts': '报告字体（宋体、黑体、西文）',
	'reportPack.group.rareFont': '生僻字字体（报告含生僻字时使用）',
	'reportPack.group.pdf': 'PDF报告导出程序',
	'reportPack.group.word': 'Word报告导出程序',
	'reportPack.group.excel': 'Excel工作簿程序（导出与导入）',
	'reportPack.group.shared': '各导出共用的程序',
	'reportPack.item': '内容',
	'reportPack.size': '大小',
	'reportPack.state': '状态',
	'reportPack.cached': '已保存',
	'reportPack.partly': '部分已保存（{size}）',
	'reportPack.notCached': '未保存',
	'reportPack.total': '共 {total}，已保存在本设备上 {cached}。',
	'reportPack.make': '让报告也能离线使用',
	'reportPack.making': '正在下载…',
	'reportPack.progress': '报告字体和导出程序的下载进度',
	'reportPack.made':
		'报告字体和导出程序已全部保存在本设备上：没有网络也能导出报告。应用更新后会自动保存新版本。',
	'reportPack.makeFailed':
		'未能全部下载（{message}）。已下载的部分会保留。请检查网络连接后再点一次“让报告也能离线使用”。',
	'reportPack.free': '释放空间',
	'reportPack.freed': '已从本设备删除报告字体和导出程序（{size}）。再次导出时会重新下载。',
	'reportPack.freeFailed': '未能删除：{message}。请重新加载页面后再试。',
	'reportPack.loading': '正在读取…',
	'reportPack.notReady': '应用准备好离线使用后，可在这里下载报告所需的文件。',
	'reportPack.unsupported':
		'此浏览器不支持离线使用：每次导出报告时都需要联网下载报告字体和导出程序。',
	'reportPack.what.pdf': 'PDF报告',
	'reportPack.what.word': 'Word报告',
	'reportPack.what.excel': 'Excel工作簿',
	'reportPack.unavailable':
		'{what}需要的字体和程序还没有保存在本设备上，而现在没有网络连接，所以未能生成。请联网后再试一次（之后离线也能使用），或在联网时到“设置 → 报告离线使用”点击“让报告也能离线使用”。已填写的内容不受影响。'
} as const;

export type ReportPackKey = keyof typeof reportPackZh;
