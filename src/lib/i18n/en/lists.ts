/** English of lists.ts (loaded only when the interface is in English). */
import type { ListsKey } from '../lists';

export const listsEn: Record<ListsKey, string> = {
	'subjects.pages': 'Pages',
	'subjects.showing': 'Showing {from}–{to} of {count} subjects',
	'subjects.pageOf': 'Page {page} of {pages}',
	'subjects.first': 'First',
	'subjects.previous': 'Previous',
	'subjects.next': 'Next',
	'subjects.last': 'Last',
	'subjects.scorePending': 'computing',
	'summaries.updating': 'Updating score summaries: {done} / {total} subjects.',
	'benchmark.preparing':
		'Preparing the comparable subjects’ scores: {done} / {total}. This is done once, the first time or after an update; afterwards they show at once.'
};
