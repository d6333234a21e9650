/** English of word.ts (loaded only when the interface is in English). */
import type { WordKey } from '../word';

export const wordEn: Record<WordKey, string> = {
	'word.export': 'Export Word report',
	'word.working': 'Generating the Word report…',
	'word.progress': 'Word report progress',
	'word.done':
		'Generated “{file}”, to edit in Word or WPS. When Word asks on opening whether to update fields, choose Yes to fill in the page numbers of the contents.',
	'word.error':
		'The Word report could not be generated: {message}. Nothing you entered is affected; try again, or export the PDF report.'
};
