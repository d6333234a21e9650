/**
 * The replication document model: how subjects and assessments travel through Apache CouchDB
 * (PouchDB in the browser, the CLI on the server side). One document per record with a stable id
 * (`subject:<id>`, `assessment:<id>`); the body holds the record exactly as the backup file holds
 * it, so whatever reads a backup reads a document. Evidence files kept on the device travel as
 * attachments of their assessment (name = evidence file id), not as data URLs inside the body:
 * CouchDB replicates an unchanged attachment once, whatever happens to the answers around it.
 *
 * Reading is defensive: a document from the server is untrusted input. `fromDocument` checks it
 * with the same rules as the file import and returns either the record or why it is quarantined;
 * it never throws.
 */
import type { Rubric } from '../../rubrics/schema';
import type { Assessment } from '../assessment';
import {
	InputError,
	checkAgainstRubric,
	describeIssue,
	validateAssessment,
	type Problem,
	type RubricSource
} from '../assessment-file';
import { evidenceProblems, sharedFileIdProblems } from '../evidence-check';
import { heldAnswers, heldFileIds, mapHeldEvidence } from '../held-answers';
import { SubjectSchema, subjectProblems, type Subject } from '../subject';
import { dataUrlToAttachment } from './base64';
import { summariseAssessment, type AssessmentSummary } from './summary';

/** The document format this app writes; a higher one was written by a newer version. */
export const DOCUMENT_FORMAT = 1;

export type SyncDocType = 'subject' | 'assessment';

/**
 * A CouchDB attachment: inline (`data`, base64 over HTTP, a Blob or Buffer through PouchDB) or
 * a stub (`stub: true`, what the server sends when the content is not asked for).
 */
export interface DocumentAttachment {
	content_type: string;
	data?: unknown;
	stub?: boolean;
	digest?: string;
	length?: number;
	revpos?: number;
}

interface DocumentBase {
	_id: string;
	_rev?: string;
	format: number;
	/** Version of the app or CLI that wrote it (for support; readers go by `format`) */
	app: string;
}

export interface SubjectDocument extends DocumentBase {
	type: 'subject';
	data: Subject;
}

export interface AssessmentDocument extends DocumentBase {
	type: 'assessment';
	data: Assessment;
	summary: AssessmentSummary;
	_attachments?: Record<string, DocumentAttachment>;
}

export type SyncDocument = SubjectDocument | AssessmentDocument;

export const documentId = (type: SyncDocType, recordId: string) => `${type}:${recordId}`;

/** The record type and id a document id names, or null for ids this app does not write. */
export function parseDocumentId(id: string): { type: SyncDocType; recordId: string } | null {
	const match = /^(subject|assessment):(.+)$/s.exec(id);
	return match ? { type: match[1] as SyncDocType, recordId: match[2]! } : null;
}

export function subjectDocument(subject: Subject, app: string): SubjectDocument {
	return {
		_id: documentId('subject', subject.id),
		type: 'subject',
		format: DOCUMENT_FORMAT,
		app,
		data: subject
	};
}

export interface AssessmentDocumentOptions {
	app: string;
	/** The rubric the assessment names (for the summary) */
	rubric: Rubric;
	/** Evidence files kept apart from the record (the app's IndexedDB blobs), by evidence id */
	files?: Record<string, DocumentAttachment>;
}

/**
 * An assessment as a document. Files embedded as data URLs (an assessment file, a backup) move
 * into attachments; files given in `options.files` are attached as they are.
 */
export function assessmentDocument(
	assessment: Assessment,
	options: AssessmentDocumentOptions
): AssessmentDocument {
	const attachments: Record<string, DocumentAttachment> = {};
	const data = mapHeldEvidence(assessment, ({ dataUrl, ...evidence }) => {
		if (dataUrl !== undefined && evidence.kind === 'file' && !attachments[evidence.id]) {
			const attachment = dataUrlToAttachment(dataUrl);
			if (attachment) attachments[evidence.id] = attachment;
		}
		return evidence;
	});
	for (const [id, file] of Object.entries(options.files ?? {})) attachments[id] ??= file;
	const doc: AssessmentDocument = {
		_id: documentId('assessment', assessment.id),
		type: 'assessment',
		format: DOCUMENT_FORMAT,
		app: options.app,
		data,
		summary: summariseAssessment(data, options.rubric)
	};
	if (Object.keys(attachments).length) doc._attachments = attachments;
	return doc;
}

export type SyncRecord =
	| { type: 'subject'; data: Subject }
	| ({ type: 'assessment'; data: Assessment } & Omit<AssessmentDocumentOptions, 'app'>);

export function toDocument(record: SyncRecord, app: string): SyncDocument {
	return record.type === 'subject'
		? subjectDocument(record.data, app)
		: assessmentDocument(record.data, { app, rubric: record.rubric, files: record.files });
}

/** Why a document is not applied: foreign (not ours), malformed, or from a newer app version. */
export type QuarantineReason = 'foreign' | 'malformed' | 'newer';

export type ReadDocument =
	| { status: 'subject'; id: string; rev?: string; subject: Subject }
	| {
			status: 'assessment';
			id: string;
			rev?: string;
			assessment: Assessment;
			/** Attachments of the evidence files the assessment names */
			files: Record<string, DocumentAttachment>;
			/** Files the assessment names that did not come with it */
			missingFiles: string[];
	  }
	| { status: 'deleted'; id: string; type: SyncDocType; recordId: string }
	| {
			status: 'quarantined';
			id: string;
			reason: QuarantineReason;
			/** One line for the user (English; the app shows its own text per reason) */
			message: string;
			problems: Problem[];
	  };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function quarantine(
	id: string,
	reason: QuarantineReason,
	message: string,
	problems: Problem[] = []
): ReadDocument {
	return { status: 'quarantined', id, reason, message, problems };
}

const malformed = (id: string, problems: Problem[]) =>
	quarantine(
		id,
		'malformed',
		`document ${id} is malformed (${problems
			.slice(0, 3)
			.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
			.join('; ')}); it was not applied`,
		problems
	);

/**
 * Reads a document from the server with the rules of the file import. Never throws: anything
 * that is not a valid record of this app comes back quarantined, with the reason.
 */
export function fromDocument(doc: unknown, rubrics: RubricSource): ReadDocument {
	const id = isObject(doc) && typeof doc._id === 'string' ? doc._id : '(no id)';
	try {
		return readDocument(doc, id, rubrics);
	} catch (e) {
		// The checks above return problems for bad input; this is the last line for the unforeseen.
		return malformed(id, [{ path: '', message: e instanceof Error ? e.message : String(e) }]);
	}
}

function readDocument(doc: unknown, id: string, rubrics: RubricSource): ReadDocument {
	if (!isObject(doc)) return quarantine(id, 'foreign', 'not a document (expected a JSON object)');
	const named = parseDocumentId(id);
	if (!named)
		return quarantine(id, 'foreign', `document ${id} is not a record of this app; it was skipped`);
	if (doc._deleted === true) return { status: 'deleted', id, ...named };
	if (doc.type !== 'subject' && doc.type !== 'assessment')
		return quarantine(id, 'foreign', `document ${id} has no record type of this app; skipped`);
	const format = doc.format;
	if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
		return malformed(id, [{ path: '$.format', message: 'must be a whole number from 1' }]);
	if (format > DOCUMENT_FORMAT)
		return quarantine(
			id,
			'newer',
			`document ${id} was written by a newer version of the app (format ${format}): update the app to read it`
		);
	if (doc.type !== named.type)
		return malformed(id, [
			{ path: '$.type', message: `is "${doc.type}" but the id names a ${named.type}` }
		]);
	const rev = typeof doc._rev === 'string' ? doc._rev : undefined;
	return doc.type === 'subject'
		? readSubject(doc, id, named.recordId, rev, rubrics)
		: readAssessment(doc, id, named.recordId, rev, rubrics);
}

function readSubject(
	doc: Record<string, unknown>,
	id: string,
	recordId: string,
	rev: string | undefined,
	rubrics: RubricSource
): ReadDocument {
	const parsed = SubjectSchema.safeParse(doc.data);
	if (!parsed.success)
		return malformed(
			id,
			parsed.error.issues.slice(0, 20).map((issue) => {
				const p = describeIssue(issue);
				return { ...p, path: `$.data${p.path.slice(1)}` };
			})
		);
	const subject = parsed.data;
	const problems = subjectProblems(subject, '$.data', rubrics);
	if (subject.id !== recordId)
		problems.push({ path: '$.data.id', message: `is "${subject.id}" but the document is ${id}` });
	return problems.length ? malformed(id, problems) : { status: 'subject', id, rev, subject };
}

function readAssessment(
	doc: Record<string, unknown>,
	id: string,
	recordId: string,
	rev: string | undefined,
	rubrics: RubricSource
): ReadDocument {
	let assessment: Assessment;
	try {
		assessment = validateAssessment(doc.data, id);
	} catch (e) {
		if (e instanceof InputError)
			return malformed(
				id,
				e.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, '$.data') }))
			);
		throw e;
	}
	const { id: rubricId, version } = assessment.rubric;
	const rubric = rubrics.find(rubricId, version);
	if (!rubric)
		return rubrics.versions(rubricId).length
			? quarantine(
					id,
					'newer',
					`document ${id} uses rubric ${rubricId} ${version}, which this app does not have: update the app to read it`
				)
			: malformed(id, [{ path: '$.data.rubric', message: `unknown rubric "${rubricId}"` }]);
	const problems = [
		...checkAgainstRubric(assessment, rubric),
		...evidenceProblems(assessment),
		...sharedFileIdProblems([assessment], () => '$')
	].map((p) => ({ ...p, path: p.path.replace(/^\$/, '$.data') }));
	if (assessment.id !== recordId)
		problems.push({
			path: '$.data.id',
			message: `is "${assessment.id}" but the document is ${id}`
		});
	if (problems.length) return malformed(id, problems.slice(0, 20));
	const attachments = isObject(doc._attachments) ? doc._attachments : {};
	const files: Record<string, DocumentAttachment> = {};
	const missingFiles: string[] = [];
	const embedded = new Set(
		heldAnswers(assessment).flatMap(({ answer }) =>
			(answer.evidence ?? []).flatMap((e) => (e.dataUrl === undefined ? [] : [e.id]))
		)
	);
	for (const fileId of heldFileIds(assessment)) {
		if (embedded.has(fileId)) continue;
		const attachment = attachments[fileId];
		if (isObject(attachment) && typeof attachment.content_type === 'string')
			files[fileId] = attachment as unknown as DocumentAttachment;
		else missingFiles.push(fileId);
	}
	return { status: 'assessment', id, rev, assessment, files, missingFiles };
}
