/** English of sync.ts (loaded only when the interface is in English). */
import type { SyncKey } from '../sync';

export const syncEn: Record<SyncKey, string> = {
	'sync.title': 'Sync (CouchDB)',
	'sync.intro':
		'Optional: sync assessments between devices, team members or departments through an Apache CouchDB server. Without it the app connects to nothing beyond its own address. The password is used once to log in and is never stored on this device; when the login expires you are asked again.',
	'sync.server': 'Server address',
	'sync.serverHint': 'e.g. https://couch.example.org (CORS must allow this app’s address)',
	'sync.database': 'Database name',
	'sync.user': 'User name',
	'sync.password': 'Password',
	'sync.subjects': 'Subjects to sync',
	'sync.subjectsAll': 'All',
	'sync.subjectsChosen': 'Only the chosen ones',
	'sync.mode': 'When to sync',
	'sync.modeLive': 'Live (retries after a dropped connection)',
	'sync.modeManual': 'On demand (when you click “Sync now”)',
	'sync.connect': 'Connect and start syncing',
	'sync.now': 'Sync now',
	'sync.off': 'Turn sync off',
	'sync.offDone': 'Sync is off. Every record is still on this device and works offline as before.',
	'sync.reloaded':
		'The app may now connect to {origin}. Enter your password once more to log in (it is not stored).',
	'sync.header': 'Sync: {phase}',
	'sync.phase.off': 'off',
	'sync.phase.connecting': 'connecting…',
	'sync.phase.syncing': 'syncing…',
	'sync.phase.idle': 'in sync',
	'sync.phase.offline': 'offline: resumes by itself',
	'sync.phase.login': 'log in again',
	'sync.phase.error': 'sync failed',
	'sync.lastSync': 'Last sync: {time}',
	'sync.neverSynced': 'Not synced yet',
	'sync.pending': 'Changes waiting to upload: {count}',
	'sync.conflictCount': 'Conflicts to decide: {count}',
	'sync.quarantineCount': 'Quarantined documents: {count}',
	'sync.status': 'Sync status',
	'sync.details': 'Sync details',
	'sync.loggedInAs': 'Logged in as {user}',
	'sync.configured': 'Server: {server}, database: {database}',
	'sync.page': 'Sync status and conflicts',
	'sync.setup.server-url':
		'The server address is not valid: enter a full address starting with http:// or https://, without a user name, password or anything after “?”.',
	'sync.setup.database-name':
		'The database name is not valid: it must start with a lower-case letter and contain only lower-case letters, digits and _ $ ( ) + - /.',
	'sync.setup.user': 'Enter the user name.',
	'sync.setup.password': 'Enter the password.',
	'sync.setup.no-worker':
		'The app is not ready offline yet, so it cannot allow the server yet. Wait until the top of the page says “Ready for offline use”, then try again.',
	'sync.problem.unreachable':
		'Cannot reach the server: check the address, that the server is running, and that it allows this app’s address (CORS). Nothing on this device was changed.',
	'sync.problem.not-couch':
		'This address is not a CouchDB server (it did not answer with CouchDB’s welcome). Check the address, e.g. a missing port or path.',
	'sync.problem.bad-credentials':
		'The server refused the user name or password. Check them and try again.',
	'sync.problem.session-expired':
		'Your login has expired: enter your password again in Settings. Sync resumes where it stopped.',
	'sync.problem.forbidden':
		'Your account may not read this database: the server allows only certain roles. Ask the administrator about your role and the database name.',
	'sync.problem.no-database':
		'The server has no database of that name: check the name, or ask the administrator to create it.',
	'sync.problem.offline':
		'The connection is down: sync is paused, nothing on this device was changed, and it resumes where it stopped once you are back online.',
	'sync.problem.refused':
		'The server refused some records of this device (they failed its checks): they are still complete on this device. Update the app, or ask the administrator to look at the server’s log.',
	'sync.problem.server-error':
		'The server failed to complete the sync. Nothing on this device was changed; it will try again.',
	'sync.quarantine.title': 'Documents not applied (quarantined)',
	'sync.quarantine.intro':
		'These documents on the server could not be read and were not written to this device:',
	'sync.quarantine.foreign': 'not a record of this app',
	'sync.quarantine.malformed': 'incomplete or malformed',
	'sync.quarantine.newer': 'written by a newer version of the app: update the app, then sync again',
	'sync.conflicts.title': 'Sync conflicts',
	'sync.conflicts.none': 'No conflicts to decide.',
	'sync.conflicts.intro':
		'{subject} ({period}) was changed on two devices. Answers changed on one side only were merged; these answers were changed differently on both: choose which to keep for each.',
	'sync.conflicts.side': 'Version {n}',
	'sync.conflicts.take': 'Keep this version',
	'sync.conflicts.chosen': 'Chosen',
	'sync.conflicts.save': 'Save the merged assessment',
	'sync.conflicts.saved': 'The merged assessment was saved; the other versions were removed.',
	'sync.conflicts.noAnswer': '(not answered)',
	'sync.conflicts.open': 'Decide conflicts'
};
