/**
 * Score summaries kept with each subject on the device: every write keeps them true, a missing or
 * stale one is recomputed and stored, a recomputation never overwrites a newer write, and the
 * benchmark built from them gives exactly the numbers of rescoring every peer's assessment.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { benchmarkPortfolio, type PortfolioEntry } from '../../src/lib/domain/benchmark';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { summarizeScores } from '../../src/lib/domain/score-summary';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadBenchmark } from '../../src/lib/state/benchmark';
import { digestOf, refreshSummaries } from '../../src/lib/state/summaries';
import type { SubjectRecord } from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';
import { cityRubric, rawGet, rawPut } from '../support/device';

const profile = { level: 'prefecture', region: 'prd' };

async function city(id: string, dates: string[], seed: number, archived = false) {
	const rubric = await cityRubric();
	await repo.createSubject({ id, kind: 'city', name: `城市${id}`, rubricId: rubric.id, profile });
	if (archived) await repo.updateSubject(id, { archived: true });
	const made: Assessment[] = [];
	for (const [i, date] of dates.entries()) {
		const a = createSampleAssessment(
			rubric,
			{
				id: `${id}-a${i}`,
				subject: { id, name: `城市${id}`, kind: 'city' },
				profile,
				date,
				period: date.slice(0, 4)
			},
			seed * 7 + i
		);
		await repo.createAssessment(a, digestOf(rubric, a));
		made.push(a);
	}
	return made;
}

/** The benchmark as it was computed before summaries: read and rescore every peer's latest. */
async function rescoredEntries(subjectId: string): Promise<PortfolioEntry[]> {
	const rubric = await cityRubric();
	const { subjects } = await repo.listReadableSubjects();
	const subject = subjects.find((s) => s.id === subjectId)!;
	const entries: PortfolioEntry[] = [];
	for (const peer of subjects) {
		if (peer.kind !== subject.kind || peer.profile.region !== subject.profile.region) continue;
		if (!peer.summary.latest || (peer.archived && peer.id !== subjectId)) continue;
		const record = await repo.getAssessment(peer.summary.latest.assessmentId);
		if (!record || record.assessment.task) continue;
		const scores = scoreAssessment(rubric, record.assessment);
		entries.push({
			subjectId: peer.id,
			name: peer.name,
			overall: scores.overall.score,
			domains: Object.fromEntries(scores.domains.map((d) => [d.id, d.score]))
		});
	}
	return entries;
}

/** Removes the stored summaries, as on a device from before they were kept. */
async function forgetSummaries() {
	const { subjects } = await repo.listReadableSubjects();
	for (const s of subjects) {
		const raw = (await rawGet(`subject:${s.id}`)) as SubjectRecord;
		if (raw.summary.latest) delete raw.summary.latest.scores;
		await rawPut(`subject:${s.id}`, raw);
	}
}

const options = { hideNames: false, anonymousLabel: (n: number) => `#${n}` };

beforeEach(async () => {
	await repo.wipeEverything();
});

describe('the benchmark from stored summaries', () => {
	it('gives exactly the numbers of rescoring every peer, with summaries stored or recomputed', async () => {
		// 30 comparable cities (equal scores among them: seeds repeat), one archived, one with
		// two years, one with none, and one in another region.
		for (let i = 0; i < 30; i++) await city(`c${i}`, ['2025-06-30'], i % 11);
		await city('two-years', ['2024-06-30', '2025-06-30'], 3);
		await city('archived', ['2025-06-30'], 4, true);
		await city('empty', [], 0);
		const rubric = await cityRubric();
		await repo.createSubject({
			id: 'elsewhere',
			kind: 'city',
			name: '别处',
			rubricId: rubric.id,
			profile: { level: 'prefecture', region: 'east' }
		});
		const domainIds = rubric.pillars.flatMap((p) => p.domains.map((d) => d.id));
		const expected = await rescoredEntries('c0');
		expect(expected).toHaveLength(31);

		const fromSummaries = await loadBenchmark('c0');
		expect(fromSummaries.entries).toEqual(expected);
		expect(benchmarkPortfolio(fromSummaries.entries, 'c0', domainIds, options)).toEqual(
			benchmarkPortfolio(expected, 'c0', domainIds, options)
		);

		// A device from before summaries: recomputed (with progress), stored, and the same.
		await forgetSummaries();
		const progress: [number, number][] = [];
		const recomputed = await loadBenchmark('c0', { onProgress: (d, t) => progress.push([d, t]) });
		expect(recomputed.entries).toEqual(expected);
		expect(progress.at(-1)).toEqual([31, 31]);
		const { subjects } = await repo.listReadableSubjects();
		for (const s of subjects.filter((x) => x.summary.latest && !x.archived))
			expect(s.summary.latest!.scores, s.id).toBeDefined();
	});

	it('recomputes a summary that is stale, rather than showing its number', async () => {
		await city('a', ['2025-06-30'], 1);
		await city('b', ['2025-06-30'], 2);
		const expected = await rescoredEntries('a');
		const raw = (await rawGet('subject:b')) as SubjectRecord;
		const scores = raw.summary.latest!.scores!;
		// Made by an earlier method, and with a rubric whose content has changed since.
		raw.summary.latest!.scores = { ...scores, method: 0, overall: 1 };
		await rawPut('subject:b', raw);
		expect((await loadBenchmark('a')).entries).toEqual(expected);
		raw.summary.latest!.scores = { ...scores, rubric: { ...scores.rubric, hash: 'x' }, overall: 2 };
		await rawPut('subject:b', raw);
		expect((await loadBenchmark('a')).entries).toEqual(expected);
		// The subject's own assessment is read anyway: a summary that does not match it is redone.
		const own = (await rawGet('subject:a')) as SubjectRecord;
		const other = createSampleAssessment(
			await cityRubric(),
			{ id: 'x', subject: { id: 'a', name: 'a', kind: 'city' }, profile, date: '2025-06-30' },
			99
		);
		own.summary.latest!.scores = summarizeScores(await cityRubric(), other);
		await rawPut('subject:a', own);
		expect((await loadBenchmark('a')).entries).toEqual(expected);
	});
});

describe('writes keep the summary of the latest assessment', () => {
	it('on create, save, delete and undo', async () => {
		const rubric = await cityRubric();
		const [older, newer] = await city('s', ['2024-06-30', '2025-06-30'], 5);
		const summaryOf = async () => (await repo.getSubject('s'))!.summary.latest;
		expect((await summaryOf())!.scores).toEqual(summarizeScores(rubric, newer!));

		const record = (await repo.getAssessment(newer!.id))!;
		const changed = structuredClone(record.assessment);
		const first = Object.keys(changed.answers)[0]!;
		changed.answers[first] = { level: 0, notApplicable: false, target: null };
		await repo.saveAssessment(changed, record.revision, digestOf(rubric, changed));
		expect((await summaryOf())!.scores).toEqual(summarizeScores(rubric, changed));
		expect((await summaryOf())!.score).toBe(scoreAssessment(rubric, changed).overall.score);

		// Deleting the latest leaves the earlier one without a summary until it is recomputed.
		const deleted = (await repo.deleteAssessment(newer!.id))!;
		expect((await summaryOf())!.assessmentId).toBe(older!.id);
		expect((await summaryOf())!.scores).toBeUndefined();
		const refreshed = await refreshSummaries([(await repo.getSubject('s'))!]);
		expect(refreshed.updated).toHaveLength(1);
		expect((await summaryOf())!.scores).toEqual(summarizeScores(rubric, older!));
		expect((await summaryOf())!.score).toBe(scoreAssessment(rubric, older!).overall.score);

		await repo.restoreAssessment(deleted);
		expect((await summaryOf())!.assessmentId).toBe(newer!.id);
		expect((await summaryOf())!.scores).toEqual(summarizeScores(rubric, changed));
	});

	it('and a recomputation never overwrites a save made while it ran', async () => {
		const rubric = await cityRubric();
		const [a] = await city('s', ['2025-06-30'], 6);
		const before = (await repo.getSubject('s'))!;
		const raw = structuredClone(before);
		delete raw.summary.latest!.scores;
		await rawPut('subject:s', raw);
		const seen = (await repo.getSubject('s'))!;
		// A save lands between reading the subject and storing the recomputed summary.
		const record = (await repo.getAssessment(a!.id))!;
		const saved = structuredClone(record.assessment);
		saved.answers[Object.keys(saved.answers)[0]!]!.level = 4;
		await repo.saveAssessment(saved, record.revision, digestOf(rubric, saved));
		const stored = await repo.storeSummaries([
			{
				subjectId: 's',
				assessmentId: a!.id,
				expected: repo.summaryStamp(seen.summary.latest!.scores),
				digest: digestOf(rubric, a!)
			}
		]);
		expect(stored).toEqual([]);
		expect((await repo.getSubject('s'))!.summary.latest!.scores).toEqual(
			summarizeScores(rubric, saved)
		);
	});
});

describe('listing many subjects', () => {
	it('reads every subject, in pages, and reports the unreadable ones among them', async () => {
		const rubric = await cityRubric();
		const subject = (i: number) => ({
			schemaVersion: 1,
			id: `s${i}`,
			kind: 'city',
			name: `城市${i}`,
			rubricId: rubric.id,
			profile,
			note: '',
			archived: false,
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-01T00:00:00.000Z',
			summary: { assessmentIds: [], latest: null }
		});
		for (let i = 0; i < 1234; i++) await rawPut(`subject:s${i}`, subject(i));
		await rawPut('subject:s0500x', { schemaVersion: 1, id: 'damaged', name: 42 });
		await rawPut('assessment:zzz', { unrelated: true });
		const { subjects, unreadable } = await repo.listReadableSubjects();
		expect(subjects).toHaveLength(1234);
		expect(new Set(subjects.map((s) => s.id)).size).toBe(1234);
		expect(unreadable.map((u) => u.key)).toEqual(['subject:s0500x']);
	});
});
