import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/lib/domain/assessment';
import { createAssessment } from '../../../src/lib/domain/sample';
import type { Subject } from '../../../src/lib/domain/subject';
import {
	DOCUMENT_FORMAT,
	assessmentDocument,
	fromDocument,
	parseDocumentId,
	subjectDocument,
	toDocument
} from '../../../src/lib/domain/sync/documents';
import { scoreAssessment } from '../../../src/lib/domain/scoring';
import { generateProvince } from '../../support/province';
import { loadFixtureRubric, miniRubricSource } from '../../support/rubrics';

const mini = loadFixtureRubric();
const rubrics = miniRubricSource(mini);

const subject: Subject = {
	id: 's1',
	kind: 'city',
	name: '测试市',
	rubricId: 'mini',
	profile: { level: 'prefecture' },
	note: '',
	archived: false,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z'
};

/** The README's worked example: D1 62.5, D2 50, D3 25, overall 45.83. */
function workedExample(): Assessment {
	const a = createAssessment(mini, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-03-01',
		period: '2026'
	});
	const levels: Record<string, number> = {
		'd1.a': 4,
		'd1.b': 2,
		'd2.a': 1,
		'd2.b': 3,
		'd3.a': 0,
		'd3.b': 2
	};
	for (const [id, level] of Object.entries(levels)) a.answers[id] = { ...a.answers[id]!, level };
	return a;
}

/** A document as it comes back from the server: through JSON, with a revision. */
const overTheWire = <T>(doc: T): T => ({ ...JSON.parse(JSON.stringify(doc)), _rev: '1-abc' });

describe('replication documents', () => {
	it('gives each record a stable id naming its type', () => {
		expect(subjectDocument(subject, '0.1.0')._id).toBe('subject:s1');
		const doc = assessmentDocument(workedExample(), { app: '0.1.0', rubric: mini });
		expect(doc._id).toBe('assessment:a1');
		expect(parseDocumentId('assessment:a:b')).toEqual({ type: 'assessment', recordId: 'a:b' });
		expect(parseDocumentId('_design/gd-assess')).toBeNull();
	});

	it('carries the record exactly as the backup holds it and reads it back unchanged', () => {
		const a = workedExample();
		const doc = toDocument({ type: 'assessment', data: a, rubric: mini }, '0.1.0');
		expect(doc).toMatchObject({ type: 'assessment', format: DOCUMENT_FORMAT, app: '0.1.0' });
		expect(doc.data).toEqual(a);
		const read = fromDocument(overTheWire(doc), rubrics);
		expect(read).toMatchObject({ status: 'assessment', id: 'assessment:a1', rev: '1-abc' });
		if (read.status === 'assessment') expect(read.assessment).toEqual(a);

		const subjectRead = fromDocument(overTheWire(subjectDocument(subject, '0.1.0')), rubrics);
		expect(subjectRead).toEqual({ status: 'subject', id: 'subject:s1', rev: '1-abc', subject });
	});

	it('summarises the scores and groups the server views read', () => {
		const doc = assessmentDocument(workedExample(), { app: '0.1.0', rubric: mini });
		expect(doc.summary).toMatchObject({
			rubric: { id: 'mini', version: '1.0.0' },
			subject: { id: 's1', kind: 'city' },
			groups: { level: ['prefecture'], region: [], size: [], sector: [] },
			period: '2026',
			date: '2026-03-01',
			coverage: { answered: 6, applicable: 6 }
		});
		expect(doc.summary.overall).toBeCloseTo(45.83, 2);
		expect(doc.summary.domains).toEqual({ d1: 62.5, d2: 50, d3: 25 });
	});

	it('moves embedded evidence files into attachments named by the evidence id', () => {
		const a = workedExample();
		const text = '证据 evidence';
		a.answers['d1.a'] = {
			...a.answers['d1.a']!,
			evidence: [
				{
					id: 'f1',
					kind: 'file',
					title: 'scan',
					fileName: 'scan.txt',
					mimeType: 'text/plain',
					size: new TextEncoder().encode(text).length,
					dataUrl: `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
				},
				{
					id: 'f2',
					kind: 'file',
					title: 'photo',
					mimeType: 'image/png',
					size: 3,
					dataUrl: 'data:image/png;base64,AAEC'
				},
				{ id: 'l1', kind: 'link', title: 'site', url: 'https://example.org/' }
			]
		};
		const doc = assessmentDocument(a, { app: '0.1.0', rubric: mini });
		expect(JSON.stringify(doc.data)).not.toContain('dataUrl');
		expect(doc._attachments?.f2).toEqual({ content_type: 'image/png', data: 'AAEC' });
		const f1 = doc._attachments?.f1;
		expect(f1?.content_type).toBe('text/plain;charset=utf-8');
		expect(Buffer.from(String(f1?.data), 'base64').toString('utf8')).toBe(text);

		const read = fromDocument(overTheWire(doc), rubrics);
		expect(read.status).toBe('assessment');
		if (read.status !== 'assessment') return;
		expect(Object.keys(read.files).sort()).toEqual(['f1', 'f2']);
		expect(read.missingFiles).toEqual([]);

		// Replicated without attachments (or one lost): the record is still read, the gap named.
		const { _attachments, ...bare } = overTheWire(doc);
		const partial = fromDocument({ ...bare, _attachments: { f1: _attachments!.f1 } }, rubrics);
		expect(partial).toMatchObject({ status: 'assessment', missingFiles: ['f2'] });
	});

	it('quarantines foreign documents without throwing', () => {
		for (const doc of [
			null,
			'text',
			[],
			{ _id: 'mango-index', language: 'query' },
			{ _id: 'subject:s1', title: 'no type' },
			{ _id: 'assessment:x', type: 'invoice', format: 1, data: {} }
		])
			expect(fromDocument(doc, rubrics)).toMatchObject({
				status: 'quarantined',
				reason: 'foreign'
			});
	});

	it('quarantines malformed documents with the import’s own messages', () => {
		const doc = overTheWire(assessmentDocument(workedExample(), { app: '0.1.0', rubric: mini }));
		const offScale = { ...doc, data: { ...doc.data, answers: { 'd1.a': { level: 9 } } } };
		const read = fromDocument(offScale, rubrics);
		expect(read).toMatchObject({ status: 'quarantined', reason: 'malformed' });
		if (read.status === 'quarantined') {
			expect(read.problems).toContainEqual({
				path: '$.data.answers["d1.a"].level',
				message: 'level 9 is off the scale 0–4'
			});
			expect(read.message).toContain('assessment:a1');
		}
		const cases: unknown[] = [
			{ ...doc, data: { ...doc.data, subject: 'nobody' } },
			{ ...doc, data: { ...doc.data, id: 'another' } },
			{ ...doc, type: 'subject' },
			{ ...doc, format: 'one' },
			{ ...doc, data: { ...doc.data, rubric: { id: 'unknown', version: '1.0.0' } } },
			{ ...overTheWire(subjectDocument(subject, '0.1.0')), data: { ...subject, kind: 'robot' } },
			{ ...overTheWire(subjectDocument(subject, '0.1.0')), data: { ...subject, rubricId: 'nope' } }
		];
		for (const bad of cases)
			expect(fromDocument(bad, rubrics)).toMatchObject({
				status: 'quarantined',
				reason: 'malformed'
			});
	});

	it('refuses a document of a newer format or rubric version: update the app', () => {
		const doc = overTheWire(assessmentDocument(workedExample(), { app: '0.1.0', rubric: mini }));
		const newer = fromDocument(
			{ ...doc, format: DOCUMENT_FORMAT + 1, data: { future: true } },
			rubrics
		);
		expect(newer).toMatchObject({ status: 'quarantined', reason: 'newer' });
		if (newer.status === 'quarantined') expect(newer.message).toContain('update the app');
		const newerRubric = { ...doc, data: { ...doc.data, rubric: { id: 'mini', version: '9.0.0' } } };
		expect(fromDocument(newerRubric, rubrics)).toMatchObject({
			status: 'quarantined',
			reason: 'newer'
		});
	});

	it('reports deletions by record id', () => {
		expect(fromDocument({ _id: 'assessment:a1', _rev: '2-x', _deleted: true }, rubrics)).toEqual({
			status: 'deleted',
			id: 'assessment:a1',
			type: 'assessment',
			recordId: 'a1'
		});
	});
});

describe('assessment summary', () => {
	it('keeps scores within 0–100 when a weighted mean lands a hair above 100', () => {
		// Guangzhou in the synthetic province (seed 1): domain c04 scores 100.00000000000001.
		const { cityRubric, assessments } = generateProvince({ enterprises: 0, seed: 1 });
		const guangzhou = assessments[0]!;
		expect(
			scoreAssessment(cityRubric, guangzhou).domains.find((d) => d.id === 'c04')?.score
		).toBeGreaterThan(100);
		const { summary } = assessmentDocument(guangzhou, { app: '0.1.0', rubric: cityRubric });
		expect(summary.domains.c04).toBe(100);
		const scores = [
			summary.overall,
			...Object.values(summary.pillars),
			...Object.values(summary.domains)
		];
		expect(scores.every((s) => s === null || (s >= 0 && s <= 100))).toBe(true);
	});
});
