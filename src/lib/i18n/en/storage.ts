/** English of storage.ts (loaded only when the interface is in English). */
import type { StorageKey } from '../storage';

export const storageEn: Record<StorageKey, string> = {
	'storage.full':
		'The device has no room left for the app’s data. Export your work to a file, then remove old evidence files or free up disk space.',
	'storage.unavailable':
		'This browser does not let the app store data ({detail}). Private windows and some security settings block storage; open the app in a normal window, or export your work to a file.',
	'storage.missing':
		'This assessment is no longer on this device (it may have been deleted in another window). Export what is on screen to a file.',
	'storage.failed': 'That did not work: {message}',
	'storage.fileNotIncluded':
		'The content of “{name}” is not on this device (the imported file did not include it, or it is damaged), so it cannot be opened. Ask whoever sent the assessment for the original and add it again.',
	'storage.record.subject': 'Subject record “{id}”',
	'storage.record.assessment': 'Assessment record “{id}”',
	'storage.record.meta': 'The app settings record',
	'storage.record.file': 'Evidence file “{id}”',
	'storage.newer':
		'{record} was saved by a newer version of this app (data format {version}) and cannot be opened by this one. It has been left exactly as it is; update the app to open it.',
	'storage.corrupt':
		'{record} is damaged and cannot be read. It has been left exactly as it is; you can save its raw data to a file.',
	'storage.orphan': '{record} was not exported: the subject it belongs to cannot be read.',
	'storage.leftOutTitle':
		'{count} assessment(s) were left out because the subject they belong to cannot be read; everything else was handled as usual.',
	'storage.saveRaw': 'Save the raw data of these records',
	'storage.rawSaved':
		'The raw data of the unreadable records was saved as “{file}”. Keep it safe: an updated app can recover them from it.',
	'storage.exportedPartly':
		'Exported “{file}”, without {count} record(s) that cannot be read. Their raw data was saved as “{raw}”; keep it with the export.',
	'storage.importCopies':
		'{count} record(s) in the file have the same id as records on this device that cannot be read; they were imported as copies, and the records on this device were not changed.'
};
