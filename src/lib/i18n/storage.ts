/** Messages about the device's store: records that cannot be read, full or blocked storage. */
export const storageZh = {
	'storage.full':
		'本设备的存储空间已满，无法保存本应用的数据。请先把工作导出为文件，再删除旧的证据文件或释放磁盘空间。',
	'storage.unavailable':
		'此浏览器不允许本应用保存数据（{detail}）。无痕窗口和部分安全设置会阻止存储；请在普通窗口中打开本应用，或把工作导出为文件。',
	'storage.missing': '此评估已不在本设备上（可能已在另一个窗口中删除）。请把当前内容导出为文件。',
	'storage.failed': '操作失败：{message}',
	'storage.fileNotIncluded':
		'本设备上没有文件“{name}”的内容（导入的文件没有包含它，或它已损坏），无法打开。请向提供该评估的人索取原文件后重新添加。',
	'storage.record.subject': '评估对象记录“{id}”',
	'storage.record.assessment': '评估记录“{id}”',
	'storage.record.meta': '应用设置记录',
	'storage.record.file': '证据文件“{id}”',
	'storage.newer':
		'{record}由更新版本的应用保存（数据格式 {version}），此版本无法打开。该记录保持原样，未做任何修改；请更新应用后再打开。',
	'storage.corrupt':
		'{record}已损坏，无法读取。该记录保持原样，未做任何修改；可以把它的原始数据另存为文件。',
	'storage.orphan': '{record}未包含在导出文件中：它所属的评估对象无法读取。',
	'storage.leftOutTitle':
		'有 {count} 条评估因所属的评估对象无法读取而未包含在内，其余记录照常处理。',
	'storage.saveRaw': '另存这些记录的原始数据',
	'storage.rawSaved':
		'已把无法读取的记录的原始数据另存为“{file}”。请妥善保管，更新应用后可据此恢复。',
	'storage.exportedPartly':
		'已导出“{file}”，但其中未包含 {count} 条无法读取的记录。它们的原始数据已另存为“{raw}”，请与导出文件一起保管。',
	'storage.importCopies':
		'导入文件中有 {count} 条记录与本设备上无法读取的记录同名，已另存为副本；本设备上的原记录未做任何修改。'
} as const;

export type StorageKey = keyof typeof storageZh;
