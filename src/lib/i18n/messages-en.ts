/** The English interface, loaded when it is chosen (see loadDictionary in messages.ts). */
import { backupImportEn } from './en/backup-import';
import { complianceEn } from './en/compliance';
import { coordinationEn } from './en/coordination';
import { guidanceEn } from './en/guidance';
import { listsEn } from './en/lists';
import { officeEn } from './en/office';
import { planEn } from './en/plan';
import { reportPackEn } from './en/report-pack';
import { resultsEn } from './en/results';
import { safetyEn } from './en/safety';
import { storageEn } from './en/storage';
import { syncEn } from './en/sync';
import { tasksEn } from './en/tasks';
import { versionsEn } from './en/versions';
import { wordEn } from './en/word';
import { workflowEn } from './en/workflow';
import type { MessageKey } from './messages';

export const en: Record<MessageKey, string> = {
	'app.name': 'Digital Economy Self-Assessment',
	'app.shortName': 'DE Self-Assessment',
	'app.tagline': 'After the Guangdong Digital Economy Development Guideline 1.0',
	'nav.home': 'Home',
	'nav.assessments': 'Assessments',
	'nav.compare': 'Compare',
	'nav.settings': 'Settings',
	'nav.main': 'Main navigation',
	'nav.skip': 'Skip to main content',
	'lang.switch': '中文',
	'punct.list': ', ',
	'punct.colon': ': ',
	'punct.semicolon': '; ',
	'punct.parens': ' ({text})',
	'lang.switchLabel': 'Switch the interface to Chinese',
	'home.title': 'Digital-economy readiness and digital-transformation maturity self-assessment',
	'home.intro1':
		'This tool turns the "2221" framework and development paths of Guangdong\'s Digital Economy Development Guideline 1.0 into scored rubrics: city governments assess their digital-economy readiness, enterprises their digital-transformation maturity, and consultants assess many clients.',
	'home.intro2':
		'It computes scores and gaps, recommends measures traced to the guideline clause (and, for cities, the responsible department), compares results over time and exports PDF reports; all data stays on this device, with no network and no account.',
	'home.start': 'Start an assessment',
	'home.rubrics': 'Available rubrics',
	'home.indicators': '{count} indicators',
	'home.audience.city': 'City',
	'home.audience.enterprise': 'Enterprise',
	'assessments.title': 'Assessments',
	'assessments.empty': 'No assessments yet. Assessment workflow is under construction.',
	'compare.title': 'Compare',
	'compare.empty': 'Comparing needs at least two assessments of the same subject.',
	'settings.title': 'Settings',
	'settings.language': 'Interface language',
	'settings.offline': 'Offline use',
	'offline.ready': 'Ready for offline use',
	'offline.preparing': 'Preparing offline use…',
	'offline.unsupported': 'This browser cannot work offline',
	'offline.update': 'A new version is available',
	'offline.reload': 'Reload',
	'error.title': 'Something went wrong',
	'error.notFound': 'This page does not exist.',
	'error.generic': 'The page cannot be shown. Your data is still on this device.',
	'error.back': 'Back to home',
	...workflowEn,
	...resultsEn,
	...planEn,
	...complianceEn,
	...safetyEn,
	...storageEn,
	...versionsEn,
	...guidanceEn,
	...listsEn,
	...officeEn,
	...wordEn,
	...reportPackEn,
	...backupImportEn,
	...coordinationEn,
	...tasksEn,
	...syncEn
};
