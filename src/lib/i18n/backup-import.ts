/** Messages of importing a backup in parts (a zip): progress, and why an archive was refused. */
export const backupImportZh = {
	'backupImport.progress': '正在检查备份的第 {done} / {total} 部分…',
	'backupImport.progressLabel': '备份检查进度',
	'backupImport.comparing': '各部分均已检查，正在与本设备上的记录比较…',
	'backupImport.writing': '正在写入本设备，请勿关闭页面…',
	'backupImport.noDetail': '无法读取',
	'backupImport.detail.changed': '内容与备份清单记录的不一致',
	'backupImport.detail.count': '评估数量与备份清单记录的不一致',
	'backupImport.damaged':
		'“{file}”不是完整的压缩文件（{detail}）。请重新复制或重新下载导出的备份文件后再导入。',
	'backupImport.notBackup':
		'“{file}”不是本应用导出的数据备份（压缩包中没有备份清单 manifest.json）。请选择本应用导出的备份文件。',
	'backupImport.missingPart':
		'备份“{file}”缺少部分“{part}”，未导入任何内容。请使用导出时得到的完整备份文件，不要解压后再重新压缩。',
	'backupImport.brokenPart':
		'备份“{file}”中的部分“{part}”已损坏（{detail}），未导入任何内容。请重新复制或重新导出备份文件。',
	'backupImport.tooLarge':
		'备份“{file}”解压后超过本应用可导入的大小，未导入任何内容。请分对象导出较小的备份。'
} as const;

export type BackupImportKey = keyof typeof backupImportZh;
