/** English of coordination.ts (loaded only when the interface is in English). */
import type { CoordinationKey } from '../coordination';

export const coordinationEn: Record<CoordinationKey, string> = {
	'coord.title': 'Coordinated filling',
	'coord.link': 'Coordinate (several {unit}s)',
	'coord.results': 'Results',
	'coord.unitCity': 'department',
	'coord.unitEnterprise': 'function',
	'coord.sections': 'Parts of the coordination',
	'coord.newerElsewhere':
		'Another window saved a newer version of this assessment; this page no longer saves. Reload it before going on, so nothing newer is overwritten.',
	'coord.startTitle': 'Start coordinated filling',
	'coord.startIntro':
		'One lead office coordinates; each responsible {unit} answers the indicators it is responsible for. Assignments start from the rubric’s responsibilities and can be changed; hand out a package to each {unit}, merge the returns, decide where they differ and sign off.',
	'coord.coordinator': 'Coordinator (lead office or name)',
	'coord.start': 'Start coordinated filling',
	'coord.finalisedNotice':
		'This assessment was signed off on {on} by {by} and is read-only; to change it, reopen it first with a reason.',
	'coord.respondents': 'Responding {unit}s',
	'coord.respondentsIntro':
		'Each {unit} can have a contact, a deadline and an instruction; its package holds only its own indicators, never another {unit}’s notes or evidence.',
	'coord.respondentName': 'Name of the {unit}',
	'coord.standsFor': 'Responsibility in the rubric: {actor}',
	'coord.contact': 'Contact',
	'coord.deadline': 'Deadline',
	'coord.instruction': 'Instruction',
	'coord.assignedCount': '{count} indicators assigned',
	'coord.issued': 'package {package} handed out ({on})',
	'coord.exportPackage': 'Export package',
	'coord.printQuestionnaire': 'Print blank questionnaire (PDF)',
	'coord.remove': 'Remove',
	'coord.cannotRemove':
		'A package was handed out to it, so it cannot be removed (its returns and the provenance of its answers are kept).',
	'coord.addRespondent': 'Add a responding {unit}',
	'coord.add': 'Add',
	'coord.packageWord': 'package',
	'coord.questionnaireWord': 'questionnaire',
	'coord.packageDone':
		'Package "{file}" exported and recorded on this assessment. Send it by mail, USB stick or file transfer.',
	'coord.questionnaireDone': 'Blank questionnaire "{file}" made.',
	'coord.handout.no-respondent': 'This respondent no longer exists. Reload the page and try again.',
	'coord.handout.nothing-assigned':
		'No indicator is assigned to this respondent yet. Assign some under "Assignments" first.',
	'coord.handout.finalised':
		'The assessment is signed off: no more packages can be handed out. Reopen it first.',
	'coord.handout.notSaved':
		'The package could not be recorded on the assessment (saving failed), so it was not exported: its return could not be merged. See the save state at the top and try again.',
	'coord.assign': 'Assignments',
	'coord.assignIntro':
		'Each applicable indicator is answered by one or more {unit}s. The defaults follow the rubric’s responsibilities; where several {unit}s answer one indicator, each level and the spread are shown, and the merged or decided answer counts.',
	'coord.fillByActors': 'Assign unassigned indicators by responsibility',
	'coord.resetByActors': 'Reassign every indicator by responsibility',
	'coord.showState': 'State',
	'coord.showRespondent': 'Responding {unit}',
	'coord.indicatorCount': 'Showing {count} of {total}',
	'coord.responsible': 'Responsible',
	'coord.assignedTo': 'Answered by',
	'coord.nobody': 'nobody',
	'coord.spread': 'Levels given: lowest {min}, highest {max}.',
	'coord.changeAssignment': 'Change who answers',
	'coord.whoAnswers': 'Who answers "{title}"',
	'coord.state.unassigned': 'Unassigned',
	'coord.state.waiting': 'Waiting',
	'coord.state.returned': 'Returned',
	'coord.state.conflict': 'To decide',
	'coord.returns': 'Import returns',
	'coord.returnsIntro':
		'Choose several return files at once, in any order, as often as you like: the same file imported again changes nothing. Each file is checked whole before it is merged; a refused file changes nothing.',
	'coord.chooseReturns': 'Choose return files (several allowed)',
	'coord.dropHint': 'Or drop return files anywhere on this page.',
	'coord.merging': 'Checking and merging returns…',
	'coord.merged':
		'Merged the return of {respondent}: {changed} answers changed, {conflicts} to decide.',
	'coord.mergedNothing': 'Merged the return of {respondent}; no answer changed.',
	'coord.duplicate': 'This return was imported before; nothing changed.',
	'coord.refused.invalid':
		'Not imported: this is not a valid return (it may have been altered or cut short). Problems: {problems}. Ask the respondent to export the return from the app again.',
	'coord.refused.tooLarge':
		'Not imported: the file is {size}, over the {limit} limit. Check that it is a return file.',
	'coord.refused.package':
		'Not imported: this is a package (the file sent to a respondent), not a return. A package is opened on the respondent’s device; what comes back is the return it exports.',
	'coord.refused.other-assessment':
		'Not imported: this return belongs to another assessment, not "{subject} {period}". Import it on that assessment’s coordination page.',
	'coord.refused.other-rubric':
		'Not imported: the return uses rubric version {version}, this assessment {ours}. Hand out a new package of this assessment.',
	'coord.refused.not-coordinated': 'Not imported: coordinated filling has not been started here.',
	'coord.refused.unknown-package':
		'Not imported: package {package} of this return was not handed out from this assessment (another device, or a deleted assessment). Hand out a new package.',
	'coord.refused.other-respondent':
		'Not imported: the return names another respondent than package {package} was handed to; the file may have been altered. Ask for a new export from the app.',
	'coord.refused.superseded':
		'Not imported: the return answers the older package {package}; package {newer} was handed out since. Ask the respondent to fill in the new package and export again.',
	'coord.refused.unassigned':
		'Not imported: the return answers indicators not assigned to this respondent ({ids}); the file may have been altered. Ask for a new export from the app.',
	'coord.refused.stale':
		'Not imported: this is an older return of this respondent (export {sequence}); the newer export {merged} is already merged. Nothing to do.',
	'coord.refused.altered':
		'Not imported: this return differs from the export {sequence} already merged; the file may have been altered. Ask for a new export from the app.',
	'coord.refused.finalised':
		'Not imported: the assessment was signed off on {on} by {by}. To merge more returns, reopen it first with a reason.',
	'coord.refused.notSaved':
		'Not imported: saving failed and nothing changed. See the save state at the top and try again.',
	'coord.conflicts': 'Differences to decide',
	'coord.noConflicts': 'Nothing to decide now.',
	'coord.conflictsIntro':
		'{count} indicators have returns that differ from the answer held. Compare the answers side by side and take one, or record a consolidated level with a reason; until then the held answer counts.',
	'coord.heldOwn': 'Held answer (coordinator)',
	'coord.heldDecision': 'Held answer (last decision)',
	'coord.keepHeld': 'Keep the held answer',
	'coord.take': 'Take the answer of {name}',
	'coord.consolidate': 'Consolidated answer',
	'coord.consolidatedLevel': 'Level',
	'coord.consolidatedNote': 'Reason (required)',
	'coord.recordConsolidated': 'Record the consolidated answer',
	'coord.defaultTarget': 'default target',
	'coord.field.level': 'Level',
	'coord.field.target': 'Target',
	'coord.field.value': 'Value',
	'coord.field.figures': 'Recorded figures',
	'coord.field.note': 'Note',
	'coord.field.evidence': 'Evidence',
	'coord.field.person': 'Filled in by',
	'coord.field.date': 'Date',
	'coord.field.package': 'Package',
	'coord.progress': 'Progress',
	'coord.progressTable': 'Progress of each {unit}',
	'coord.stateCounts':
		'Indicators: {unassigned} unassigned, {waiting} waiting, {returned} returned, {conflict} to decide.',
	'coord.col.assigned': 'Assigned',
	'coord.col.answered': 'Answered',
	'coord.col.issued': 'Handed out',
	'coord.col.returned': 'Returned',
	'coord.col.status': 'Status',
	'coord.overdue': 'Overdue',
	'coord.complete': 'Complete',
	'coord.partly': 'Partly returned',
	'coord.waiting': 'Waiting',
	'coord.notIssued': 'Not handed out',
	'coord.reminders': 'Reminders',
	'coord.remindersIntro': 'Past their deadline and not finished; copy and send:',
	'coord.reminder':
		'{name} ({contact}): deadline {deadline}, {count} indicators still unanswered: {titles}.',
	'coord.noContact': 'no contact given',
	'coord.noReminders': 'Nobody is overdue.',
	'coord.copy': 'Copy the reminders',
	'coord.copied': 'Copied',
	'coord.signOff': 'Sign-off and change log',
	'coord.signOffIntro':
		'Once signed off the assessment is read-only everywhere in the app (no edits on the filling page, no returns merged) until it is reopened; the reopening and every later change are logged.',
	'coord.signOffBy': 'Signed off by',
	'coord.signOffOn': 'Sign-off date',
	'coord.finalise': 'Sign off',
	'coord.reopenBy': 'Reopened by',
	'coord.reopenReason': 'Reason for reopening (required)',
	'coord.reopen': 'Reopen',
	'coord.log': 'Change log',
	'coord.noLog': 'No changes recorded.',
	'coord.logTable': 'Table of changes',
	'coord.readOnlyNotice':
		'This assessment was signed off on {on} by {by} and is read-only. To change it, reopen it on the coordination page with a reason.'
};
