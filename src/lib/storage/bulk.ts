/** Everything at once: reading for export, writing an import in one transaction, wiping. */
import { upgradeRecord, type AssessmentRecord, type SubjectRecord } from './records';
import { assessmentKey, fileKey, now, plain, request, subjectKey, transaction } from './database';
import { readSubjectAssessments, summarize } from './assessments';

export interface StoredEverything {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: Map<string, Blob>;
}

export async function readEverything(subjectIds?: string[]): Promise<StoredEverything> {
	return transaction('readonly', async (s) => {
		const keys = (await request(s.getAllKeys())).filter((k): k is string => typeof k === 'string');
		const subjects: SubjectRecord[] = [];
		const assessments: AssessmentRecord[] = [];
		const files = new Map<string, Blob>();
		for (const key of keys) {
			if (key.startsWith('subject:')) {
				const subject = upgradeRecord('subject', key, await request(s.get(key)));
				if (!subjectIds || subjectIds.includes(subject.id)) subjects.push(subject);
			}
		}
		const wanted = new Set(subjects.map((x) => x.id));
		for (const key of keys) {
			if (!key.startsWith('assessment:')) continue;
			const record = upgradeRecord('assessment', key, await request(s.get(key)));
			if (!wanted.has(record.assessment.subject.id)) continue;
			assessments.push(record);
			for (const answer of Object.values(record.assessment.answers))
				for (const e of answer.evidence ?? [])
					if (e.kind === 'file') {
						const blob = (await request(s.get(fileKey(e.id)))) as Blob | undefined;
						if (blob) files.set(e.id, blob);
					}
		}
		return { subjects, assessments, files };
	});
}

export interface ImportWrite {
	subjects: SubjectRecord[];
	assessments: AssessmentRecord[];
	files: [string, Blob][];
}

async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
	if (a.size !== b.size) return false;
	const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
	const xs = new Uint8Array(x);
	const ys = new Uint8Array(y);
	return xs.every((v, i) => v === ys[i]);
}

/**
 * Evidence files never change once added, so one id means one content. An imported file whose id
 * is already taken on this device by different content (a hand-edited or hostile file) is stored
 * under a new id, so that the import cannot alter the evidence of assessments already here.
 */
async function separateCollidingFiles(write: ImportWrite): Promise<ImportWrite> {
	if (!write.files.length) return write;
	const existing = await transaction('readonly', (s) =>
		Promise.all(write.files.map(([id]) => request(s.get(fileKey(id))) as Promise<unknown>))
	);
	const renamed = new Map<string, string>();
	for (const [i, [id, blob]] of write.files.entries()) {
		const current = existing[i];
		if (current instanceof Blob && !(await sameBytes(current, blob)))
			renamed.set(id, crypto.randomUUID());
	}
	if (!renamed.size) return write;
	const rename = (id: string) => renamed.get(id) ?? id;
	return {
		subjects: write.subjects,
		files: write.files.map(([id, blob]) => [rename(id), blob]),
		assessments: write.assessments.map((record) => ({
			...record,
			assessment: {
				...record.assessment,
				answers: Object.fromEntries(
					Object.entries(record.assessment.answers).map(([key, answer]) => [
						key,
						answer.evidence
							? {
									...answer,
									evidence: answer.evidence.map((e) =>
										e.kind === 'file' ? { ...e, id: rename(e.id) } : e
									)
								}
							: answer
					])
				)
			}
		}))
	};
}

/** Writes an import in one transaction: all of it lands, or none of it. */
export async function writeImport(input: ImportWrite): Promise<void> {
	const write = await separateCollidingFiles(input);
	await transaction('readwrite', async (s) => {
		// An imported assessment that replaces one filed under another subject moves it: that
		// subject must stop listing it, or it would show another subject's assessment.
		const movedFrom = new Set<string>();
		for (const record of write.assessments) {
			const key = assessmentKey(record.assessment.id);
			const raw = await request(s.get(key));
			if (raw === undefined) continue;
			const previous = upgradeRecord('assessment', key, raw).assessment.subject.id;
			if (previous !== record.assessment.subject.id) movedFrom.add(previous);
		}
		for (const subject of write.subjects)
			await request(s.put(plain(subject), subjectKey(subject.id)));
		for (const record of write.assessments)
			await request(s.put(plain(record), assessmentKey(record.assessment.id)));
		for (const [id, blob] of write.files) await request(s.put(blob, fileKey(id)));
		for (const subjectId of movedFrom) {
			const key = subjectKey(subjectId);
			const raw = await request(s.get(key));
			if (raw === undefined) continue;
			const subject = upgradeRecord('subject', key, raw);
			const own = (await readSubjectAssessments(s, subject)).filter(
				(a) => a.assessment.subject.id === subjectId
			);
			const summary = summarize(subject, own, new Map(), subject.summary);
			await request(s.put({ ...subject, summary, updatedAt: now() }, key));
		}
	});
}

/** Removes everything the app stored on this device. */
export async function wipeEverything(): Promise<void> {
	await transaction('readwrite', async (s) => {
		await request(s.clear());
	});
}
