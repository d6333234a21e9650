/**
 * Storage and record errors in the interface language. The error objects keep English messages
 * for logs and the command line; what a user reads is worded here from the error's class and data.
 */
import { InputError } from '$lib/domain/json-input';
import { ReportPackUnavailableError } from '$lib/report-pack/client';
import { StorageFullError, StorageUnavailableError } from '$lib/storage/database';
import { CorruptRecordError, NewerRecordError } from '$lib/storage/record-upgrade';
import type { UnreadableRecord } from '$lib/storage/unreadable';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const recordIdOf = (key: string) => key.slice(key.indexOf(':') + 1);

function recordName(t: Translate, kind: UnreadableRecord['kind'], key: string) {
	return t(`storage.record.${kind}`, { id: recordIdOf(key) });
}

/** Why a stored record cannot be used, in the interface language. */
export function describeUnreadable(t: Translate, record: UnreadableRecord): string {
	const name = recordName(t, record.kind, record.key);
	if (record.reason === 'newer')
		return t('storage.newer', { record: name, version: record.version ?? '?' });
	if (record.reason === 'subject') return t('storage.orphan', { record: name });
	return t('storage.corrupt', { record: name });
}

/** A failure of a storage operation, in the interface language; never a stack trace. */
export function describeError(t: Translate, e: unknown): string {
	if (e instanceof StorageFullError) return t('storage.full');
	if (e instanceof StorageUnavailableError) return t('storage.unavailable', { detail: e.detail });
	if (e instanceof NewerRecordError)
		return describeUnreadable(t, {
			key: e.key,
			kind: e.kind,
			reason: 'newer',
			version: e.version,
			message: e.message
		});
	if (e instanceof CorruptRecordError)
		return describeUnreadable(t, {
			key: e.key,
			kind: e.kind,
			reason: 'corrupt',
			message: e.message
		});
	// Problems in an imported file name the file, the place and what is wrong (in English for now).
	if (e instanceof InputError) return e.message;
	if (e === 'missing') return t('storage.missing');
	if (e instanceof ReportPackUnavailableError)
		return t('reportPack.unavailable', { what: t(`reportPack.what.${e.kind}`) });
	return t('storage.failed', { message: e instanceof Error ? e.message : String(e) });
}

/**
 * A failed export (PDF, Word, Excel) in the interface language: the offline reports pack missing
 * says so on its own (what is missing, what to do); any other failure is worded by `failedKey`
 * around the error's own message.
 */
export function describeExportError(
	t: Translate,
	e: unknown,
	failedKey: 'results.pdfError' | 'word.error' | 'office.exportError'
): string {
	if (e instanceof ReportPackUnavailableError) return describeError(t, e);
	return t(failedKey, { message: e instanceof Error ? e.message : String(e) });
}
