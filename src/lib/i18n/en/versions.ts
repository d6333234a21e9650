/** English of versions.ts (loaded only when the interface is in English). */
import type { versionsZh } from '../versions';

export const versionsEn: Record<keyof typeof versionsZh, string> = {
	'versions.rubric': 'rubric {version}',
	'versions.rubricNote': ' (rubric {version})',
	'carry.button': 'Carry into rubric {version}',
	'carry.done':
		'A new assessment on rubric {version} was created; the original is unchanged. {carried} answers moved as they were; the {count} items below need your confirmation.',
	'carry.title': 'Carried into the new rubric: items to confirm ({from} → {to})',
	'carry.intro':
		'These answers were not counted in the new assessment: confirm each proposed level, choose another, or change it on the filling page. Until then the indicator is unanswered.',
	'carry.changed': 'Redefined',
	'carry.split': 'Split',
	'carry.merged': 'Merged',
	'carry.mergedLowest': 'The proposal is the lowest of the merged levels.',
	'carry.from': 'From: {items}',
	'carry.proposal': 'Proposed level: {level}',
	'carry.notApplicable': 'not applicable',
	'carry.unanswered': 'unanswered',
	'carry.confirm': 'Confirm proposal',
	'carry.choose': 'Choose level',
	'carry.open': 'Open on the filling page',
	'carry.removed':
		'This indicator is removed in the new version; the old answer, kept here (and in the original assessment):',
	'carry.action': 'Action status with no matching measure in the new version: {key} ({status})',
	'carry.profile': 'Not part of the new profile, not carried: {question} = {value}',
	'carry.dismiss': 'Read, remove from the list',
	'carry.allDone': 'Every item is settled.'
};
