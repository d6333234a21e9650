/** Packages and returns in the interface language: why one was not imported or exported. */
import {
	CoordinationReadError,
	MissingRubricVersionError,
	type StoredReturn
} from '$lib/state/tasks';
import { BackupArchiveError } from '$lib/storage/archive-error';
import { describeError } from './errors';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The message for a failed import of any file; packages and returns get their own words. */
export function describeImportError(t: Translate, e: unknown): string {
	if (e instanceof BackupArchiveError)
		return t(`backupImport.${e.problem}`, {
			file: e.file,
			part: e.part,
			detail:
				e.detail === 'changed' || e.detail === 'count'
					? t(`backupImport.detail.${e.detail}`)
					: e.detail || t('backupImport.noDetail')
		});
	if (e instanceof MissingRubricVersionError)
		return t(`import.rubricMissing.${e.kind}`, {
			rubric: e.rubricId,
			version: e.version,
			available: e.available.length ? e.available.join(t('punct.list')) : t('import.rubricNone')
		});
	if (e instanceof CoordinationReadError)
		return t(`import.damaged.${e.kind}`, { message: describeError(t, e.problem) });
	return t('files.invalid', { message: describeError(t, e) });
}

/** What an export of a return did: the file handed over (and files left out), or why not. */
export function describeReturn(
	t: Translate,
	result: StoredReturn
): { ok: boolean; message: string } {
	if (!result.ok)
		return {
			ok: false,
			message:
				result.reason === 'conflict'
					? t('return.conflict')
					: result.reason === 'failed'
						? t('return.failed', { message: describeError(t, result.error) })
						: t('return.missing')
		};
	const { fileName, sequence, leftOut, missing } = result.export;
	const left = leftOut.length + missing.length;
	const done = t('return.done', { file: fileName, n: sequence, next: sequence + 1 });
	return {
		ok: true,
		message: left ? `${done} ${t('return.filesLeftOut', { count: left })}` : done
	};
}
