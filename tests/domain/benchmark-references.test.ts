import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceRows } from '../../src/lib/domain/benchmark-references';
import { createAssessment } from '../../src/lib/domain/sample';
import { loadRubricText } from '../../src/lib/rubrics/loader';

const city = loadRubricText(
	readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'),
	'gd-city-readiness.yaml'
);
const blank = (level: string) =>
	createAssessment(city, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level, region: 'prd' },
		date: '2026-01-01'
	});

describe('reference values for a subject with no peers', () => {
	it('lists every in-scope metric indicator that cites published values, with the subject’s own value beside them', () => {
		const a = blank('prefecture');
		const rows = referenceRows(city, a);
		expect(rows.length).toBeGreaterThan(3);
		expect(rows.every((r) => r.references.length > 0 && r.value === null)).toBe(true);
		const open = rows.find((r) => r.references.some((x) => x.value === 1600))!;
		expect(open.title.zh).toBeTruthy();
		a.answers[open.indicatorId] = { level: 2, notApplicable: false, target: null, value: 420 };
		expect(referenceRows(city, a).find((r) => r.indicatorId === open.indicatorId)).toMatchObject({
			value: 420,
			level: 2
		});
	});

	it('leaves out indicators the profile puts out of scope (open datasets apply to prefecture-level cities only)', () => {
		const prefecture = referenceRows(city, blank('prefecture')).map((r) => r.indicatorId);
		const county = referenceRows(city, blank('county')).map((r) => r.indicatorId);
		const open = referenceRows(city, blank('prefecture')).find((r) =>
			r.references.some((x) => x.value === 1600)
		)!.indicatorId;
		expect(prefecture).toContain(open);
		expect(county).not.toContain(open);
	});
});
