/**
 * Pages load the record schemas (zod) only when they open the database (storage/database.ts).
 * No record may be read unvalidated meanwhile: reading before the schemas are in refuses, and
 * the first read through the database validates.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => vi.resetModules());

describe('record schemas load with the database', () => {
	it('refuses to read a record before the schemas are loaded, rather than trusting it', async () => {
		const { upgradeRecord } = await import('../../src/lib/storage/record-upgrade');
		expect(() => upgradeRecord('meta', 'meta:app', { schemaVersion: 1 })).toThrow(
			/schemas are not loaded/
		);
	});

	it('validates the first record read through the database, without importing the schemas', async () => {
		const { request, subjectKey, transaction } = await import('../../src/lib/storage/database');
		const { getSubject } = await import('../../src/lib/storage/subjects');
		const { CorruptRecordError } = await import('../../src/lib/storage/record-upgrade');
		// A stored subject with a name far over the limit: only the schema knows it is invalid.
		await transaction('readwrite', async (s) => {
			await request(
				s.put(
					{
						schemaVersion: 1,
						id: 'long',
						kind: 'city',
						name: '市'.repeat(500),
						rubricId: 'gd-city-readiness',
						profile: {},
						summary: { assessmentIds: [], latest: null }
					},
					subjectKey('long')
				)
			);
		});
		await expect(getSubject('long')).rejects.toBeInstanceOf(CorruptRecordError);
	});
});
