/** English of safety.ts (loaded only when the interface is in English). */
import type { SafetyKey } from '../safety';

export const safetyEn: Record<SafetyKey, string> = {
	'safety.dataTitle': 'Data and privacy',
	'safety.dataIntro':
		'All data (subjects, assessments, evidence files) is kept only in this browser’s storage on this device. Unless you turn on sync above (which sends it only to the CouchDB server you set up), the app sends none of it to any server, and uses no analytics and no remote fonts.',
	'safety.usageTitle': 'Storage use',
	'safety.usage':
		'The app (including the copy it keeps for offline use) uses {usage} of about {quota} the browser sets aside for it ({percent}).',
	'safety.usageUnknown': 'This browser does not report storage use.',
	'safety.persistTitle': 'Keep data on this device',
	'safety.persistExplain':
		'When disk space runs low, a browser may clear website data on its own, including the assessments this app keeps. The button below asks the browser to store the app’s data persistently: it is then removed only when you remove it. This affects only this device and sends nothing anywhere.',
	'safety.persistButton': 'Keep data on this device',
	'safety.persistGranted': 'On: the browser will not clear the app’s data on its own.',
	'safety.persistDenied':
		'Not granted: the browser declined (browsers usually agree only for installed or often-used sites). Install the app or bookmark it, and export backups regularly.',
	'safety.persistNotYet': 'Not on yet: the browser may clear the app’s data when space runs low.',
	'safety.persistUnsupported':
		'This browser cannot store data persistently. Export backups regularly.',
	'safety.backupTitle': 'Backup and restore',
	'safety.backupExplain':
		'“Export all data” saves every subject, assessment and evidence file in one JSON file (a .zip in parts when it is large); “Import file” restores it on any device with this app.',
	'safety.backupLast': 'Last backup: {date}.',
	'safety.backupNever': 'No backup has been exported yet.',
	'safety.wipeTitle': 'Wipe all data on this device',
	'safety.wipeExplain':
		'Permanently deletes every subject, assessment, evidence file, report branding and unsaved draft from this device. This cannot be undone. The interface language is kept. Other devices and exported files are not affected.',
	'safety.wipeNoBackup':
		'You have not exported a backup yet: after wiping, this data cannot be recovered.',
	'safety.wipeExportFirst': 'Export all data first',
	'safety.wipeConfirmLabel': 'To confirm, type “{word}”',
	'safety.wipeWord': 'DELETE',
	'safety.wipeButton': 'Permanently wipe all data',
	'safety.wiping': 'Wiping…',
	'safety.wiped': 'All data on this device has been wiped.',
	'safety.failed': 'That did not work: {message}',
	'safety.unreadableNewer':
		'{count} record(s) were saved by a newer version of this app and cannot be opened by this one. They have been left exactly as they are; update the app to see them.',
	'safety.unreadableCorrupt':
		'{count} record(s) are damaged and cannot be read. They have been left exactly as they are; everything else is shown as usual.',
	'safety.unreadableDetails': 'Details'
};
