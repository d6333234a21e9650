import { backupImportZh } from './backup-import';
import { complianceZh } from './compliance';
import { coordinationZh } from './coordination';
import { guidanceZh } from './guidance';
import { listsZh } from './lists';
import { officeZh } from './office';
import { planZh } from './plan';
import { reportPackZh } from './report-pack';
import { resultsZh } from './results';
import { safetyZh } from './safety';
import { storageZh } from './storage';
import { syncZh } from './sync';
import { tasksZh } from './tasks';
import { versionsZh } from './versions';
import { wordZh } from './word';
import { workflowZh } from './workflow';

/**
 * UI messages. Chinese is the source; the English dictionary must have exactly the same keys
 * (the type enforces it). Placeholders are written {name} and filled by `translate`.
 */
export const zh = {
	'app.name': '数字经济发展水平自评估',
	'app.shortName': '数字经济自评',
	'app.tagline': '依据《广东省数字经济发展指引1.0》',
	'nav.home': '首页',
	'nav.assessments': '评估',
	'nav.compare': '对比',
	'nav.settings': '设置',
	'nav.main': '主导航',
	'nav.skip': '跳到主要内容',
	'lang.switch': 'English',
	'punct.list': '、',
	'punct.colon': '：',
	'punct.semicolon': '；',
	'punct.parens': '（{text}）',
	'lang.switchLabel': '切换到英文界面',
	'home.title': '数字经济发展水平与数字化转型成熟度自评估',
	'home.intro1':
		'本工具把《广东省数字经济发展指引1.0》的“2221”框架和各篇发展路径转化为评分量表：城市政府据此评估数字经济发展水平，企业据此评估数字化转型成熟度，咨询机构可为多个客户开展评估。',
	'home.intro2':
		'它计算得分和差距、给出对应指引条款（城市评估还列出责任部门）的推进措施、对比历年结果并导出PDF报告；全部数据只保存在本设备上，无需联网和账号。',
	'home.start': '开始评估',
	'home.rubrics': '可用评估量表',
	'home.indicators': '{count} 项指标',
	'home.audience.city': '城市',
	'home.audience.enterprise': '企业',
	'assessments.title': '评估',
	'assessments.empty': '还没有评估记录。评估功能正在建设中。',
	'compare.title': '对比',
	'compare.empty': '至少需要同一对象的两次评估才能对比。',
	'settings.title': '设置',
	'settings.language': '界面语言',
	'settings.offline': '离线使用',
	'offline.ready': '已可离线使用',
	'offline.preparing': '正在准备离线使用…',
	'offline.unsupported': '此浏览器不支持离线使用',
	'offline.update': '有新版本可用',
	'offline.reload': '重新加载',
	'error.title': '出错了',
	'error.notFound': '找不到该页面。',
	'error.generic': '页面无法显示。您的数据仍保存在本设备上。',
	'error.back': '返回首页',
	...workflowZh,
	...resultsZh,
	...planZh,
	...complianceZh,
	...safetyZh,
	...storageZh,
	...versionsZh,
	...guidanceZh,
	...listsZh,
	...officeZh,
	...wordZh,
	...reportPackZh,
	...backupImportZh,
	...coordinationZh,
	...tasksZh,
	...syncZh
} as const;

export type MessageKey = keyof typeof zh;

export type Locale = 'zh' | 'en';
export const locales: readonly Locale[] = ['zh', 'en'];
/**
 * The dictionaries loaded so far. Chinese, the default and the source, is always there; English
 * (a third of every page's script) arrives when the interface is switched to it.
 */
export const dictionaries: Partial<Record<Locale, Record<MessageKey, string>>> = { zh };

/** Loads a language's messages; the interface switches only once this has resolved. */
export async function loadDictionary(locale: Locale): Promise<void> {
	if (dictionaries[locale]) return;
	dictionaries[locale] = (await import('./messages-en')).en;
}

export function translate(
	locale: Locale,
	key: MessageKey,
	params?: Record<string, string | number>
): string {
	// A language not (yet) loaded shows Chinese rather than nothing.
	const text = (dictionaries[locale] ?? zh)[key];
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** BCP 47 tag for <html lang> and document metadata. */
export const languageTags: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
