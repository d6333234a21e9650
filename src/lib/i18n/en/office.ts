/** English of office.ts (loaded only when the interface is in English). */
import type { OfficeKey } from '../office';

export const officeEn: Record<OfficeKey, string> = {
	'office.title': 'Excel workbook',
	'office.intro':
		'The workbook has four sheets: answers, scores, gaps and the action plan. Fill in current levels, not applicable, target levels, metric values and notes in the answers sheet, then import it into this assessment; every change is listed for you to confirm first.',
	'office.loadingTools': 'Loading the workbook tools…',
	'office.loadFailed':
		'The workbook tools could not be loaded: {message}. Reload the page and try again.',
	'office.export': 'Export Excel workbook',
	'office.exporting': 'Building the workbook…',
	'office.exported': 'Saved “{file}”.',
	'office.exportError': 'The workbook could not be built: {message}',
	'office.import': 'Import a filled answer sheet',
	'office.reading': 'Reading “{file}”…',
	'office.fatal': '“{file}” cannot be imported; nothing in this assessment was changed:',
	'office.noChanges':
		'“{file}” has the same answers as this assessment; there is nothing to import.',
	'office.preview': '“{file}” will make these {count} changes:',
	'office.otherAssessment':
		'Note: this answer sheet was exported from another assessment with the same rubric.',
	'office.problems': 'These {rows} rows have problems and are not used:',
	'office.indicator': 'Indicator',
	'office.field': 'Field',
	'office.change': 'Change (old → new)',
	'office.apply': 'Apply all changes',
	'office.applyValid': 'Apply the valid rows only (skip {rows})',
	'office.cancel': 'Cancel',
	'office.applied': 'Imported {count} changes; the scores are updated.',
	'office.conflict':
		'This assessment was updated in another window, so nothing was imported. Reload the page and import again.',
	'office.unexpected':
		'The answer sheet could not be read: {message}. Nothing in this assessment was changed.'
};
