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

export const backupImportEn: Record<BackupImportKey, string> = {
	'backupImport.progress': 'Checking part {done} of {total} of the backup…',
	'backupImport.progressLabel': 'Backup check progress',
	'backupImport.comparing': 'Every part is checked; comparing with the records on this device…',
	'backupImport.writing': 'Writing to this device; keep this page open…',
	'backupImport.noDetail': 'cannot be read',
	'backupImport.detail.changed': 'its content differs from the backup’s manifest',
	'backupImport.detail.count': 'it holds another number of assessments than the manifest says',
	'backupImport.damaged':
		'“{file}” is not a complete zip file ({detail}). Copy or download the exported backup again, then import it.',
	'backupImport.notBackup':
		'“{file}” is not a backup exported by this app (the zip has no backup manifest, manifest.json). Choose a backup file this app exported.',
	'backupImport.missingPart':
		'Part “{part}” is missing from the backup “{file}”; nothing was imported. Use the whole backup file as exported; do not unpack and re-zip it.',
	'backupImport.brokenPart':
		'Part “{part}” of the backup “{file}” is damaged ({detail}); nothing was imported. Copy or export the backup again.',
	'backupImport.tooLarge':
		'The backup “{file}” unpacks to more than this app can import; nothing was imported. Export smaller backups, by subject.'
};
