/**
 * `merge` and `validate` with coordination files: the same domain as the app merges returns
 * (回执) into a coordinated assessment and says per return what happened; `validate` accepts
 * packages (填报包) and returns, and refuses a damaged one by path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import {
	buildReturn,
	issuePackage,
	openPackage,
	scopedIndicators,
	startCoordination
} from '../../src/lib/domain/coordination';
import { createAssessment } from '../../src/lib/domain/sample';
import { findRubricById } from '../../src/cli/rubric-files';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-cli-merge-'));
const file = (name: string, data?: unknown) => {
	const p = path.join(dir, name);
	if (data !== undefined) writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
	return p;
};
const rubric = findRubricById('gd-city-readiness')!;

function setUp() {
	let a = createAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '协同市', kind: 'city' },
		profile: { level: 'prefecture', region: 'prd' },
		date: '2026-04-01',
		assessor: '王主任'
	});
	const [x, y] = scopedIndicators(rubric, a).map((e) => e.indicator.id);
	a = startCoordination(rubric, a, '工信局', 'zh');
	a.coordination!.respondents = [
		{ id: 'dept-a', name: '发展改革局' },
		{ id: 'dept-b', name: '统计局' }
	];
	a.coordination!.assignments = { [x!]: ['dept-a', 'dept-b'], [y!]: ['dept-a'] };
	const pa = issuePackage(rubric, a, 'dept-a', '2026-04-02');
	const pb = issuePackage(rubric, pa.assessment, 'dept-b', '2026-04-02');
	const answer = (pkg: typeof pa.file, level: number) => {
		const task = openPackage(pkg, '2026-04-03T00:00:00Z');
		task.answers[x!] = { ...task.answers[x!]!, level };
		return buildReturn(task, '李科长', '2026-04-10').file;
	};
	return {
		x: x!,
		assessment: pb.assessment,
		pkg: pa.file,
		ra: answer(pa.file, 2),
		rb: answer(pb.file, 3)
	};
}

describe('cli merge', () => {
	it('merges returns, reports duplicates and refusals in their place, and writes a valid file', () => {
		const s = setUp();
		const other = { ...s.ra, assessmentId: 'elsewhere' };
		const r = cli([
			'merge',
			file('a.json', s.assessment),
			file('ra.json', s.ra),
			file('rb.json', s.rb),
			file('ra-again.json', s.ra),
			file('other.json', other),
			'-o',
			file('out.json')
		]);
		expect(r.code).toBe(1);
		expect(r.out).toContain('ra.json: merged (dept-a): 1 changed, 0 to decide');
		expect(r.out).toContain(`rb.json: merged (dept-b): 1 changed, 1 to decide (${s.x})`);
		expect(r.out).toContain('ra-again.json: already merged; nothing changed');
		expect(r.out).toContain('other.json: refused: the return belongs to another assessment');
		const out = JSON.parse(readFileSync(file('out.json'), 'utf8')) as Assessment;
		expect(Object.keys(out.coordination!.contributions[s.x]!).sort()).toEqual(['dept-a', 'dept-b']);
		expect(cli(['validate', file('out.json')]).code).toBe(0);
	});

	it('validate accepts packages and returns and refuses a damaged one by path', () => {
		const s = setUp();
		const ok = cli(['validate', file('p.json', s.pkg), file('r.json', s.ra)]);
		expect(ok.code).toBe(0);
		expect(ok.out).toContain('valid package (填报包) dept-a.1');
		expect(ok.out).toContain('valid return (回执) dept-a.1');
		const bad = cli(['validate', file('bad.json', { ...s.ra, sequence: 0 })]);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('$.sequence');
	});
});
