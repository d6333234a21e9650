/**
 * Dates became strict after records were already stored: a v1 record holding an impossible date
 * (a browser date field could save the year 0202) is still read, and the typed value is kept
 * where the user sees it, never dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssessmentRecordSchema, upgradeRecord } from '../../src/lib/storage/records';

const stored = () =>
	JSON.parse(
		readFileSync(path.resolve('tests/fixtures/storage/v1/assessment.json'), 'utf8')
	) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a stored assessment with dates the app no longer accepts', () => {
	it('is read, with an impossible due date moved into the action note', () => {
		const raw = stored();
		raw.assessment.actions['c02.core-industry-share'].due = '0202-05-01';
		expect(AssessmentRecordSchema.safeParse(raw).success).toBe(false);

		const record = upgradeRecord('assessment', 'assessment:x', raw);
		const action = record.assessment.actions?.['c02.core-industry-share'];
		expect(action?.due).toBeUndefined();
		expect(action?.note).toContain('引进两家核心产业链主企业');
		expect(action?.note).toContain('0202-05-01');
		expect(action?.owner).toBe('市工业和信息化局');
	});

	it('is read, with an impossible assessment date replaced and kept in the narrative', () => {
		const raw = stored();
		raw.assessment.date = '2026-02-30';
		const record = upgradeRecord('assessment', 'assessment:x', raw);
		expect(record.assessment.date).toBe(String(raw.assessment.createdAt).slice(0, 10));
		expect(record.assessment.narrative).toContain('2026-02-30');
		expect(record.assessment.narrative).toContain(String(raw.assessment.narrative ?? ''));
	});

	it('leaves a record with valid dates exactly as stored', () => {
		const raw = stored();
		expect(upgradeRecord('assessment', 'assessment:x', raw)).toEqual(
			AssessmentRecordSchema.parse(raw)
		);
	});
});
