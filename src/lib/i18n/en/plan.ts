/** English of plan.ts (loaded only when the interface is in English). */
import type { planZh } from '../plan';

export const planEn: Record<keyof typeof planZh, string> = {
	'plan.printActor': "Print this department's list",
	'plan.printActorLabel': "Print this department's list: {actor}",
	'plan.printTitle': '{subject} {period} action list: {actor}',
	'plan.filterHint': 'Filters the gaps and the action plan by who acts.',
	'plan.shown': 'Showing {shown} of {total} actors',
	'plan.showAll': 'Show all actors',
	'plan.pdfOneActor': 'Action plan in the PDF: only "{actor}"',
	'plan.sectionMenu': 'On this page',
	'plan.measureCount': '{count} measures',
	'plan.tableHint': 'Wide tables scroll sideways; the first column stays in place.'
};
