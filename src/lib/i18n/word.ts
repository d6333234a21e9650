/** Messages of the Word (.docx) report export. Chinese is the source. */
export const wordZh = {
	'word.export': '导出Word报告',
	'word.working': '正在生成Word报告…',
	'word.progress': 'Word报告生成进度',
	'word.done':
		'已生成“{file}”，可在Word或WPS中编辑。打开时如询问是否更新域，请选择“是”，目录即填入页码。',
	'word.error': 'Word报告未能生成：{message}。已填写的内容不受影响，请重试或先导出PDF报告。'
} as const;

export type WordKey = keyof typeof wordZh;
