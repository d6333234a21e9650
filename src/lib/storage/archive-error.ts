/**
 * Why a backup in parts (a zip) could not be read as a whole. Apart from the reader, so that the
 * interface can word it without loading the unpacker.
 */
export type ArchiveProblem =
	/** not a zip, or a zip whose directory is damaged or cut short */
	| 'damaged'
	/** a zip without a backup manifest */
	| 'notBackup'
	/** a part the manifest names is not in the zip */
	| 'missingPart'
	/** a part that cannot be unpacked, or whose content is not what the manifest says */
	| 'brokenPart'
	/** more than the limits unpacked */
	| 'tooLarge';

/** A backup archive that cannot be read as a whole; the interface words it from `problem`. */
export class BackupArchiveError extends Error {
	constructor(
		readonly file: string,
		readonly problem: ArchiveProblem,
		readonly part = '',
		/** what the unpacker said, or `changed` (not the manifest's SHA-256), `count` (not its count) */
		readonly detail = ''
	) {
		super(`${file}: ${problem}${part ? ` (${part})` : ''}${detail ? `: ${detail}` : ''}`);
		this.name = 'BackupArchiveError';
	}
}
