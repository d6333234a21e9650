/**
 * Imported files are untrusted: evidence links must be web addresses, embedded files must be
 * well-formed and within the evidence limit, one id means one file, prototype keys are refused.
 * And the interface never turns stored text into markup or code: no {@html}, no innerHTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment, Evidence } from '../../src/lib/domain/assessment';
import { InputError, type RubricSource } from '../../src/lib/domain/assessment-file';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { buildBackup, isWebUrl, parseImport } from '../../src/lib/storage/bundle';
import { dataUrlToBlob, MAX_EVIDENCE_FILE_BYTES } from '../../src/lib/storage/files';
import type { SubjectRecord } from '../../src/lib/storage/records';
import { loadFixtureRubric, miniRubricSource, miniSubjectRecord } from '../support/rubrics';

const mini = loadFixtureRubric();
const rubrics: RubricSource = miniRubricSource(mini);
const subject: SubjectRecord = {
	...miniSubjectRecord,
	summary: { assessmentIds: [], latest: null }
};
const withEvidence = (...lists: Evidence[][]): Assessment => {
	const a = createSampleAssessment(
		mini,
		{
			id: 'a1',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-01-01'
		},
		1
	);
	const ids = Object.keys(a.answers);
	lists.forEach((evidence, i) => (a.answers[ids[i]!]!.evidence = evidence));
	return a;
};
const link = (url: string, id = 'e1'): Evidence => ({ id, kind: 'link', title: 't', url });
const file = (dataUrl: string, id = 'f1'): Evidence => ({ id, kind: 'file', title: 'f', dataUrl });
const backup = (...assessments: Assessment[]) =>
	JSON.stringify(buildBackup([subject], assessments, '2026-11-23T00:00:00.000Z'));

function refusal(text: string): string {
	try {
		parseImport(text, 'in.json', rubrics);
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as Error).message;
	}
	throw new Error('the file was accepted');
}

describe('evidence in imported files', () => {
	it.each([
		'javascript:window.__pwned=1',
		' JavaScript:window.__pwned=1',
		'java\tscript:window.__pwned=1',
		'data:text/html,<script>window.__pwned=1</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'blob:http://127.0.0.1/x',
		'//example.org/no-scheme',
		'/relative/path',
		'not a url'
	])('refuses the link %j, naming where it is', (url) => {
		const message = refusal(backup(withEvidence([link(url)])));
		expect(message).toContain('$.assessments[0].answers["d1.a"].evidence[0].url');
		expect(message).toContain('http:// or https://');
	});

	it('refuses a link without an address, in a single assessment file too', () => {
		const { url: _, ...noUrl } = link('https://example.org/');
		expect(refusal(JSON.stringify(withEvidence([noUrl])))).toContain('$.answers["d1.a"]');
	});

	it('accepts web addresses, whatever their text', () => {
		const urls = [
			'https://example.org/',
			'HTTP://EXAMPLE.ORG/统计公报?q="><svg onload=alert(1)>',
			'http://127.0.0.1:8080/a#b'
		];
		expect(urls.every(isWebUrl)).toBe(true);
		const parsed = parseImport(
			backup(withEvidence(urls.map((u, i) => link(u, `e${i}`)))),
			'b',
			rubrics
		);
		expect(parsed.assessments[0]!.answers['d1.a']!.evidence!.map((e) => e.url)).toEqual(urls);
	});

	it.each([
		['not a data URL', 'https://example.org/a.pdf', 'is not a data URL'],
		['bad base64', 'data:application/pdf;base64,@@@@', 'is not valid base64'],
		['bad escapes', 'data:text/plain,%E0%A4%A', 'bad % escape'],
		[
			'a file over the evidence limit',
			`data:application/pdf;base64,${'A'.repeat(Math.ceil((MAX_EVIDENCE_FILE_BYTES * 4) / 3) + 8)}`,
			'over the 5 MB evidence limit'
		]
	])('refuses an embedded file that is %s', (_, dataUrl, expected) => {
		expect(refusal(backup(withEvidence([file(dataUrl)])))).toContain(expected);
	});

	it('refuses data on a link, which only files carry', () => {
		const bad = { ...link('https://example.org/'), dataUrl: 'data:,x' };
		expect(refusal(backup(withEvidence([bad])))).toContain('only files carry data');
	});

	it('refuses one evidence id used for two different files, accepts it for the same file', () => {
		const a = 'data:text/plain;base64,YQ==';
		const b = 'data:text/plain;base64,Yg==';
		expect(refusal(backup(withEvidence([file(a)], [file(b)])))).toContain(
			'evidence file id "f1" is used for two different files'
		);
		expect(parseImport(backup(withEvidence([file(a)], [file(a)])), 'b', rubrics).kind).toBe(
			'backup'
		);
	});

	it('restores files whose type carries parameters', async () => {
		const blob = dataUrlToBlob('data:text/plain;charset=utf-8;base64,5pWw5o2u');
		expect(blob.type).toBe('text/plain;charset=utf-8');
		expect(await blob.text()).toBe('数据');
	});

	it('refuses prototype keys anywhere, and pollutes nothing', () => {
		const text = backup(withEvidence()).replace(
			'"answers":{',
			'"answers":{"__proto__":{"polluted":true},'
		);
		expect(refusal(text)).toContain('"__proto__"');
		const nested = backup(withEvidence()).replace(
			'"profile":{',
			'"profile":{"constructor":{"prototype":{"polluted":true}},'
		);
		expect(refusal(nested)).toContain('not allowed');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

// ---- The interface shows text as text ------------------------------------------------------

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		return statSync(file).isDirectory() ? sourceFiles(file) : [file];
	});
}

describe('markup and code from data', () => {
	const files = sourceFiles(path.resolve('src')).filter((f) => /\.(svelte|ts|js|html)$/.test(f));

	it('finds the source files', () => {
		expect(files.some((f) => f.endsWith('+page.svelte'))).toBe(true);
	});

	it.each([
		['{@html', /\{@html\b/],
		['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
		['insertAdjacentHTML', /insertAdjacentHTML/],
		['document.write', /document\.write/],
		['eval', /\beval\s*\(/],
		['new Function', /new\s+Function\s*\(/],
		['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/]
	])('src/ never uses %s', (_, pattern) => {
		const hits = files
			.filter((f) => pattern.test(readFileSync(f, 'utf8')))
			.map((f) => path.relative(process.cwd(), f));
		expect(hits).toEqual([]);
	});
});
