/**
 * The app's import and the CLI's validate apply one rule set: every file one refuses, the other
 * refuses too, for the same reason; and a sound file is accepted by both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment, Evidence } from '../../src/lib/domain/assessment';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { findRubricById, shippedRubricSource } from '../../src/cli/rubric-files';
import { parseImport } from '../../src/lib/storage/bundle';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gd-same-rules-'));
const rubric = findRubricById('gd-city-readiness')!;

function assessment(change: (a: Assessment & Record<string, unknown>) => void = () => {}) {
	const a = createSampleAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: defaultProfile(rubric),
		date: '2026-01-01'
	});
	change(a);
	return JSON.stringify(a);
}
const firstId = Object.keys(JSON.parse(assessment()).answers)[0]!;
const withEvidence = (...evidence: Evidence[]) =>
	assessment((a) => (a.answers[firstId]!.evidence = evidence));
const link = (url: string): Evidence => ({ id: 'e1', kind: 'link', title: 't', url });
const embedded = (dataUrl: string, more: Partial<Evidence> = {}, id = 'f1'): Evidence => ({
	id,
	kind: 'file',
	title: 'f',
	dataUrl,
	...more
});

const hostile: [string, string, string][] = [
	['a javascript: link', withEvidence(link('javascript:alert(1)')), 'http:// or https://'],
	['a data: link', withEvidence(link('data:text/html,<script>1</script>')), 'http:// or https://'],
	['a file: link', withEvidence(link('file:///etc/passwd')), 'http:// or https://'],
	['a vbscript: link', withEvidence(link('vbscript:msgbox(1)')), 'http:// or https://'],
	[
		'an 8 MB embedded file',
		withEvidence(embedded(`data:application/pdf;base64,${'A'.repeat((8 * 1024 * 1024 * 4) / 3)}`)),
		'over the 5 MB evidence limit'
	],
	[
		'malformed base64',
		withEvidence(embedded('data:application/pdf;base64,@@@@')),
		'not valid base64'
	],
	['a bad % escape', withEvidence(embedded('data:text/plain,%E0%A4%A')), 'bad % escape'],
	[
		'file data that is not a data URL',
		withEvidence(embedded('https://example.org/a.pdf')),
		'is not a data URL'
	],
	[
		'one id for two files',
		withEvidence(embedded('data:text/plain;base64,YQ=='), embedded('data:text/plain;base64,Yg==')),
		'used for two different files'
	],
	[
		'data on a link',
		withEvidence({ ...link('https://example.org/'), dataUrl: 'data:,x' }),
		'only files carry data'
	],
	[
		'a declared size that is not the content',
		withEvidence(embedded('data:text/plain;base64,YQ==', { size: 99 })),
		'says 99 bytes'
	],
	[
		'a declared type that is not the content',
		withEvidence(embedded('data:text/plain;base64,YQ==', { mimeType: 'image/png' })),
		'"image/png" but the embedded file is "text/plain"'
	],
	['an impossible date', assessment((a) => (a.date = '2026-02-30')), 'not a calendar date'],
	[
		'an impossible due date',
		assessment((a) => (a.actions = { [`${firstId}:1:0`]: { status: 'open', due: '2026-99-99' } })),
		'not a calendar date'
	],
	[
		'a 600-character $schema',
		assessment((a) => (a.$schema = 'x'.repeat(600))),
		'at most 500 characters'
	],
	[
		'6,000 actions',
		assessment(
			(a) =>
				(a.actions = Object.fromEntries(
					Array.from({ length: 6000 }, (_, i) => [`${firstId}:1:${i}`, { status: 'open' }])
				))
		),
		'at most 5,000 are allowed'
	]
];

function importRefusal(text: string): string {
	try {
		parseImport(text, 'in.json', shippedRubricSource);
	} catch (e) {
		return (e as Error).message;
	}
	return 'accepted';
}

describe('the app and the CLI refuse the same files', () => {
	it.each(hostile)('%s', (name, text, reason) => {
		expect(importRefusal(text)).toContain(reason);
		const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
		writeFileSync(file, text);
		const r = cli(['validate', file]);
		expect(r.code).toBe(1);
		expect(r.out).toBe('');
		expect(r.err).toContain(file);
		expect(r.err).toContain(reason);
	});

	it('and accept the same sound file, evidence included', () => {
		const text = withEvidence(
			link('https://example.org/统计公报'),
			embedded('data:text/plain;base64,5pWw5o2u', { size: 6, mimeType: 'text/plain' })
		);
		expect(parseImport(text, 'in.json', shippedRubricSource).assessments).toHaveLength(1);
		const file = path.join(dir, 'sound.json');
		writeFileSync(file, text);
		expect(cli(['validate', file]).out).toContain('valid assessment');
	});
});
