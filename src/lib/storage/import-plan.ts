/**
 * Comparing an import with the device and applying the user's choice: which records are new,
 * identical or in conflict, what "keep both", "replace" and "skip" store, and the records (with
 * fresh subject summaries) that a write takes.
 */
import { mapHeldEvidence } from '$lib/domain/held-answers';
import type { Assessment } from '$lib/domain/assessment';
import { subjectOfAssessment } from '$lib/domain/subject-of';
import { RECORD_SCHEMA_VERSION, type AssessmentRecord, type SubjectRecord } from './record-upgrade';
import type { ExportedSubject, ParsedImport } from './backup-format';
import { sameContent } from './content-equality';

export type Resolution = 'keep-both' | 'replace' | 'skip';

export interface ImportItem<T> {
	incoming: T;
	/** new: not on this device; same: identical content already there; conflict: differs */
	status: 'new' | 'same' | 'conflict';
}

export interface ImportPlan {
	subjects: ImportItem<ExportedSubject>[];
	assessments: ImportItem<Assessment>[];
	conflicts: number;
}

/** Compares an import with the device. Subjects that assessments need are derived if absent. */
export function planImport(
	parsed: ParsedImport,
	existingSubjects: ReadonlyMap<string, ExportedSubject>,
	existingAssessments: ReadonlyMap<string, Assessment>
): ImportPlan {
	const subjects = [...parsed.subjects];
	const known = new Set(subjects.map((s) => s.id));
	// A lone assessment file carries its subject's id, name, kind and profile.
	for (const a of parsed.assessments)
		if (!known.has(a.subject.id) && !existingSubjects.has(a.subject.id)) {
			known.add(a.subject.id);
			subjects.push(subjectOfAssessment(a));
		}
	// The stored copy is not kept in the plan: a plan of 10,000 assessments would hold twice the
	// data until the user chose, for nothing the choice needs.
	const item = <T>(incoming: T, existing: T | undefined): ImportItem<T> => ({
		incoming,
		status: existing === undefined ? 'new' : sameContent(incoming, existing) ? 'same' : 'conflict'
	});
	const plan: ImportPlan = {
		subjects: subjects.map((s) => item(s, existingSubjects.get(s.id))),
		assessments: parsed.assessments.map((a) => item(a, existingAssessments.get(a.id))),
		conflicts: 0
	};
	plan.conflicts = [...plan.subjects, ...plan.assessments].filter(
		(i) => i.status === 'conflict'
	).length;
	return plan;
}

export interface ResolvedImport {
	subjects: ExportedSubject[];
	assessments: Assessment[];
	skipped: number;
	unchanged: number;
}

/** Ids held on this device by records that cannot be read: an import must never write over them. */
export interface TakenIds {
	subjects: ReadonlySet<string>;
	assessments: ReadonlySet<string>;
}

/**
 * A copy of an assessment under a new id owns its evidence files: they get new ids too (the
 * embedded data goes with them), so deleting one copy's file can never empty the other's.
 */
function copyAssessment(a: Assessment, id: string, newId: (oldId: string) => string): Assessment {
	const fileIds = new Map<string, string>();
	const copy = mapHeldEvidence(a, (e) => {
		if (e.kind !== 'file') return e;
		let fresh = fileIds.get(e.id);
		if (fresh === undefined) fileIds.set(e.id, (fresh = newId(e.id)));
		return { ...e, id: fresh };
	});
	return { ...copy, id };
}

/**
 * Applies the user's choice for conflicts. "keep-both" gives the incoming copy a new id (and
 * moves an incoming subject's assessments with it); "replace" takes the incoming version;
 * "skip" keeps what is on the device. New items are always added; identical ones are left alone.
 * Items whose id is held by an unreadable record on the device are always added as copies.
 */
export function resolveImport(
	plan: ImportPlan,
	resolution: Resolution,
	newId: (oldId: string) => string,
	taken: TakenIds = { subjects: new Set(), assessments: new Set() }
): ResolvedImport {
	const subjectIdMap = new Map<string, string>();
	const subjects: ExportedSubject[] = [];
	let skipped = 0;
	let unchanged = 0;
	for (const item of plan.subjects) {
		if (taken.subjects.has(item.incoming.id)) {
			const id = newId(item.incoming.id);
			subjectIdMap.set(item.incoming.id, id);
			subjects.push({ ...item.incoming, id });
			continue;
		}
		if (item.status === 'same') {
			unchanged++;
			continue;
		}
		if (item.status === 'new' || resolution === 'replace') subjects.push(item.incoming);
		else if (resolution === 'keep-both') {
			const id = newId(item.incoming.id);
			subjectIdMap.set(item.incoming.id, id);
			subjects.push({ ...item.incoming, id });
		} else skipped++;
	}
	const assessments: Assessment[] = [];
	for (const item of plan.assessments) {
		const movedSubject = subjectIdMap.get(item.incoming.subject.id);
		const incoming = movedSubject
			? { ...item.incoming, subject: { ...item.incoming.subject, id: movedSubject } }
			: item.incoming;
		if (taken.assessments.has(incoming.id)) {
			assessments.push(copyAssessment(incoming, newId(incoming.id), newId));
			continue;
		}
		if (item.status === 'same' && !movedSubject) {
			unchanged++;
			continue;
		}
		if (item.status === 'new' || resolution === 'replace') assessments.push(incoming);
		else if (resolution === 'keep-both' || movedSubject)
			assessments.push(copyAssessment(incoming, newId(incoming.id), newId));
		else skipped++;
	}
	return { subjects, assessments, skipped, unchanged };
}

/** Records ready to store: subjects get fresh summaries from their assessments. */
export function toRecords(
	resolved: ResolvedImport,
	existingSubjects: ReadonlyMap<string, SubjectRecord>,
	digest: (a: Assessment) => { score: number | null; coverage: number },
	time: string
): { subjects: SubjectRecord[]; assessments: AssessmentRecord[] } {
	const assessments: AssessmentRecord[] = resolved.assessments.map((a) => ({
		schemaVersion: RECORD_SCHEMA_VERSION,
		revision: 1,
		updatedAt: time,
		assessment: a
	}));
	const touched = new Map<string, SubjectRecord>();
	for (const s of resolved.subjects)
		touched.set(s.id, {
			...s,
			schemaVersion: RECORD_SCHEMA_VERSION,
			summary: existingSubjects.get(s.id)?.summary ?? { assessmentIds: [], latest: null }
		});
	for (const a of resolved.assessments) {
		const subject = touched.get(a.subject.id) ?? existingSubjects.get(a.subject.id);
		if (!subject) continue;
		const ids = new Set([...subject.summary.assessmentIds, a.id]);
		touched.set(subject.id, {
			...subject,
			summary: { ...subject.summary, assessmentIds: [...ids] }
		});
	}
	// The latest assessment of each touched subject, among those known to this write.
	const byId = new Map(assessments.map((r) => [r.assessment.id, r.assessment]));
	for (const subject of touched.values()) {
		const candidates = subject.summary.assessmentIds
			.map((id) => byId.get(id))
			.filter((a): a is Assessment => a !== undefined)
			.sort((a, b) => b.date.localeCompare(a.date));
		const latest = candidates[0];
		if (latest && (!subject.summary.latest || latest.date >= subject.summary.latest.date)) {
			const d = digest(latest);
			subject.summary = {
				...subject.summary,
				latest: {
					assessmentId: latest.id,
					date: latest.date,
					period: latest.period,
					score: d.score,
					coverage: d.coverage
				}
			};
		}
	}
	return { subjects: [...touched.values()], assessments };
}
