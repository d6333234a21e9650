/** English of report-pack.ts (loaded only when the interface is in English). */
import type { ReportPackKey } from '../report-pack';

export const reportPackEn: Record<ReportPackKey, string> = {
	'reportPack.title': 'Reports offline',
	'reportPack.explain':
		'Filling in, scoring, viewing and comparing results need none of the files below. Exporting the PDF report, the Word report and the Excel workbook also needs the report fonts and the export code: they are downloaded and kept on this device the first time you export, or all at once now, so that exports then work without a network.',
	'reportPack.group.fonts': 'Report fonts (Song, Hei, Latin)',
	'reportPack.group.rareFont': 'Font for rare characters (used when a report has them)',
	'reportPack.group.pdf': 'PDF report export code',
	'reportPack.group.word': 'Word report export code',
	'reportPack.group.excel': 'Excel workbook code (export and import)',
	'reportPack.group.shared': 'Code the exports share',
	'reportPack.item': 'Item',
	'reportPack.size': 'Size',
	'reportPack.state': 'State',
	'reportPack.cached': 'On this device',
	'reportPack.partly': 'Partly on this device ({size})',
	'reportPack.notCached': 'Not on this device',
	'reportPack.total': '{total} in all, {cached} of it kept on this device.',
	'reportPack.make': 'Make reports available offline',
	'reportPack.making': 'Downloading…',
	'reportPack.progress': 'Download of the report fonts and export code',
	'reportPack.made':
		'The report fonts and export code are all kept on this device: reports can be exported without a network. After an update of the app, the new version keeps them too.',
	'reportPack.makeFailed':
		'Not everything could be downloaded ({message}). What arrived is kept. Check the network connection and choose “Make reports available offline” again.',
	'reportPack.free': 'Free this space',
	'reportPack.freed':
		'Deleted the report fonts and export code from this device ({size}). They are downloaded again at the next export.',
	'reportPack.freeFailed': 'Could not delete them: {message}. Reload the page and try again.',
	'reportPack.loading': 'Reading…',
	'reportPack.notReady':
		'Once the app is ready for offline use, the files reports need can be downloaded here.',
	'reportPack.unsupported':
		'This browser cannot work offline: every report export needs a network to download the report fonts and export code.',
	'reportPack.what.pdf': 'The PDF report',
	'reportPack.what.word': 'The Word report',
	'reportPack.what.excel': 'The Excel workbook',
	'reportPack.unavailable':
		'{what} needs fonts and code that are not on this device yet, and there is no network connection, so it was not made. Connect and try again (afterwards it works offline too), or, while connected, choose “Make reports available offline” in Settings → Reports offline. Nothing you entered is affected.'
};
