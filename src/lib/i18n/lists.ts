/**
 * Messages of long lists: the subjects list's pages and the score summaries being brought up to
 * date (on the list and the benchmark). Chinese is the source.
 */
export const listsZh = {
	'subjects.pages': '分页',
	'subjects.showing': '第 {from}–{to} 个，共 {count} 个对象',
	'subjects.pageOf': '第 {page} / {pages} 页',
	'subjects.first': '首页',
	'subjects.previous': '上一页',
	'subjects.next': '下一页',
	'subjects.last': '末页',
	'subjects.scorePending': '计算中',
	'summaries.updating': '正在更新得分摘要：{done} / {total} 个对象。',
	'benchmark.preparing':
		'正在整理同类对象的得分：{done} / {total}。首次打开或更新后需要整理一次，之后直接显示。'
};

export type ListsKey = keyof typeof listsZh;
