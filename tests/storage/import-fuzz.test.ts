/**
 * The whole import as the app runs it (read and check the file, compare with the device, resolve
 * conflicts, build records, write them) over random, valid-shaped but hostile files: odd ids,
 * markup, control and unpaired surrogate characters, strings at their limits, conflicting ids.
 * Whatever comes in, the import either lands completely or not at all, and the only error a bad
 * file can cause is an InputError.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { createStore, entries } from 'idb-keyval';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Evidence, Profile } from '../../src/lib/domain/assessment';
import { InputError } from '../../src/lib/domain/assessment-file';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { applyImport, prepareImport } from '../../src/lib/state/importing';
import { loadAllRubrics } from '../../src/lib/state/rubrics';
import { buildBackup, toExportedSubject, type Resolution } from '../../src/lib/storage/bundle';
import { blobToDataUrl } from '../../src/lib/storage/files';
import type { AssessmentRecord, SubjectRecord } from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';

let city: Rubric;
let enterprise: Rubric;
beforeAll(async () => {
	const rubrics = await loadAllRubrics();
	city = rubrics.find((r) => r.audience === 'city')!;
	enterprise = rubrics.find((r) => r.audience === 'enterprise')!;
});

const PROFILES: Record<'city' | 'enterprise', Profile> = {
	city: { level: 'prefecture', region: 'prd' },
	enterprise: { size: 'medium', sector: ['manufacturing'], ownership: 'private', srdi: 'none' }
};

// ---- Hostile values ----------------------------------------------------------------------------

const PAYLOADS = [
	'<script>window.__pwned=1</script>',
	'<img src=x onerror="window.__pwned=1">',
	'"><svg onload=window.__pwned=1>',
	'javascript:window.__pwned=1',
	'__proto__',
	'constructor',
	'prototype',
	'hasOwnProperty',
	'{"__proto__":{"polluted":1}}',
	'\u0000\u0001\u001f\u007f',
	'\u202e\u2066RTL\u2069',
	'e\u0301\u0301\u0301',
	'👩‍👩‍👧‍👦🏳️‍🌈',
	'\ud800',
	'\udfff\ud800',
	' ',
	'\\"\'`${x}{name}',
	'subject:x',
	'assessment:x',
	'file:x',
	'meta:app',
	'%00%ZZ',
	'\r\n\t',
	'../../etc/passwd'
];

/** Text of at most `max` UTF-16 code units (the limit the schema counts in). */
const hostileText = (max: number, min = 0) =>
	fc
		.oneof(
			{ weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
			{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
			{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
			{ weight: 1, arbitrary: fc.constant('界'.repeat(max)) },
			{ weight: 1, arbitrary: fc.constant(`${'\ud83d\ude00'.repeat(max / 2 - 1)}<b>`) }
		)
		.map((s) => s.slice(0, max))
		.filter((s) => s.length >= min);

/** Device records that the generated files may collide with. */
const DEVICE = { subjects: ['dev-s1', 'dev-s2'], assessments: ['dev-a1', 'dev-a2', 'dev-a3'] };

const idArb = fc.oneof(
	{ weight: 3, arbitrary: fc.uuid() },
	{ weight: 2, arbitrary: hostileText(100, 1) },
	{ weight: 1, arbitrary: fc.constantFrom(...DEVICE.subjects, ...DEVICE.assessments) }
);

const bytesArb = fc.uint8Array({ maxLength: 64 });

/** Mostly fresh ids; sometimes one used twice in the file, or one a device file already has. */
const evidenceIdArb = fc.oneof(
	{ weight: 6, arbitrary: fc.uuid() },
	{ weight: 1, arbitrary: fc.constantFrom('shared-file', 'dev-file-0', 'dev-file-2') }
);

const rarely = <T>(arb: fc.Arbitrary<T>) =>
	fc.oneof({ weight: 15, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** Links that must never be stored or shown: the import refuses the whole file. */
const BAD_URLS = [
	'javascript:window.__pwned=1',
	' JavaScript:window.__pwned=1',
	'data:text/html,<script>window.__pwned=1</script>',
	'file:///etc/passwd',
	'vbscript:msgbox(1)',
	'//example.org/relative',
	'not a url'
];

const evidenceArb = fc.oneof(
	fc.record({
		kind: fc.constant('link' as const),
		id: evidenceIdArb,
		title: hostileText(500),
		path: hostileText(500),
		bad: rarely(fc.constantFrom(...BAD_URLS))
	}),
	fc.record({
		kind: fc.constant('file' as const),
		id: evidenceIdArb,
		title: hostileText(500),
		fileName: hostileText(500),
		mimeType: fc.constantFrom('text/html', 'image/svg+xml', 'application/pdf', ''),
		bytes: bytesArb,
		bad: rarely(fc.constantFrom('data:;base64,%%%', 'https://example.org/x', 'data:,%E0%A4%A'))
	})
);

const assessmentArb = fc.record({
	id: idArb,
	seed: fc.nat(10_000),
	mode: fc.constantFrom('full' as const, 'quick' as const),
	period: hostileText(100),
	assessor: hostileText(200),
	date: fc.constantFrom('2024-12-31', '2025-06-30', '2026-01-01'),
	narrative: fc.option(hostileText(50_000), { nil: undefined }),
	notes: fc.array(fc.tuple(fc.nat(), hostileText(20_000)), { maxLength: 3 }),
	evidence: fc.array(fc.tuple(fc.nat(), evidenceArb), { maxLength: 3 }),
	actions: fc.array(
		fc.tuple(
			fc.nat(),
			fc.record({
				status: fc.constantFrom('open' as const, 'planned' as const, 'done' as const),
				owner: hostileText(200),
				note: hostileText(5000)
			})
		),
		{ maxLength: 2 }
	)
});

const subjectArb = fc.record({
	id: idArb,
	kind: fc.constantFrom('city' as const, 'enterprise' as const),
	name: hostileText(200, 1),
	note: hostileText(5000),
	archived: fc.boolean(),
	createdAt: hostileText(40),
	assessments: fc.array(assessmentArb, { maxLength: 3 })
});

const fileArb = fc.record({
	subjects: fc.array(subjectArb, { minLength: 1, maxLength: 4 }),
	resolution: fc.constantFrom<Resolution>('keep-both', 'replace', 'skip')
});
type GeneratedFile = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

async function buildFile(generated: GeneratedFile): Promise<string> {
	const subjects: SubjectRecord[] = [];
	const assessments: Assessment[] = [];
	for (const s of generated.subjects) {
		const rubric = s.kind === 'city' ? city : enterprise;
		subjects.push({
			schemaVersion: 1,
			id: s.id,
			kind: s.kind,
			name: s.name,
			rubricId: rubric.id,
			profile: structuredClone(PROFILES[s.kind]),
			note: s.note,
			archived: s.archived,
			createdAt: s.createdAt,
			updatedAt: s.createdAt,
			summary: { assessmentIds: [], latest: null }
		});
		for (const g of s.assessments) {
			const a = createSampleAssessment(
				rubric,
				{
					id: g.id,
					subject: { id: s.id, name: s.name, kind: s.kind },
					profile: structuredClone(PROFILES[s.kind]),
					date: g.date,
					period: g.period,
					assessor: g.assessor,
					mode: g.mode
				},
				g.seed
			);
			if (g.narrative !== undefined) a.narrative = g.narrative;
			const ids = Object.keys(a.answers);
			for (const [at, note] of g.notes) a.answers[ids[at % ids.length]!]!.note = note;
			for (const [at, e] of g.evidence) {
				const answer = a.answers[ids[at % ids.length]!]!;
				const item: Evidence =
					e.kind === 'link'
						? {
								id: e.id,
								kind: 'link',
								title: e.title,
								url: e.bad ?? `https://example.org/${e.path}`.slice(0, 2000)
							}
						: {
								id: e.id,
								kind: 'file',
								title: e.title,
								fileName: e.fileName,
								mimeType: e.mimeType,
								size: e.bytes.length,
								dataUrl: e.bad ?? (await blobToDataUrl(new Blob([e.bytes], { type: e.mimeType })))
							};
				answer.evidence = [...(answer.evidence ?? []), item];
			}
			if (g.actions.length)
				a.actions = Object.fromEntries(
					g.actions.map(([at, action]) => [ids[at % ids.length]!, action])
				);
			assessments.push(a);
		}
	}
	return JSON.stringify(buildBackup(subjects, assessments, '2026-11-23T00:00:00.000Z'));
}

// ---- The device ----------------------------------------------------------------------------------

async function seedDevice() {
	await repo.wipeEverything();
	for (const [i, id] of DEVICE.subjects.entries())
		await repo.createSubject({
			id,
			kind: 'city',
			name: `设备上的市 ${i}`,
			rubricId: city.id,
			profile: structuredClone(PROFILES.city),
			note: '本设备原有数据'
		});
	for (const [i, id] of DEVICE.assessments.entries()) {
		const subject = DEVICE.subjects[i === 2 ? 1 : 0]!;
		const a = createSampleAssessment(
			city,
			{
				id,
				subject: { id: subject, name: 'x', kind: 'city' },
				profile: structuredClone(PROFILES.city),
				date: `202${i}-06-30`,
				period: `原有 ${i}`
			},
			i + 1
		);
		const first = Object.keys(a.answers)[0]!;
		a.answers[first]!.evidence = [
			{ id: `dev-file-${i}`, kind: 'file', title: 'a.pdf', fileName: 'a.pdf', size: 3 }
		];
		await repo.putFile(`dev-file-${i}`, new Blob([`原有文件 ${i}`]));
		await repo.createAssessment(a, { score: 50, coverage: 1 });
	}
}

/** Every stored entry as text: records as JSON, files by type and content. */
async function snapshot(): Promise<Map<string, string>> {
	const all = await entries(createStore(repo.DB_NAME, 'records'));
	const out = new Map<string, string>();
	for (const [key, value] of all)
		out.set(
			String(key),
			value instanceof Blob ? `blob ${value.type} ${await value.text()}` : JSON.stringify(value)
		);
	return out;
}

/** An assessment with its file evidence ids blanked (a colliding id may be replaced). */
const withoutFileIds = (a: Assessment): Assessment => ({
	...a,
	answers: Object.fromEntries(
		Object.entries(a.answers).map(([k, x]) => [
			k,
			x.evidence
				? { ...x, evidence: x.evidence.map((e) => (e.kind === 'file' ? { ...e, id: '' } : e)) }
				: x
		])
	)
});

/** Checks the device after a successful import: complete, consistent, and nothing else touched. */
async function expectLandedCompletely(
	before: Map<string, string>,
	resolved: Awaited<ReturnType<typeof applyImport>>,
	carried: Map<string, string>
) {
	const stored = await repo.readEverything(); // throws if any stored record is invalid
	const subjects = new Map(stored.subjects.map((s) => [s.id, s]));
	const assessments = new Map(stored.assessments.map((r) => [r.assessment.id, r.assessment]));
	// Subjects that a replaced assessment was moved away from (they list it no longer).
	const movedFrom = new Set(
		resolved.assessments.flatMap((a) => {
			const previous = before.get(`assessment:${a.id}`);
			const from = previous && (JSON.parse(previous) as AssessmentRecord).assessment.subject.id;
			return from && from !== a.subject.id ? [from] : [];
		})
	);
	for (const s of resolved.subjects) {
		const stored = toExportedSubject(subjects.get(s.id)!);
		const changed = movedFrom.has(s.id) ? { updatedAt: stored.updatedAt } : {};
		expect(stored, `subject ${s.id}`).toEqual({ ...s, ...changed });
	}
	const after = await snapshot();
	for (const a of resolved.assessments) {
		const stored = assessments.get(a.id);
		expect(stored && withoutFileIds(stored), `assessment ${a.id}`).toEqual(withoutFileIds(a));
		// Each evidence file holds what the file carried; it keeps its id unless that id was
		// already taken on this device by another content.
		for (const [key, answer] of Object.entries(a.answers))
			for (const [j, e] of (answer.evidence ?? []).entries()) {
				const dataUrl = carried.get(e.id);
				if (e.kind !== 'file' || dataUrl === undefined) continue;
				const storedId = stored!.answers[key]!.evidence![j]!.id;
				const blob = await repo.getFile(storedId);
				expect(blob && (await blobToDataUrl(blob)), `file ${e.id}`).toBe(dataUrl);
				if (storedId !== e.id) expect(before.has(`file:${e.id}`), `${e.id} renamed`).toBe(true);
			}
	}
	// Links on the device open web pages only, never script or local files.
	for (const r of stored.assessments)
		for (const answer of Object.values(r.assessment.answers))
			for (const e of answer.evidence ?? [])
				if (e.kind === 'link') expect(e.url, `link ${e.id}`).toMatch(/^https?:\/\//i);
	// Every subject lists exactly its own assessments.
	for (const s of stored.subjects) {
		const own = stored.assessments.filter((r) => r.assessment.subject.id === s.id);
		expect([...s.summary.assessmentIds].sort(), `summary of ${s.id}`).toEqual(
			own.map((r) => r.assessment.id).sort()
		);
	}
	// Assessments the import did not concern still open their own files, unchanged.
	const resolvedIds = new Set(resolved.assessments.map((a) => a.id));
	for (const r of stored.assessments)
		if (!resolvedIds.has(r.assessment.id))
			for (const answer of Object.values(r.assessment.answers))
				for (const e of answer.evidence ?? [])
					if (e.kind === 'file')
						expect(after.get(`file:${e.id}`), `file ${e.id} of ${r.assessment.id}`).toBe(
							before.get(`file:${e.id}`)
						);
	// Records the import did not concern are exactly as they were.
	const touched = new Set([
		...resolved.subjects.map((s) => `subject:${s.id}`),
		...resolved.assessments.map((a) => `assessment:${a.id}`),
		...resolved.assessments.map((a) => `subject:${a.subject.id}`),
		...[...movedFrom].map((id) => `subject:${id}`),
		...resolved.assessments.flatMap((a) =>
			Object.values(a.answers).flatMap((x) => (x.evidence ?? []).map((e) => `file:${e.id}`))
		)
	]);
	for (const [key, value] of before)
		if (!touched.has(key)) expect(after.get(key), `${key} changed`).toBe(value);
}

describe('the full import flow over hostile files', () => {
	it('lands completely or not at all, and fails only with InputError', async () => {
		const outcomes = { landed: 0, refused: 0 };
		await fc.assert(
			fc.asyncProperty(fileArb, async (generated) => {
				await seedDevice();
				const before = await snapshot();
				const text = await buildFile(generated);
				let prepared;
				try {
					prepared = await prepareImport(new File([text], 'fuzz.json'));
				} catch (e) {
					expect(e).toBeInstanceOf(InputError);
					expect(await snapshot()).toEqual(before);
					outcomes.refused++;
					return;
				}
				// The evidence files the file carries, by id (one content per id, or it is refused).
				const carried = new Map<string, string>();
				for (const item of prepared.plan.assessments)
					for (const answer of Object.values(item.incoming.answers))
						for (const e of answer.evidence ?? []) if (e.dataUrl) carried.set(e.id, e.dataUrl);
				const resolved = await applyImport(prepared, generated.resolution);
				outcomes.landed++;
				await expectLandedCompletely(before, resolved, carried);
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			}),
			{ numRuns: 100 }
		);
		// The property is only worth something if both outcomes actually happen.
		expect(outcomes.landed).toBeGreaterThan(20);
		expect(outcomes.refused).toBeGreaterThan(0);
	}, 120_000);

	it('leaves the device exactly as it was when the write is interrupted at any point', async () => {
		const put = IDBObjectStore.prototype.put;
		let armedAt = -1;
		let count = 0;
		let interrupted = 0;
		/** The import's write; the score summaries refreshed after it are a transaction of their own */
		let importWrite: IDBTransaction | undefined;
		// Simulates the browser aborting the transaction (tab closed, disk full) after k writes.
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
			const request = put.apply(this, args);
			importWrite ??= this.transaction;
			if (armedAt >= 0 && importWrite === this.transaction && count++ === armedAt)
				this.transaction.abort();
			return request;
		} as typeof put;
		try {
			await fc.assert(
				fc.asyncProperty(fileArb, fc.nat(6), async (generated, k) => {
					await seedDevice();
					const before = await snapshot();
					let prepared;
					try {
						prepared = await prepareImport(new File([await buildFile(generated)], 'fuzz.json'));
					} catch (e) {
						expect(e).toBeInstanceOf(InputError);
						return;
					}
					count = 0;
					importWrite = undefined;
					armedAt = k;
					let failed = false;
					try {
						await applyImport(prepared, generated.resolution);
					} catch {
						failed = true;
					} finally {
						armedAt = -1;
					}
					// Either the interruption came after the last write (all landed) or nothing did.
					if (failed) {
						interrupted++;
						expect(await snapshot()).toEqual(before);
					} else expect(count).toBeLessThanOrEqual(k);
				}),
				{ numRuns: 40 }
			);
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		expect(interrupted).toBeGreaterThan(5);
	}, 120_000);
});
