/**
 * A document with conflicting revisions in the replica: its revisions merged answer by answer
 * against their common ancestor, written back at once when no answer needs the user, otherwise
 * kept for the sync page; and the settled revision written once the user decided.
 */
import { heldFileIds } from '$lib/domain/held-answers';
import type { Assessment } from '$lib/domain/assessment';
import type { RubricSource } from '$lib/domain/assessment-file';
import {
	fromDocument,
	parseDocumentId,
	toDocument,
	type DocumentAttachment
} from '$lib/domain/sync/documents';
import { mergeRevisions, type Revision, type RevisionMerge } from '$lib/domain/sync/revisions';
import type { MirrorContext, PendingConflict } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';

/** The revisions of a conflicted document, merged; written back at once when nothing is asked. */
export async function mergeConflict(
	context: MirrorContext,
	doc: PouchDoc
): Promise<PendingConflict | undefined> {
	const { local, rubrics } = context;
	const revs = [doc._rev, ...(doc._conflicts ?? [])];
	const versions = await Promise.all(
		revs.map((rev) => local.get(doc._id, { rev, revs: true, attachments: true, binary: true }))
	);
	const named = parseDocumentId(doc._id);
	if (named?.type === 'subject') {
		// A subject's few fields: the revision CouchDB picked stays, the others go.
		await local.bulkDocs(revs.slice(1).map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })));
		return undefined;
	}
	const read: Revision[] = [];
	const attachments: Record<string, DocumentAttachment> = {};
	for (const version of versions) {
		const r = fromDocument(version, rubrics);
		if (r.status !== 'assessment') continue;
		read.push({ rev: version._rev, assessment: r.assessment });
		for (const [id, a] of Object.entries(version._attachments ?? {})) attachments[id] ??= a;
	}
	const [winner, ...losers] = read;
	if (!winner || winner.rev !== doc._rev) return undefined;
	const base = await commonAncestor(local, doc._id, versions, rubrics);
	const merge = mergeRevisions(base, winner, losers);
	if (merge.conflicts.length === 0) {
		await writeMerged(context, doc._id, merge, merge.merged, attachments);
		return undefined;
	}
	return {
		docId: doc._id,
		subjectName: winner.assessment.subject.name,
		period: winner.assessment.period || winner.assessment.date,
		merge,
		attachments
	};
}

/** The newest revision every side descends from, when the replica still has its body. */
async function commonAncestor(
	local: PouchDatabase,
	id: string,
	versions: PouchDoc[],
	rubrics: RubricSource
): Promise<Assessment | undefined> {
	const paths = versions.map((v) => {
		const history = v._revisions as { start: number; ids: string[] } | undefined;
		return history ? history.ids.map((h, i) => `${history.start - i}-${h}`) : [v._rev];
	});
	const [first, ...rest] = paths;
	const shared = first?.find((rev) => rest.every((p) => p.includes(rev)));
	if (!shared) return undefined;
	try {
		const read = fromDocument(await local.get(id, { rev: shared }), rubrics);
		return read.status === 'assessment' ? read.assessment : undefined;
	} catch {
		// Compacted away: every difference is then asked about.
		return undefined;
	}
}

/** The settled revision on top of the winner; the losing revisions are deleted. */
export async function writeMerged(
	context: MirrorContext,
	docId: string,
	merge: RevisionMerge,
	assessment: Assessment,
	attachments: Record<string, DocumentAttachment>
) {
	const { local, rubrics, app } = context;
	const rubric = rubrics.find(assessment.rubric.id, assessment.rubric.version);
	if (!rubric)
		throw new Error(
			`Rubric ${assessment.rubric.id} ${assessment.rubric.version} is not in this app.`
		);
	const files: Record<string, DocumentAttachment> = {};
	for (const id of heldFileIds(assessment)) if (attachments[id]) files[id] = attachments[id];
	const doc = toDocument({ type: 'assessment', data: assessment, rubric, files }, app);
	await local.bulkDocs([
		{ ...doc, _id: docId, _rev: merge.winnerRev },
		...merge.loserRevs.map((rev) => ({ _id: docId, _rev: rev, _deleted: true }))
	]);
}
