/**
 * A current rubric version checked against its archived versions: the mapping starts from an
 * archived version, names only its indicators, accounts for every indicator that is gone, and an
 * id in both versions keeps its meaning. And every shipped version: the archived 1.0.0 files are
 * kept, and a 1.0 assessment scores exactly as it did before versions were side by side.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readAssessment } from '../../src/lib/domain/assessment-file';
import { rankGaps } from '../../src/lib/domain/gaps';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { checkUpgrade, distinctVersions } from '../../src/lib/rubrics/versions';
import {
	findRubricById,
	loadAllVersions,
	loadArchivedRubrics,
	loadShippedRubrics,
	shippedRubricSource
} from '../../src/cli/rubric-files';
import { fixturePath } from '../support/rubrics';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (...parts: string[]) =>
	readFileSync(fixturePath('rubrics', 'versions', ...parts), 'utf8');
const v10 = loadRubricText(text('archive', 'mini@1.0.0.yaml'), 'archive/mini@1.0.0.yaml');
const v11data = (): Data => parse(text('mini.yaml'));
const v11 = (data: Data): Rubric => loadRubricText(stringify(data), 'rubrics/mini.yaml');

describe('checking a mapping against the archived version', () => {
	it('accepts the fixture, which uses every kind of change', () => {
		expect(checkUpgrade(v11(v11data()), [v10])).toEqual([]);
	});

	it('refuses a mapping from a version that is not archived', () => {
		expect(checkUpgrade(v11(v11data()), [])).toEqual([
			{
				path: 'upgradeFrom.from',
				message: expect.stringMatching(
					/version 1\.0\.0 of mini is not in the archive.*mini@1\.0\.0\.yaml/
				)
			}
		]);
	});

	it('refuses an old id the archived version does not have', () => {
		const data = v11data();
		data.upgradeFrom.indicators['d9.z'] = { kind: 'removed', to: [] };
		expect(checkUpgrade(v11(data), [v10])).toEqual([
			{ path: 'upgradeFrom.indicators.d9.z', message: 'unknown indicator "d9.z" in version 1.0.0' }
		]);
	});

	it('refuses an indicator that is gone without being mapped', () => {
		const data = v11data();
		delete data.upgradeFrom.indicators['d3.b'];
		expect(checkUpgrade(v11(data), [v10])).toEqual([
			{
				path: 'upgradeFrom.indicators',
				message: expect.stringContaining(
					'"d3.b" of version 1.0.0 is not in version 1.1.0 and not mapped'
				)
			}
		]);
	});

	it("refuses an id both versions hold that receives another indicator's answers", () => {
		const data = v11data();
		// d1.b renamed into d1.a, which 1.0 has with another meaning
		data.upgradeFrom.indicators['d1.b'] = { kind: 'merged', to: ['d1.a'] };
		data.pillars[0].domains[0].indicators.splice(1, 1);
		const problems = checkUpgrade(v11(data), [v10]);
		expect(problems).toEqual([
			{
				path: 'upgradeFrom.indicators.d1.b',
				message: expect.stringContaining('shares an id with different meaning: "d1.a"')
			}
		]);
		// declaring d1.a changed makes the new meaning explicit
		data.upgradeFrom.indicators['d1.a'] = { kind: 'changed', to: ['d1.a'] };
		expect(checkUpgrade(v11(data), [v10])).toEqual([]);
	});

	it('needs a mapping when a later version drops an archived indicator', () => {
		const data = v11data();
		delete data.upgradeFrom;
		const problems = checkUpgrade(v11(data), [v10]);
		expect(problems.map((p) => p.path)).toEqual(Array(5).fill('upgradeFrom'));
	});

	it('lists a version once when the archive holds a copy of the current one', () => {
		const current = { ...v10 };
		expect(distinctVersions([current], [v10])).toEqual([current]);
	});
});

describe('the shipped versions', () => {
	it('pass the cross-version check, and the archive keeps every 1.0.0 file', () => {
		for (const rubric of loadShippedRubrics()) {
			const archived = loadArchivedRubrics(rubric.id);
			expect(archived.map((r) => r.version)).toContain('1.0.0');
			expect(checkUpgrade(rubric, archived)).toEqual([]);
		}
		const versions = loadAllVersions().map((r) => `${r.id}@${r.version}`);
		expect(new Set(versions).size).toBe(versions.length);
		expect(versions).toContain('gd-city-readiness@1.0.0');
	});

	it('load in the app by id and version, each version listed once', async () => {
		const { loadRubric, rubricVersions } = await import('../../src/lib/rubrics/registry');
		for (const rubric of loadShippedRubrics()) {
			const versions = rubricVersions(rubric.id);
			expect(versions[0]).toBe(rubric.version);
			expect(new Set(versions).size).toBe(versions.length);
			expect(versions).toContain('1.0.0');
			expect((await loadRubric(rubric.id, '1.0.0'))?.version).toBe('1.0.0');
			expect((await loadRubric(rubric.id))?.version).toBe(rubric.version);
			expect(await loadRubric(rubric.id, '0.9.0')).toBeUndefined();
		}
	});

	it('open, score and rank a 1.0 assessment exactly as before versions were side by side', () => {
		const file = fixturePath('assessments', 'city-1.0.json');
		const { assessment, rubric } = readAssessment(
			readFileSync(file, 'utf8'),
			file,
			shippedRubricSource
		);
		expect(rubric.version).toBe('1.0.0');
		expect(rubric).toEqual(findRubricById('gd-city-readiness', '1.0.0'));
		const recorded = JSON.parse(
			readFileSync(fixturePath('assessments', 'city-1.0.score.json'), 'utf8')
		);
		expect(JSON.parse(JSON.stringify(scoreAssessment(rubric, assessment)))).toMatchObject(recorded);
		const gaps = JSON.parse(readFileSync(fixturePath('assessments', 'city-1.0.gaps.json'), 'utf8'));
		const keys = rankGaps(rubric, assessment).flatMap((g) => g.measures.map((m) => m.key));
		expect(keys).toEqual(gaps.flatMap((g: Data) => g.measures.map((m: Data) => m.key)));
	});
});

describe('the build', () => {
	it('fails on a current rubric whose mapping does not fit the archive, naming file, path and problem', async () => {
		const { mkdtempSync, cpSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const path = await import('node:path');
		const { rubricsPlugin } = await import('../../vite.config');
		const dir = mkdtempSync(path.join(tmpdir(), 'gd-build-rubrics-'));
		cpSync(fixturePath('rubrics', 'versions'), dir, { recursive: true });
		const file = path.join(dir, 'mini.yaml');
		const transform = rubricsPlugin(dir).transform as (code: string, id: string) => unknown;
		expect(() => transform(text('mini.yaml'), file)).not.toThrow();
		const data = v11data();
		delete data.upgradeFrom.indicators['d3.b'];
		expect(() => transform(stringify(data), file)).toThrow(
			`${path.relative(process.cwd(), file)}: invalid rubric\n  upgradeFrom.indicators: "d3.b" of version 1.0.0 is not in version 1.1.0 and not mapped`
		);
	});
});
