/**
 * The device's store and its PouchDB replica kept in step (PouchDB's memory adapter stands in for
 * the browser's IndexedDB one; the app's store is fake-indexeddb): the app's changes go in once,
 * the replica's changes come out checked, a record changed on both sides becomes a conflict that
 * merges answer by answer, and foreign documents are quarantined, never applied.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { rubricSourceOf } from '../../src/lib/state/rubrics';
import * as repo from '../../src/lib/storage/repository';
import { pullRemoteChanges, pushLocalChanges, type MirrorContext } from '../../src/lib/sync/mirror';
import type { PouchDatabase } from '../../src/lib/sync/pouch';
import { loadPouch } from '../support/couch-server';
import { loadFixtureRubric } from '../support/rubrics';
import { storeTestAssessment } from '../support/test-assessment';

const rubric = loadFixtureRubric();
let replicaCount = 0;
let context: MirrorContext;
let x: string, y: string, z: string;

beforeEach(async () => {
	await storeTestAssessment(rubric);
	const Pouch = loadPouch() as unknown as new (
		name: string,
		options: Record<string, unknown>
	) => PouchDatabase;
	const local = new Pouch(`mirror-test-${replicaCount++}`, { adapter: 'memory' });
	context = { local, subjects: 'all', rubrics: rubricSourceOf([rubric]), app: 'test' };
	[x, y, z] = Object.keys((await repo.getAssessment('a1'))!.assessment.answers) as [
		string,
		string,
		string
	];
});

async function saveLevels(levels: Record<string, number>) {
	const record = (await repo.getAssessment('a1'))!;
	const answers = { ...record.assessment.answers };
	for (const [id, level] of Object.entries(levels)) answers[id] = { ...answers[id]!, level };
	const saved = await repo.saveAssessment({ ...record.assessment, answers }, record.revision, {
		score: null,
		coverage: 0
	});
	expect(saved.ok).toBe(true);
}

/** What another device's write looks like once replication brought it in. */
async function changeInReplica(levels: Record<string, number>) {
	const doc = (await context.local.get('assessment:a1')) as unknown as {
		data: Assessment;
	} & Record<string, unknown>;
	for (const [id, level] of Object.entries(levels))
		doc.data.answers[id] = { ...doc.data.answers[id]!, level };
	await context.local.put(doc);
}

const storedLevel = async (id: string) =>
	(await repo.getAssessment('a1'))!.assessment.answers[id]?.level;

describe('mirror', () => {
	it('puts the app’s records into the replica once, and again only when they change', async () => {
		expect((await pushLocalChanges(context)).sort()).toEqual(['assessment:a1', 'subject:s1']);
		expect(await pushLocalChanges(context)).toEqual([]);
		await saveLevels({ [x]: 2 });
		// The subject changes too: its summary's update time travels with it.
		expect(await pushLocalChanges(context)).toContain('assessment:a1');
		const doc = (await context.local.get('assessment:a1')) as unknown as { data: Assessment };
		expect(doc.data.answers[x]!.level).toBe(2);
	});

	it('writes a change from the replica into the app’s store when the app did not change it', async () => {
		await pushLocalChanges(context);
		await changeInReplica({ [x]: 3 });
		const result = await pullRemoteChanges(context);
		expect(result.applied).toContain('assessment:a1');
		expect(await storedLevel(x)).toBe(3);
		// Applied once: the next rounds change nothing.
		expect((await pullRemoteChanges(context)).applied).toEqual([]);
		expect(await pushLocalChanges(context)).toEqual([]);
	});

	it('keeps a record changed on both sides as a conflict and merges it answer by answer', async () => {
		await pushLocalChanges(context);
		await changeInReplica({ [x]: 1, [y]: 2 });
		await saveLevels({ [x]: 4, [z]: 3 });
		await pushLocalChanges(context);
		const doc = await context.local.get('assessment:a1', { conflicts: true });
		expect(doc._conflicts).toHaveLength(1);

		const { conflicts } = await pullRemoteChanges(context);
		expect(conflicts).toHaveLength(1);
		const [conflict] = conflicts;
		expect(conflict!.merge.conflicts.map((c) => c.indicatorId)).toEqual([x]);
		expect(conflict!.merge.conflicts[0]!.sides.map((s) => s.answer?.level).sort()).toEqual([1, 4]);
		// Changed on one side only: merged without asking.
		expect(conflict!.merge.merged.answers[y]!.level).toBe(2);
		expect(conflict!.merge.merged.answers[z]!.level).toBe(3);
		// Nothing is written to the app's store until the user decides.
		expect(await storedLevel(x)).toBe(4);
	});

	it('quarantines documents that are not the app’s records and applies none of them', async () => {
		await context.local.put({ _id: 'invoice:1', total: 3 });
		await context.local.put({
			_id: 'subject:newer',
			type: 'subject',
			format: 99,
			app: '9',
			data: {}
		});
		const result = await pullRemoteChanges(context);
		expect(result.quarantined.map((q) => [q.id, q.reason]).sort()).toEqual([
			['invoice:1', 'foreign'],
			['subject:newer', 'newer']
		]);
		expect((await repo.listReadableSubjects()).subjects.map((s) => s.id)).toEqual(['s1']);
	});
});
