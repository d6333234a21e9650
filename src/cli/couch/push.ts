/**
 * `couch push FILE…`: a province receives assessment files by mail and loads them into its
 * database. Each file is checked by the CLI's own reader (the app's import rules, the same
 * messages); an invalid one is reported and skipped. A valid one becomes its assessment document
 * (with summary and evidence attachments) and, when the database has none yet, its subject's
 * document. Per file it is all or nothing: when the assessment cannot be written, a subject
 * document written for it is taken back. Pushing the same file again changes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Subject } from '../../lib/domain/subject';
import { subjectOfAssessment } from '../../lib/domain/subject-of';
import {
	assessmentDocument,
	subjectDocument,
	type AssessmentDocument,
	type DocumentAttachment
} from '../../lib/domain/sync/documents';
import { PROJECT_ROOT } from '../../lib/project-root';
import { InputError } from '../errors';
import { loadAssessmentFile } from '../shared';
import { couchRequest, describeServer, type Connection } from './client';

export type PushOutcome = 'created' | 'updated' | 'unchanged' | 'invalid' | 'failed';

export interface PushResult {
	file: string;
	outcome: PushOutcome;
	/** The document id, for written files */
	id?: string;
	/** Why it was skipped or failed (one line, from the file checks or the server) */
	message?: string;
	/** Whether the subject's document was created with it */
	subjectCreated?: boolean;
}

let appVersion: string | undefined;

/** Written into every document (`app`) for support; readers go by its format. */
export function cliVersion(): string {
	appVersion ??= `cli ${
		(
			JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
				version: string;
			}
		).version
	}`;
	return appVersion;
}

/** CouchDB's digest of an attachment: md5 of its bytes, base64. */
const digestOf = (base64: string) =>
	`md5-${createHash('md5').update(Buffer.from(base64, 'base64')).digest('base64')}`;

/** Same record, summary and files as what the server holds: nothing to write. */
function sameAsStored(doc: AssessmentDocument, stored: Record<string, unknown>): boolean {
	if (stored.format !== doc.format || stored.type !== doc.type) return false;
	if (!isDeepStrictEqual(stored.data, JSON.parse(JSON.stringify(doc.data)))) return false;
	if (!isDeepStrictEqual(stored.summary, JSON.parse(JSON.stringify(doc.summary)))) return false;
	const storedFiles = (stored._attachments ?? {}) as Record<string, DocumentAttachment>;
	const files = doc._attachments ?? {};
	const names = Object.keys(files);
	return (
		names.length === Object.keys(storedFiles).length &&
		names.every(
			(name) =>
				storedFiles[name]?.content_type === files[name]!.content_type &&
				storedFiles[name]?.digest === digestOf(String(files[name]!.data))
		)
	);
}

async function checkSubjectKind(conn: Connection, db: string, subject: Subject, where: string) {
	const { body } = await couchRequest<{ data?: { kind?: unknown } }>(
		conn,
		'GET',
		docPath(db, `subject:${subject.id}`),
		{ where }
	);
	const kind = body.data?.kind;
	if (kind !== subject.kind)
		throw new InputError(where, [
			{
				path: '',
				message: `subject "${subject.id}" in the database is ${typeof kind === 'string' ? `a ${kind}` : 'not a subject of this app'}, but this assessment is of a ${subject.kind}; give the subject another id`
			}
		]);
}

const docPath = (db: string, id: string) => `/${encodeURIComponent(db)}/${encodeURIComponent(id)}`;

async function pushOne(conn: Connection, db: string, file: string): Promise<PushResult> {
	let read: ReturnType<typeof loadAssessmentFile>;
	try {
		read = loadAssessmentFile(file);
	} catch (e) {
		if (e instanceof InputError) return { file, outcome: 'invalid', message: e.message };
		throw e;
	}
	const where = describeServer(conn, db);
	const doc = assessmentDocument(read.assessment, { app: cliVersion(), rubric: read.rubric });
	const existing = await couchRequest<Record<string, unknown>>(conn, 'GET', docPath(db, doc._id), {
		accept: [404],
		where
	});
	const stored = existing.status === 404 ? undefined : existing.body;
	if (stored && sameAsStored(doc, stored)) return { file, outcome: 'unchanged', id: doc._id };

	// The subject first: if it cannot be written, nothing is.
	const subject = subjectDocument(subjectOfAssessment(read.assessment), cliVersion());
	let subjectRev: string | undefined;
	try {
		const subjectWrite = await couchRequest<{ rev?: string }>(
			conn,
			'PUT',
			docPath(db, subject._id),
			{ body: subject, accept: [409], where }
		);
		// 409: the subject is there already (from the app, or an earlier file); it stays as it is,
		// but an assessment of an enterprise never goes under a city of the same id.
		if (subjectWrite.status === 409) await checkSubjectKind(conn, db, subject.data, where);
		else subjectRev = subjectWrite.body.rev;
		await couchRequest(conn, 'PUT', docPath(db, doc._id), {
			body: stored ? { ...doc, _rev: stored._rev } : doc,
			where
		});
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		if (subjectRev)
			await couchRequest(conn, 'DELETE', `${docPath(db, subject._id)}?rev=${subjectRev}`, {
				where
			}).catch(() => undefined);
		return { file, outcome: 'failed', id: doc._id, message: `${file}: ${e.message}` };
	}
	return {
		file,
		outcome: stored ? 'updated' : 'created',
		id: doc._id,
		subjectCreated: subjectRev !== undefined
	};
}

/** Pushes the files one by one, in the order given; a failure of one does not stop the rest. */
export async function pushFiles(
	conn: Connection,
	db: string,
	files: string[],
	onResult: (result: PushResult) => void = () => {}
): Promise<PushResult[]> {
	const results: PushResult[] = [];
	for (const file of files) {
		const result = await pushOne(conn, db, file);
		onResult(result);
		results.push(result);
	}
	return results;
}
