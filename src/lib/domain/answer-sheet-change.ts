/** A change from an imported answer sheet in words, as the preview and the CLI show it. */
import type { AnswerChange, ChangedField, FieldValue } from './answer-sheet-import';
import { glossaryTerm } from './glossary';
import { reportText } from './report-text';

export function fieldName(field: ChangedField, locale: 'zh' | 'en'): string {
	switch (field) {
		case 'level':
			return glossaryTerm('level', locale);
		case 'target':
			return glossaryTerm('target', locale);
		case 'notApplicable':
			return reportText(locale, 'notApplicable');
		case 'value':
			return locale === 'zh' ? '指标数值' : 'Metric value';
		case 'note':
			return reportText(locale, 'note');
	}
}

/** A value as shown: — for none, 是/否 for 不适用, a note in quotes (long ones shortened). */
export function formatFieldValue(field: ChangedField, value: FieldValue, locale: 'zh' | 'en') {
	if (value === null || value === '') return '—';
	if (typeof value === 'boolean')
		return value ? (locale === 'zh' ? '是' : 'yes') : locale === 'zh' ? '否' : 'no';
	if (field === 'note') {
		const text = String(value);
		const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
		return locale === 'zh' ? `“${short}”` : `“${short}”`;
	}
	return String(value);
}

export function describeChange(change: AnswerChange, title: string, locale: 'zh' | 'en') {
	const colon = locale === 'zh' ? '：' : ': ';
	return `${change.indicatorId} ${title} · ${fieldName(change.field, locale)}${colon}${formatFieldValue(change.field, change.before, locale)} → ${formatFieldValue(change.field, change.after, locale)}`;
}
