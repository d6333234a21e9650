/**
 * Property: whatever is wrong with one stored record — a wrong type or a missing field anywhere
 * in the stored-record schema, truncated JSON, an unknown format version, a file value that is not
 * a file — listing, export, import and benchmark keep working on the readable records, report the
 * unreadable one, and leave it exactly as it was stored.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBenchmark } from '../../src/lib/state/benchmark';
import { buildBackupFile, buildRawRecordsFile } from '../../src/lib/state/library';
import { applyImport, prepareImportText } from '../../src/lib/state/importing';
import {
	AssessmentRecordSchema,
	SubjectRecordSchema,
	upgradeRecord
} from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';
import { cityWithAssessments, rawGet, rawPut, rawText } from '../support/device';

type Json = Record<string, unknown>;

/** Paths of the stored-record schema: every field of a record and of the assessment it holds */
const subjectFields = Object.keys(SubjectRecordSchema.shape);
const assessmentFields = Object.keys(AssessmentRecordSchema.shape);
const innerFields = Object.keys(AssessmentRecordSchema.shape.assessment.shape);

const wrongValue = fc.oneof(
	fc.integer(),
	fc.string({ maxLength: 5 }),
	fc.constant(null),
	fc.array(fc.integer(), { maxLength: 2 }),
	fc.constant({ unexpected: true }),
	fc.boolean()
);

type Damage =
	| { kind: 'wrong-type'; target: 'subject' | 'assessment'; path: string[]; value: unknown }
	| { kind: 'missing'; target: 'subject' | 'assessment'; path: string[] }
	| { kind: 'truncated'; target: 'subject' | 'assessment'; cut: number }
	| { kind: 'version'; target: 'subject' | 'assessment'; version: unknown }
	| { kind: 'file-bytes'; value: unknown };

const target = fc.constantFrom('subject' as const, 'assessment' as const);
const pathOf = (t: 'subject' | 'assessment') =>
	t === 'subject'
		? fc.constantFrom(...subjectFields).map((f) => [f])
		: fc.oneof(
				fc.constantFrom(...assessmentFields).map((f) => [f]),
				fc.constantFrom(...innerFields).map((f) => ['assessment', f])
			);

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
	target.chain((t) =>
		fc.record({
			kind: fc.constant('wrong-type' as const),
			target: fc.constant(t),
			path: pathOf(t),
			value: wrongValue
		})
	),
	target.chain((t) =>
		fc.record({ kind: fc.constant('missing' as const), target: fc.constant(t), path: pathOf(t) })
	),
	fc.record({
		kind: fc.constant('truncated' as const),
		target,
		cut: fc.integer({ min: 0, max: 400 })
	}),
	fc.record({
		kind: fc.constant('version' as const),
		target,
		version: fc.oneof(
			fc.integer({ min: 2, max: 1000 }),
			fc.constant(-1),
			fc.constant(1.5),
			fc.constant('1')
		)
	}),
	fc.record({
		kind: fc.constant('file-bytes' as const),
		value: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant({ bytes: [1, 2] }))
	})
);

function damaged(record: Json, damage: Exclude<Damage, { kind: 'file-bytes' }>): unknown {
	const copy = structuredClone(record);
	if (damage.kind === 'truncated') return JSON.stringify(record).slice(0, damage.cut);
	if (damage.kind === 'version') return { ...copy, schemaVersion: damage.version };
	let parent: Json = copy;
	for (const key of damage.path.slice(0, -1)) parent = parent[key] as Json;
	const last = damage.path.at(-1)!;
	if (damage.kind === 'missing') delete parent[last];
	else parent[last] = damage.value;
	return copy;
}

const stillValid = (kind: 'subject' | 'assessment', key: string, value: unknown) => {
	try {
		upgradeRecord(kind, key, value);
		return true;
	} catch {
		return false;
	}
};

beforeAll(async () => {
	await repo.wipeEverything();
});

describe('one damaged record among readable ones', () => {
	it('is contained by listing, export, import and benchmark, and stays byte-identical', async () => {
		await fc.assert(
			fc.asyncProperty(damageArb, async (damage) => {
				await repo.wipeEverything();
				await cityWithAssessments('good', '好市', ['2025-06-30'], () => '好市的证据');
				await cityWithAssessments('peer', '邻市', ['2025-06-30']);
				await cityWithAssessments('bad', '坏市', ['2025-06-30'], () => '坏市的证据');
				let key: string;
				let value: unknown;
				if (damage.kind === 'file-bytes') {
					key = 'file:bad-a0-file';
					value = damage.value;
				} else {
					key = damage.target === 'subject' ? 'subject:bad' : 'assessment:bad-a0';
					value = damaged((await rawGet(key)) as Json, damage);
					// Some "damage" (an optional field left out) still makes a valid record.
					fc.pre(!stillValid(damage.target, key, value));
				}
				await rawPut(key, value);
				if (key === 'assessment:bad-a0') {
					// The benchmark counts a peer by the score summary stored with it, made when the
					// assessment was readable, and does not read the assessment. A device from before
					// summaries were kept has none: then the benchmark reads it, and must report it.
					const subject = (await rawGet('subject:bad')) as {
						summary: { latest: { scores?: unknown } };
					};
					delete subject.summary.latest.scores;
					await rawPut('subject:bad', subject);
				}
				const before = await rawText(key);

				const list = await repo.listReadableSubjects();
				expect(list.subjects.map((s) => s.id)).toEqual(expect.arrayContaining(['good', 'peer']));

				const backup = await buildBackupFile();
				const content = JSON.parse(backup.content) as {
					subjects: { id: string }[];
					assessments: { id: string }[];
				};
				expect(content.subjects.map((s) => s.id)).toEqual(expect.arrayContaining(['good', 'peer']));
				expect(content.assessments.map((a) => a.id)).toEqual(
					expect.arrayContaining(['good-a0', 'peer-a0'])
				);
				expect(backup.leftOut.map((u) => u.key)).toContain(key);
				const raw = JSON.parse((await buildRawRecordsFile(backup.leftOut)).content) as {
					records: { key: string; value: unknown }[];
				};
				expect(JSON.stringify(raw.records.find((r) => r.key === key)?.value)).toBe(before);

				const bench = await loadBenchmark('good');
				expect(bench.entries.map((e) => e.subjectId)).toEqual(
					expect.arrayContaining(['good', 'peer'])
				);
				if (damage.kind !== 'file-bytes') expect(bench.unreadable.map((u) => u.key)).toContain(key);

				// Importing the backup back (replacing) works and changes nothing of the damaged record.
				await applyImport(await prepareImportText(backup.content, 'backup.json'), 'replace');
				expect(await rawText(key)).toBe(before);

				// And the backup restores on a fresh device.
				await repo.wipeEverything();
				await applyImport(await prepareImportText(backup.content, 'backup.json'), 'keep-both');
				expect((await repo.listReadableSubjects()).unreadable).toEqual([]);
			}),
			{ numRuns: 60 }
		);
	});
});
