/** English of tasks.ts (loaded only when the interface is in English). */
import type { TasksKey } from '../tasks';

export const tasksEn: Record<TasksKey, string> = {
	'task.unit.city': 'department',
	'task.unit.enterprise': 'function',
	'task.badge': 'Task',
	'task.title': 'Task: {respondent}',
	'task.coordinator': 'Coordinating office',
	'task.coordinatorUnnamed': '(not named)',
	'task.respondent': 'Answering {unit}',
	'task.deadline': 'Deadline',
	'task.noDeadline': 'none set',
	'task.overdue': 'overdue',
	'task.contact': 'Contact',
	'task.instruction': 'Instructions',
	'task.issued': 'Package {package}, issued {date}',
	'task.progress': '{answered}/{assigned} answered',
	'task.only':
		'This task holds only the {count} indicators assigned to this {unit}; the other indicators are answered by other {unit}s or the coordinating office and are not on this device. The score reflects these indicators only; the coordinating office puts the full result together.',
	'task.returnedCount': '{count} returns exported',
	'task.notReturned': 'No return exported yet',
	'task.row': 'Package {package}, {respondent}',
	'task.partial':
		'This is a task holding only the {count} indicators assigned to {respondent}. The score here reflects those indicators only and is not the assessment of {subject}; the coordinating office puts the full result together.',
	'return.button': 'Export return',
	'return.title': 'Export a return',
	'return.intro':
		'The return holds the answers, targets, values, notes and evidence files of the indicators assigned in this task. After exporting it, send the file to the coordinating office {coordinator} by the channel you usually use (government mail, USB stick, file transfer).',
	'return.person': 'Filled in by',
	'return.personHint':
		'The name of the person who filled it in, so the coordinating office knows who gave each answer; this device remembers it.',
	'return.personRequired': 'Enter who filled it in, then export the return.',
	'return.unanswered':
		'{count} indicators are still unanswered. The return can be exported all the same and the coordinating office will see them as unanswered; answer them later and export another return.',
	'return.confirm': 'Export return no. {n}',
	'return.cancel': 'Cancel',
	'return.busy': 'Exporting…',
	'return.done':
		'Exported the return “{file}” (no. {n}). Send this file to the coordinating office. If you change answers later, export again: the new return is no. {next}, and the coordinating office goes by the newer one.',
	'return.filesLeftOut':
		'{count} evidence files could not be read on this device; the return lists them by name only. Add those files again, then export another return.',
	'return.conflict':
		'The return was not exported: this task was changed in another window. Reload the page, then export the return; your answers are all there.',
	'return.missing':
		'The return was not exported: this task is no longer on this device (it may have been deleted in another window).',
	'return.failed':
		'The return was not exported: its number could not be stored ({message}). Your answers are still on this device; try again shortly.',
	'import.packageSummary':
		'This is a package: {subject} {period}, sent by the coordinating office {coordinator} on {issued} to {respondent}, with {count} indicators{deadline}. Opening it creates a task on this device holding only those indicators.',
	'import.deadline': ', due {date}',
	'import.packageOpen': 'Open the task',
	'import.packageOpened': 'Opened the task: {subject} {period} ({respondent}).',
	'import.packageExisting':
		'This package was opened on this device before; no duplicate was made. Its task is opened ({answered}/{assigned} answered).',
	'import.packageSupersedes':
		'This device also holds an earlier package for the same {unit} ({packages}). Once the coordinating office sends a new package, returns of the older one are no longer accepted: answer and return the new task.',
	'import.coordinatorDevice':
		'This package was made from the assessment “{assessment}” on this device. It is meant to be opened on the answering {unit}’s device ({respondent}), not on the coordinating office’s. Nothing was imported. Send the file to {respondent}; when the return comes back, import it on that assessment’s Coordinated filling page.',
	'import.subjectMismatch':
		'This device already holds a subject with the same id, “{name}”, of another kind or rubric; the task cannot go under it. Nothing was imported. Check the file with the coordinating office.',
	'import.returnHere':
		'This is return no. {n} from {respondent} (filled in by {person}, {date}) for the assessment “{assessment}” on this device. Returns are imported on that assessment’s Coordinated filling page, where the {unit}s’ answers are checked and merged; nothing was imported here.',
	'import.returnLink': 'Open the coordinated filling of “{assessment}”',
	'import.returnElsewhere':
		'This is return no. {n} from {respondent} for a coordinating office’s assessment that is not on this device. Only the coordinating office can import it, on that assessment’s Coordinated filling page; nothing was imported here. Pass the file on to the coordinating office.',
	'import.personUnknown': 'not named',
	'import.rubricMissing.package':
		'This package uses version {version} of the rubric “{rubric}”, which this app does not have (versions here: {available}). Nothing was imported. Update the app and open it again, or ask the coordinating office to send a package made with a version this app has.',
	'import.rubricMissing.return':
		'This return uses version {version} of the rubric “{rubric}”, which this app does not have (versions here: {available}). Nothing was imported. Update the app and import it again.',
	'import.rubricNone': 'none',
	'import.damaged.package':
		'This package is damaged or was altered and cannot be opened. Nothing was imported and nothing on this device changed. Ask the coordinating office to send the original file again. Problem: {message}',
	'import.damaged.return':
		'This return is damaged or was altered. Nothing was imported. Ask whoever sent it to export the return again. Problem: {message}',
	'import.drop': 'Drop a file here to import it (assessment, backup or package).',
	'import.dropHere': 'Release to import this file'
};
