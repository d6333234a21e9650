/**
 * The design document every organisation database gets (`_design/gd-assess`): the views the
 * province view queries and the server-side check that refuses malformed documents.
 *
 * The functions run inside CouchDB's JavaScript engine (SpiderMonkey or QuickJS, depending on the
 * CouchDB version), so they are ES5 source text, not code of this app: no arrow functions, no
 * `let`, no modules. The views count only well-formed assessment documents of the format this
 * design document knows; anything else emits nothing, so foreign or damaged documents can never
 * skew a province's numbers.
 */
import { GROUP_FIELDS, type GroupField } from './summary';

export const DESIGN_DOC_ID = '_design/gd-assess';

/** Grouping of a view: everyone together, or by one profile question. */
export type Grouping = 'all' | GroupField;
export const GROUPINGS: readonly Grouping[] = ['all', ...GROUP_FIELDS];

/** The view with the score rows for one grouping. */
export const scoresView = (by: Grouping) => `scores-${by}`;

/**
 * The key of the row that counts an assessment in its group (scores are counted per metric: an
 * unanswered domain has no score, but its assessment is still in the group).
 */
export const COUNT_METRIC = '#';

/**
 * The views' test for a document they count: an assessment of format 1 whose summary has the
 * shape the maps read (period, date, subject) and scores from 0 to 100. Shared by the maps, so every view agrees.
 */
const COUNTABLE = `function countable(doc) {
		if (doc.type !== 'assessment' || doc.format !== 1 || typeof doc._id !== 'string' || doc._id.indexOf('assessment:') !== 0) return false;
		var s = doc.summary;
		if (!s || typeof s !== 'object' || !s.rubric || typeof s.rubric.id !== 'string' || typeof s.rubric.version !== 'string') return false;
		if (typeof s.period !== 'string' || typeof s.date !== 'string' || !s.subject || typeof s.subject.id !== 'string') return false;
		if (!s.groups || typeof s.groups !== 'object' || !s.pillars || typeof s.pillars !== 'object' || !s.domains || typeof s.domains !== 'object') return false;
		function valid(v) { return v === null || (typeof v === 'number' && v >= 0 && v <= 100); }
		if (!valid(s.overall)) return false;
		var k;
		for (k in s.pillars) if (!valid(s.pillars[k])) return false;
		for (k in s.domains) if (!valid(s.domains[k])) return false;
		return true;
	}`;

/**
 * Map for one grouping. Keys: [period, rubric id, rubric version, group, metric, score in
 * hundredths]; value: the same score. The period comes first: a province reads one year's
 * distribution, never two years mixed, and a query for one period is a key range. Scores are
 * whole hundredths so that sums are exact integers: the mean the server computes then equals the
 * one computed from the files to the last digit, whatever order either side adds in. Versions of
 * a rubric are kept apart: their domains can differ.
 */
function scoresMap(by: Grouping): string {
	return `function (doc) {
	${COUNTABLE}
	if (!countable(doc)) return;
	var s = doc.summary;
	var period = s.period;
	var metrics = [['overall', s.overall]];
	var k;
	for (k in s.pillars) metrics.push(['pillar:' + k, s.pillars[k]]);
	for (k in s.domains) metrics.push(['domain:' + k, s.domains[k]]);
	var groups = [];
	var by = ${JSON.stringify(by)};
	if (by === 'all') groups.push('all');
	else {
		var values = s.groups[by];
		if (Object.prototype.toString.call(values) === '[object Array]')
			for (var v = 0; v < values.length; v++)
				if (typeof values[v] === 'string' && groups.indexOf(values[v]) < 0) groups.push(values[v]);
		if (!groups.length) groups.push(null);
	}
	for (var g = 0; g < groups.length; g++) {
		emit([period, s.rubric.id, s.rubric.version, groups[g], ${JSON.stringify(COUNT_METRIC)}, 0], 0);
		for (var i = 0; i < metrics.length; i++)
			if (metrics[i][1] !== null) {
				var h = Math.round(metrics[i][1] * 100);
				emit([period, s.rubric.id, s.rubric.version, groups[g], metrics[i][0], h], h);
			}
	}
}`;
}

/**
 * The assessments of each subject in each period: key [period, subject id], value [date, saved
 * at] (the record's updatedAt; '' when it has none). Reduced with `_count`, grouped by both, it
 * shows the subjects assessed more than once in a period (a repeat made on purpose); read
 * unreduced for those few, it tells which of their assessments is the latest and counts, and
 * which are earlier and left out of the scores views' numbers.
 */
const SUBJECT_PERIODS_MAP = `function (doc) {
	${COUNTABLE}
	if (!countable(doc)) return;
	var saved = doc.data && typeof doc.data.updatedAt === 'string' ? doc.data.updatedAt : '';
	emit([doc.summary.period, doc.summary.subject.id], [doc.summary.date, saved]);
}`;

export const SUBJECT_PERIODS_VIEW = 'subject-periods';

/**
 * Counts what the database holds: [type, format, counted by the score views]; anything that is
 * not a record of this app as ['other', null, false].
 */
const DOCUMENTS_MAP = `function (doc) {
	${COUNTABLE}
	var id = typeof doc._id === 'string' ? doc._id : '';
	if (id.indexOf('_design/') === 0) return;
	if ((doc.type === 'assessment' || doc.type === 'subject') && id.indexOf(doc.type + ':') === 0)
		emit([doc.type, doc.format, countable(doc)], null);
	else emit(['other', null, false], null);
}`;

/**
 * Refuses, on the server, documents the app could not read: a wrong id, type or format, a body
 * without the record, an assessment without a consistent summary. It cannot run the app's full
 * schema (it has no rubrics); readers still check every document and quarantine what fails.
 * A higher format than 1 is a newer app's document: accepted, and left to that version's rules.
 */
const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._deleted === true) return;
	var id = newDoc._id;
	function refuse(why) {
		throw({ forbidden: 'document ' + id + ' refused: ' + why + '; write records with the gd-assess app or CLI' });
	}
	function isObject(v) { return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) !== '[object Array]'; }
	function isScore(v) { return v === null || (typeof v === 'number' && v >= 0 && v <= 100); }
	var m = /^(subject|assessment):(.+)$/.exec(id);
	if (!m) refuse('the id must be subject:<id> or assessment:<id>');
	if (newDoc.type !== m[1]) refuse('its type must be "' + m[1] + '"');
	if (typeof newDoc.format !== 'number' || newDoc.format % 1 !== 0 || newDoc.format < 1) refuse('format must be a whole number from 1');
	if (newDoc.format > 1) return;
	var d = newDoc.data;
	if (!isObject(d)) refuse('data must be the record');
	if (d.id !== m[2]) refuse('data.id must be "' + m[2] + '"');
	if (m[1] === 'subject') {
		if (d.kind !== 'city' && d.kind !== 'enterprise') refuse('data.kind must be city or enterprise');
		if (typeof d.name !== 'string' || !d.name) refuse('data.name must be a name');
		if (typeof d.rubricId !== 'string') refuse('data.rubricId must be a rubric id');
		return;
	}
	if (d.format !== 'gd-digital-economy-assessment') refuse('data must be an assessment of this app');
	if (!isObject(d.rubric) || typeof d.rubric.id !== 'string' || typeof d.rubric.version !== 'string') refuse('data.rubric must name a rubric and version');
	if (!isObject(d.subject) || typeof d.subject.id !== 'string') refuse('data.subject must name the subject');
	if (!isObject(d.answers)) refuse('data.answers must be the answers');
	var s = newDoc.summary;
	if (!isObject(s)) refuse('an assessment needs its summary');
	if (!isObject(s.rubric) || s.rubric.id !== d.rubric.id || s.rubric.version !== d.rubric.version) refuse('summary.rubric must be the assessment\\'s rubric');
	if (!isObject(s.subject) || s.subject.id !== d.subject.id) refuse('summary.subject must be the assessment\\'s subject');
	if (!isObject(s.groups)) refuse('summary.groups must be the profile groups');
	var k;
	for (k in s.groups) {
		if (Object.prototype.toString.call(s.groups[k]) !== '[object Array]') refuse('summary.groups.' + k + ' must be a list');
		for (var i = 0; i < s.groups[k].length; i++) if (typeof s.groups[k][i] !== 'string') refuse('summary.groups.' + k + ' must list option ids');
	}
	if (!isScore(s.overall)) refuse('summary.overall must be a score from 0 to 100 or null');
	if (!isObject(s.pillars) || !isObject(s.domains)) refuse('summary.pillars and summary.domains must be scores by id');
	for (k in s.pillars) if (!isScore(s.pillars[k])) refuse('summary.pillars.' + k + ' must be a score from 0 to 100 or null');
	for (k in s.domains) if (!isScore(s.domains[k])) refuse('summary.domains.' + k + ' must be a score from 0 to 100 or null');
}`;

export interface DesignDocument {
	_id: string;
	_rev?: string;
	language: 'javascript';
	views: Record<string, { map: string; reduce?: string }>;
	validate_doc_update: string;
}

export function designDocument(): DesignDocument {
	const views: DesignDocument['views'] = {
		documents: { map: DOCUMENTS_MAP, reduce: '_count' },
		[SUBJECT_PERIODS_VIEW]: { map: SUBJECT_PERIODS_MAP, reduce: '_count' }
	};
	for (const by of GROUPINGS) views[scoresView(by)] = { map: scoresMap(by), reduce: '_stats' };
	return {
		_id: DESIGN_DOC_ID,
		language: 'javascript',
		views,
		validate_doc_update: VALIDATE_DOC_UPDATE
	};
}
