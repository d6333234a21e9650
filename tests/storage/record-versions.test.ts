/**
 * Every record format the app ever stored can still be read, completely: fixtures of each
 * version (tests/fixtures/storage/v<n>/) go through upgradeRecord and the device store, and every
 * field must come out as it went in. Records from a newer app are refused and never changed.
 */
import 'fake-indexeddb/auto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createStore, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import {
	CorruptRecordError,
	migrations,
	NewerRecordError,
	RECORD_SCHEMA_VERSION,
	upgradeRecord,
	type RecordKind
} from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const ROOT = path.resolve('tests/fixtures/storage');
const KINDS: RecordKind[] = ['subject', 'assessment', 'meta'];

interface Fixture {
	version: number;
	kind: RecordKind;
	file: string;
	raw: Record<string, unknown>;
}

const fixtures: Fixture[] = readdirSync(ROOT)
	.filter((d) => /^v\d+$/.test(d))
	.flatMap((dir) =>
		readdirSync(path.join(ROOT, dir))
			.filter((f) => f.endsWith('.json'))
			.map((f) => ({
				version: Number(dir.slice(1)),
				kind: f.replace(/[-.].*$/, '') as RecordKind,
				file: `${dir}/${f}`,
				raw: JSON.parse(readFileSync(path.join(ROOT, dir, f), 'utf8')) as Record<string, unknown>
			}))
	);

/** Every value in a record with its path; empty objects and arrays count as values. */
function leaves(value: unknown, at: (string | number)[] = []): [(string | number)[], unknown][] {
	if (Array.isArray(value))
		return value.length ? value.flatMap((v, i) => leaves(v, [...at, i])) : [[at, value]];
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		return entries.length ? entries.flatMap(([k, v]) => leaves(v, [...at, k])) : [[at, value]];
	}
	return [[at, value]];
}

const pick = (value: unknown, at: (string | number)[]) =>
	at.reduce<unknown>(
		(v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
		value
	);

/** Asserts that every field of the stored fixture survives in the upgraded record. */
function expectNothingLost(fixture: Fixture, upgraded: unknown) {
	const lost = leaves(fixture.raw)
		.filter(([at]) => at[0] !== 'schemaVersion')
		.filter(([at, v]) => JSON.stringify(pick(upgraded, at)) !== JSON.stringify(v))
		.map(
			([at, v]) => `${at.join('.')}: ${JSON.stringify(v)} → ${JSON.stringify(pick(upgraded, at))}`
		);
	expect(lost, `${fixture.file} lost or changed fields`).toEqual([]);
}

const keyOf = (f: Fixture) =>
	f.kind === 'subject'
		? `subject:${String(f.raw.id)}`
		: f.kind === 'assessment'
			? `assessment:${String((f.raw.assessment as { id: string }).id)}`
			: 'meta:app';

describe('stored record versions', () => {
	it('has fixtures of every kind of record for every version up to the current one', () => {
		for (let v = 1; v <= RECORD_SCHEMA_VERSION; v++)
			for (const kind of KINDS)
				expect(
					fixtures.some((f) => f.version === v && f.kind === kind),
					`tests/fixtures/storage/v${v}/ has no ${kind} fixture`
				).toBe(true);
	});

	it('has a fixture for the starting version of every migration', () => {
		for (const kind of KINDS)
			for (const from of Object.keys(migrations[kind]))
				expect(existsSync(path.join(ROOT, `v${from}`)), `no fixtures of ${kind} v${from}`).toBe(
					true
				);
	});

	it('fixtures record what the app stored: schemaVersion matches their folder', () => {
		for (const f of fixtures) expect(f.raw.schemaVersion, f.file).toBe(f.version);
	});

	it.each(fixtures.map((f) => [f.file, f] as const))(
		'%s upgrades to the current version with every field intact',
		(_, fixture) => {
			const input = structuredClone(fixture.raw);
			const upgraded = upgradeRecord(fixture.kind, keyOf(fixture), input);
			expect(upgraded.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
			expectNothingLost(fixture, upgraded);
			// Upgrading works on a copy: the stored value is never changed in place.
			expect(input).toEqual(fixture.raw);
		}
	);

	it('fills the defaults of fields that older records may lack', () => {
		const meta = fixtures.find((f) => f.file.endsWith('meta-defaults.json'))!;
		expect(upgradeRecord('meta', 'meta:app', meta.raw)).toEqual({
			schemaVersion: RECORD_SCHEMA_VERSION,
			lastExportAt: null,
			firstRunDismissed: false
		});
	});
});

// ---- Through the device store ------------------------------------------------------------------

const rawStore = () => createStore(repo.DB_NAME, 'records');
const rawGet = (key: string) => get(key, rawStore());
const rawPut = (key: string, value: unknown) => set(key, value, rawStore());

beforeEach(async () => {
	await repo.wipeEverything();
});

describe('stored fixtures read through the device store', () => {
	it('reads every current-version fixture back with nothing lost', async () => {
		const current = fixtures.filter((f) => f.version === RECORD_SCHEMA_VERSION);
		for (const f of current.filter((x) => !x.file.includes('defaults')))
			await rawPut(keyOf(f), structuredClone(f.raw));
		const subject = current.find((f) => f.file.endsWith('/subject.json'))!;
		const assessment = current.find((f) => f.kind === 'assessment')!;
		const meta = current.find((f) => f.file.endsWith('/meta.json'))!;
		expectNothingLost(subject, await repo.getSubject(String(subject.raw.id)));
		expectNothingLost(
			assessment,
			await repo.getAssessment((assessment.raw.assessment as { id: string }).id)
		);
		expectNothingLost(meta, await repo.getMeta());
		const list = await repo.listReadableSubjects();
		expect(list.unreadable).toEqual([]);
		expect(list.subjects).toHaveLength(current.filter((f) => f.kind === 'subject').length);
		const everything = await repo.readEverything();
		expectNothingLost(assessment, everything.assessments[0]);
	});
});

describe('records from a newer app', () => {
	const mini = loadFixtureRubric();
	const v1 = (name: string) => fixtures.find((f) => f.file === `v1/${name}`)!.raw;

	/** A v1 record rewritten as a future format, with a field this app does not know. */
	const future = (record: Record<string, unknown>): Record<string, unknown> => ({
		...structuredClone(record),
		schemaVersion: 99,
		addedInVersion99: { keep: ['this', 1, null] }
	});

	async function seed() {
		const subject = future(v1('subject.json'));
		const assessment = future(v1('assessment.json'));
		const meta = future(v1('meta.json'));
		const corrupt = { schemaVersion: 1, id: 'broken', name: 42 };
		const stored = {
			[`subject:${String(subject.id)}`]: subject,
			[`assessment:${(assessment.assessment as { id: string }).id}`]: assessment,
			'meta:app': meta,
			'subject:broken': corrupt
		};
		for (const [k, v] of Object.entries(stored)) await rawPut(k, v);
		await repo.createSubject({
			id: 'ok',
			kind: 'city',
			name: '可读的市',
			rubricId: 'mini',
			profile: { level: 'prefecture' }
		});
		const before = Object.fromEntries(
			await Promise.all(
				Object.keys(stored).map(async (k) => [k, JSON.stringify(await rawGet(k))] as const)
			)
		);
		return { subject, assessment, stored, before };
	}

	it('are refused with a message that says to update the app', async () => {
		const { subject, assessment } = await seed();
		const id = String(subject.id);
		const aId = (assessment.assessment as { id: string }).id;
		await expect(repo.getSubject(id)).rejects.toThrow(NewerRecordError);
		await expect(repo.getSubject(id)).rejects.toThrow(/newer version of this app.*update the app/);
		await expect(repo.getAssessment(aId)).rejects.toThrow(NewerRecordError);
		await expect(repo.getMeta()).rejects.toThrow(NewerRecordError);
		// A full read leaves them out and says so, instead of failing as a whole.
		const everything = await repo.readEverything();
		expect(everything.subjects.map((s) => s.id)).toEqual(['ok']);
		expect(everything.unreadable.map((u) => [u.key, u.reason]).sort()).toEqual(
			[
				[`assessment:${aId}`, 'newer'],
				[`subject:${id}`, 'newer'],
				['subject:broken', 'corrupt']
			].sort()
		);
		await expect(repo.getSubject('broken')).rejects.toThrow(CorruptRecordError);
	});

	it('do not hide the readable subjects, and are listed with the reason', async () => {
		await seed();
		const list = await repo.listReadableSubjects();
		expect(list.subjects.map((s) => s.id)).toEqual(['ok']);
		expect(
			list.unreadable
				.map((u) => [u.key, u.reason, u.version])
				.sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
		).toEqual([
			['subject:7f3c2a9e-0b1d-4c56-9e8f-2a4b6c8d0e1f', 'newer', 99],
			['subject:broken', 'corrupt', undefined]
		]);
	});

	it('are never overwritten: every write that would touch them fails and leaves them as stored', async () => {
		const { subject, assessment, before } = await seed();
		const id = String(subject.id);
		const current = structuredClone(v1('assessment.json').assessment) as Parameters<
			typeof repo.saveAssessment
		>[0];
		const digest = { score: 1, coverage: 1 };
		const attempts: [string, () => Promise<unknown>][] = [
			['updateSubject', () => repo.updateSubject(id, { name: '改名' })],
			['archive', () => repo.updateSubject(id, { archived: false })],
			['saveAssessment', () => repo.saveAssessment(current, 17, digest)],
			['deleteAssessment', () => repo.deleteAssessment(current.id)],
			[
				'createAssessment',
				() =>
					repo.createAssessment(
						createSampleAssessment(
							mini,
							{
								id: 'new-one',
								subject: { id, name: 'x', kind: 'city' },
								profile: {},
								date: '2026-01-01'
							},
							1
						),
						digest
					)
			],
			['updateMeta', () => repo.updateMeta({ firstRunDismissed: false })],
			['createSubject', () => repo.createSubject({ ...v1('subject-empty.json'), id } as never)],
			['updateSubject broken', () => repo.updateSubject('broken', { name: '修好' })]
		];
		for (const [name, attempt] of attempts)
			await expect(attempt(), `${name} should fail`).rejects.toThrow();
		for (const [key, json] of Object.entries(before))
			expect(JSON.stringify(await rawGet(key)), `${key} changed`).toBe(json);
		expect(await repo.getAssessment('new-one')).toBeUndefined();
		expect(JSON.stringify(await rawGet(`assessment:${current.id}`))).toBe(
			JSON.stringify(assessment)
		);
	});
});
