/**
 * Storage and record errors reach the user in the interface language, with what to do; the error
 * objects keep English for logs and the command line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeError, describeExportError, describeUnreadable } from '../../src/lib/i18n/errors';
import { ReportPackUnavailableError } from '../../src/lib/report-pack/client';
import {
	loadDictionary,
	translate,
	type Locale,
	type MessageKey
} from '../../src/lib/i18n/messages';
import { storageZh } from '../../src/lib/i18n/storage';
import { StorageFullError, StorageUnavailableError } from '../../src/lib/storage/database';
import { CorruptRecordError, NewerRecordError, upgradeRecord } from '../../src/lib/storage/records';

const t = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) =>
	translate(locale, key, params);

const caught = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e;
	}
	throw new Error('did not throw');
};

// English is loaded when the interface switches to it (src/lib/state/locale.svelte.ts).
beforeAll(() => loadDictionary('en'));

describe('storage errors in the interface language', () => {
	const newer = caught(() => upgradeRecord('subject', 'subject:s9', { schemaVersion: 9 }));
	const corrupt = caught(() => upgradeRecord('assessment', 'assessment:a1', { schemaVersion: 1 }));

	it('keep English in the error objects', () => {
		expect(newer).toBeInstanceOf(NewerRecordError);
		expect((newer as Error).message).toMatch(/newer version of this app/);
		expect(corrupt).toBeInstanceOf(CorruptRecordError);
		expect((corrupt as Error).message).toMatch(/cannot be read/);
	});

	it.each([
		[
			'zh',
			newer,
			'评估对象记录“s9”由更新版本的应用保存（数据格式 9），此版本无法打开。该记录保持原样，未做任何修改；请更新应用后再打开。'
		],
		['zh', corrupt, '评估记录“a1”已损坏，无法读取。'],
		['zh', new StorageFullError(), '本设备的存储空间已满'],
		[
			'zh',
			new StorageUnavailableError('SecurityError'),
			'此浏览器不允许本应用保存数据（SecurityError）'
		],
		['zh', 'missing', '此评估已不在本设备上'],
		['en', newer, 'Subject record “s9” was saved by a newer version of this app (data format 9)'],
		['en', corrupt, 'Assessment record “a1” is damaged and cannot be read.'],
		['en', new StorageFullError(), 'The device has no room left'],
		[
			'en',
			new StorageUnavailableError('SecurityError'),
			'This browser does not let the app store data (SecurityError)'
		]
	] as const)('%s: %s', (locale, error, text) => {
		const message = describeError(t(locale), error);
		expect(message).toContain(text);
		// No English left in the Chinese interface.
		if (locale === 'zh') expect(message).not.toMatch(/newer|cannot|record|device|browser/);
	});

	it('names records left out of an export because their subject cannot be read', () => {
		const record = {
			key: 'assessment:a2',
			kind: 'assessment',
			reason: 'subject',
			message: ''
		} as const;
		expect(describeUnreadable(t('zh'), record)).toBe(
			'评估记录“a2”未包含在导出文件中：它所属的评估对象无法读取。'
		);
		expect(describeUnreadable(t('en'), record)).toBe(
			'Assessment record “a2” was not exported: the subject it belongs to cannot be read.'
		);
	});

	it('use full-width punctuation in Chinese', () => {
		for (const [key, text] of Object.entries(storageZh))
			expect(text, key).not.toMatch(/[\u4e00-\u9fff”][,:;()]|[,:;()][\u4e00-\u9fff“]/);
	});
});

describe('export failures', () => {
	it('say the offline reports pack is missing on its own, and wrap any other failure', () => {
		const missing = new ReportPackUnavailableError('word');
		expect(describeExportError(t('zh'), missing, 'word.error')).toBe(
			describeError(t('zh'), missing)
		);
		expect(describeExportError(t('zh'), missing, 'word.error')).not.toContain('Word报告未能生成');
		const other = describeExportError(t('en'), new Error('disk on fire'), 'office.exportError');
		expect(other).toBe(translate('en', 'office.exportError', { message: 'disk on fire' }));
		expect(other).not.toContain('storage');
	});
});
