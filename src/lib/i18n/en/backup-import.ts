/** English of backup-import.ts (loaded only when the interface is in English). */
import type { BackupImportKey } from '../backup-import';

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
