/**
 * The app's own store and the local PouchDB replica, kept in step through the document model.
 * The app's store stays the source of truth offline: what the user saves goes into the replica
 * (push), what replication brings in is checked and only then written to the app's store (pull).
 * A `_local` document (never replicated) remembers which revision of each record the two sides
 * last agreed on, so a record changed on both sides becomes a CouchDB conflict, never an overwrite.
 */
import { heldFileIds } from '$lib/domain/held-answers';
import type { Assessment } from '$lib/domain/assessment';
import type { RubricSource } from '$lib/domain/assessment-file';
import {
	fromDocument,
	toDocument,
	type DocumentAttachment,
	type QuarantineReason
} from '$lib/domain/sync/documents';
import type { RevisionMerge } from '$lib/domain/sync/revisions';
import { toExportedSubject, toRecords } from '$lib/storage/bundle';
import * as repo from '$lib/storage/repository';
import { announceSaved } from '$lib/state/assessment-session.svelte';
import { digestOf, refreshAfterImport } from '$lib/state/summaries';
import { fingerprint } from './canonical';
import { mergeConflict } from './conflicts';
import type { PouchDatabase, PouchDoc } from './pouch';

const MIRROR_ID = '_local/gd-mirror';

interface MirrorState {
	_id: typeof MIRROR_ID;
	_rev?: string;
	/** Per document: the revision and content fingerprint both sides last agreed on */
	agreed: Record<string, { rev: string; print: string }>;
}

export interface Quarantined {
	id: string;
	reason: QuarantineReason;
	message: string;
}

export interface PendingConflict {
	docId: string;
	subjectName: string;
	period: string;
	merge: RevisionMerge;
	/** Attachments of every revision, so a chosen answer keeps its evidence files */
	attachments: Record<string, DocumentAttachment>;
}

export interface MirrorContext {
	local: PouchDatabase;
	/** Every subject, or only these */
	subjects: 'all' | string[];
	rubrics: RubricSource;
	app: string;
}

async function readMirror(local: PouchDatabase): Promise<MirrorState> {
	try {
		return (await local.get(MIRROR_ID)) as unknown as MirrorState;
	} catch {
		return { _id: MIRROR_ID, agreed: {} };
	}
}

async function writeMirror(local: PouchDatabase, state: MirrorState) {
	const { rev } = await local.put(state as unknown as Record<string, unknown>);
	state._rev = rev;
}

async function getOrNothing(local: PouchDatabase, id: string, options?: Record<string, unknown>) {
	try {
		return await local.get(id, options);
	} catch (e) {
		if ((e as { status?: number }).status === 404) return undefined;
		throw e;
	}
}

const generation = (rev: string) => Number(rev.split('-')[0]);
const revHash = (rev: string) => rev.slice(rev.indexOf('-') + 1);

/** A fresh revision id for a branch written beside the replica's current one. */
function branchRev(after: string | undefined): {
	rev: string;
	revisions: { start: number; ids: string[] };
} {
	const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
	const start = after ? generation(after) + 1 : 1;
	return {
		rev: `${start}-${id}`,
		revisions: { start, ids: after ? [id, revHash(after)] : [id] }
	};
}

const contentOf = (doc: { data: unknown; _attachments?: Record<string, unknown> }) => ({
	data: doc.data,
	files: Object.keys(doc._attachments ?? {}).sort()
});

/**
 * Writes what changed in the app's store since the last agreement into the replica. Returns the
 * ids written (pending until replication sends them).
 */
export async function pushLocalChanges(context: MirrorContext): Promise<string[]> {
	const { local, rubrics, app } = context;
	const stored = await repo.readEverything(
		context.subjects === 'all' ? undefined : context.subjects
	);
	const mirror = await readMirror(local);
	const docs: Record<string, unknown>[] = [];
	const branches: Record<string, unknown>[] = [];
	const prints = new Map<string, string>();
	const candidates = [
		...stored.subjects.map((s) => toDocument({ type: 'subject', data: toExportedSubject(s) }, app)),
		...stored.assessments.flatMap(({ assessment }) => {
			const rubric = rubrics.find(assessment.rubric.id, assessment.rubric.version);
			if (!rubric) return [];
			const files: Record<string, DocumentAttachment> = {};
			for (const id of heldFileIds(assessment)) {
				const blob = stored.files.get(id);
				if (blob) files[id] = { content_type: blob.type || 'application/octet-stream', data: blob };
			}
			return [toDocument({ type: 'assessment', data: assessment, rubric, files }, app)];
		})
	];
	for (const doc of candidates) {
		const print = fingerprint(contentOf(doc));
		const agreed = mirror.agreed[doc._id];
		if (agreed?.print === print) continue;
		const existing = await getOrNothing(local, doc._id);
		if (existing && fingerprint(contentOf(existing as never)) === print) {
			mirror.agreed[doc._id] = { rev: existing._rev, print };
			continue;
		}
		prints.set(doc._id, print);
		if (!existing || (agreed && existing._rev === agreed.rev)) {
			docs.push({ ...doc, ...(existing ? { _rev: existing._rev } : {}) });
		} else {
			// Changed here and, since the last agreement, in the replica too: keep both as a
			// CouchDB conflict, to be merged answer by answer.
			const branch = branchRev(agreed?.rev);
			branches.push({ ...doc, _rev: branch.rev, _revisions: branch.revisions });
		}
	}
	const written: string[] = [];
	if (docs.length)
		for (const result of await local.bulkDocs(docs))
			if (result.ok && result.id && result.rev) {
				mirror.agreed[result.id] = { rev: result.rev, print: prints.get(result.id)! };
				written.push(result.id);
			}
	if (branches.length) {
		await local.bulkDocs(branches, { new_edits: false });
		written.push(...branches.map((b) => b._id as string));
	}
	if (written.length || docs.length !== candidates.length) await writeMirror(local, mirror);
	return written;
}

export interface PullResult {
	applied: string[];
	quarantined: Quarantined[];
	conflicts: PendingConflict[];
}

/**
 * Writes into the app's store what the replica has and the app does not: every document is
 * checked first (quarantined when foreign, malformed or newer), conflicts are merged answer by
 * answer (written back at once when no answer needs the user), the rest waits in `conflicts`.
 */
export async function pullRemoteChanges(context: MirrorContext): Promise<PullResult> {
	const { local, rubrics } = context;
	const mirror = await readMirror(local);
	const all = (await local.changes({ include_docs: true, conflicts: true, since: 0 })).results;
	const result: PullResult = { applied: [], quarantined: [], conflicts: [] };
	const wanted = (subjectId: string) =>
		context.subjects === 'all' || context.subjects.includes(subjectId);
	// Subjects first: an assessment is filed under its subject.
	const order = (id: string) => (id.startsWith('subject:') ? 0 : 1);
	const docs = all
		.map((c) => c.doc)
		.filter((d): d is PouchDoc => !!d && !d._id.startsWith('_design/') && !d._deleted)
		.sort((a, b) => order(a._id) - order(b._id));
	let changed = false;
	for (const doc of docs) {
		if (doc._conflicts?.length) {
			const conflict = await mergeConflict(context, doc);
			if (conflict) result.conflicts.push(conflict);
			continue;
		}
		const read = fromDocument(doc, rubrics);
		if (read.status === 'quarantined') {
			result.quarantined.push({ id: read.id, reason: read.reason, message: read.message });
			continue;
		}
		if (read.status === 'deleted') continue;
		// The record as the app will store it (read through the schema), as push reads it too.
		const data = read.status === 'subject' ? read.subject : read.assessment;
		const print = fingerprint(contentOf({ data, _attachments: doc._attachments }));
		const agreed = mirror.agreed[doc._id];
		if (agreed && (agreed.rev === doc._rev || agreed.print === print)) {
			if (agreed.rev !== doc._rev) {
				mirror.agreed[doc._id] = { rev: doc._rev, print };
				changed = true;
			}
			continue;
		}
		if (read.status === 'subject') {
			if (!wanted(read.subject.id)) continue;
			await applyRecords([read.subject], [], [], rubrics);
		} else {
			if (!wanted(read.assessment.subject.id)) continue;
			const withFiles = await local.get(doc._id, { attachments: true, binary: true });
			const files: [string, Blob][] = [];
			for (const [id, attachment] of Object.entries(withFiles._attachments ?? {}))
				if (attachment.data instanceof Blob) files.push([id, attachment.data]);
			await applyRecords([], [read.assessment], files, rubrics);
		}
		mirror.agreed[doc._id] = { rev: doc._rev, print };
		result.applied.push(doc._id);
		changed = true;
	}
	if (changed) await writeMirror(local, mirror);
	return result;
}

/** Writes records from the replica with the import's own write: all of it lands, or none. */
async function applyRecords(
	subjects: ReturnType<typeof toExportedSubject>[],
	assessments: Assessment[],
	files: [string, Blob][],
	rubrics: RubricSource
) {
	const stored = await repo.readEverything();
	const records = toRecords(
		{ subjects, assessments, skipped: 0, unchanged: 0 },
		new Map(stored.subjects.map((s) => [s.id, s])),
		(a) => {
			const rubric = rubrics.find(a.rubric.id, a.rubric.version);
			return rubric ? digestOf(rubric, a) : { score: null, coverage: 0 };
		},
		new Date().toISOString()
	);
	announceSaved(await repo.writeImport({ ...records, files }));
	// As after an import: the records have landed; a summary not refreshed now is on its next check.
	await refreshAfterImport(assessments.map((a) => a.id)).catch(() => undefined);
}
