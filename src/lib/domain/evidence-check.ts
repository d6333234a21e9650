/**
 * The one rule set for evidence in files from outside, applied by the app's import and by the
 * CLI alike: links are web addresses only (they open in a browser), embedded files are
 * well-formed data URLs within the evidence limit whose declared size and type are true, and
 * one evidence id is one file. Pure: no DOM, so it runs in Node and in the browser.
 */
import type { Assessment } from './assessment';
import { heldAnswers } from './held-answers';
import { formatJsonPath, type Problem } from './json-input';

export const MAX_EVIDENCE_FILE_BYTES = 5 * 1024 * 1024;

/** Evidence links open in the browser: only web addresses, never javascript:, data: or file:. */
export function isWebUrl(url: string): boolean {
	try {
		const { protocol } = new URL(url);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

const DATA_URL = /^data:([^,]*?)(;base64)?,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type DataUrlCheck = { problem: string } | { bytes: number; type: string };

/** The decoded size and media type of an embedded file, or why it cannot be restored. */
export function inspectDataUrl(dataUrl: string): DataUrlCheck {
	const head = DATA_URL.exec(dataUrl);
	if (!head) return { problem: 'is not a data URL' };
	const body = dataUrl.slice(head[0].length);
	let bytes: number;
	if (head[2]) {
		if (!BASE64.test(body) || body.length % 4 === 1) return { problem: 'is not valid base64' };
		const unpadded = body.replace(/=+$/, '').length;
		bytes = Math.floor((unpadded * 3) / 4);
	} else {
		try {
			// The app restores such a file as the UTF-8 text of the decoded body.
			bytes = new TextEncoder().encode(decodeURIComponent(body)).length;
		} catch {
			return { problem: 'is not a valid data URL (bad % escape)' };
		}
	}
	if (bytes > MAX_EVIDENCE_FILE_BYTES)
		return {
			problem: `holds a file over the ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB evidence limit`
		};
	return { bytes, type: head[1] ?? '' };
}

/** The media type without parameters, lower-case: `Text/Plain; charset=utf-8` → `text/plain`. */
const essence = (type: string) => type.split(';')[0]!.trim().toLowerCase();

/**
 * Problems with one assessment's evidence that would be unsafe to show or impossible to restore.
 * `where` prefixes the paths (`$.assessments[3]` in a backup).
 */
export function evidenceProblems(assessment: Assessment, where = '$'): Problem[] {
	const problems: Problem[] = [];
	// Compliance evidence is a link: files are kept with the maturity answers only.
	for (const [id, answer] of Object.entries(assessment.compliance ?? {}))
		answer.evidence?.forEach((e, i) => {
			const path = `${where}${formatJsonPath(['compliance', id, 'evidence', i]).slice(1)}`;
			if (e.kind !== 'link' || e.dataUrl !== undefined || e.url === undefined || !isWebUrl(e.url))
				problems.push({
					path,
					message:
						'compliance evidence must be a link (a web address starting with http:// or https://)'
				});
		});
	// Every held answer: a coordinated assessment keeps respondents' answers and their files too.
	for (const { path: at, answer } of heldAnswers(assessment))
		answer.evidence?.forEach((e, i) => {
			const path = `${where}${formatJsonPath([...at, 'evidence', i]).slice(1)}`;
			if (e.kind === 'link' && (e.url === undefined || !isWebUrl(e.url)))
				problems.push({
					path: `${path}.url`,
					message: 'an evidence link must be a web address starting with http:// or https://'
				});
			if (e.dataUrl === undefined) return;
			if (e.kind !== 'file') {
				problems.push({ path: `${path}.dataUrl`, message: 'only files carry data' });
				return;
			}
			const check = inspectDataUrl(e.dataUrl);
			if ('problem' in check) {
				problems.push({ path: `${path}.dataUrl`, message: check.problem });
				return;
			}
			if (e.size !== undefined && e.size !== check.bytes)
				problems.push({
					path: `${path}.size`,
					message: `says ${e.size} bytes but the embedded file has ${check.bytes}; the file is damaged or was changed`
				});
			const declared = e.mimeType ? essence(e.mimeType) : '';
			const actual = essence(check.type);
			if (declared && actual && declared !== actual)
				problems.push({
					path: `${path}.mimeType`,
					message: `says "${declared}" but the embedded file is "${actual}"; the file is damaged or was changed`
				});
		});
	return problems;
}

/**
 * One evidence id is one file: two different contents under one id would mix up evidence.
 * `where(i)` is the path prefix of the i-th assessment.
 */
export function sharedFileIdProblems(
	assessments: readonly Assessment[],
	where: (index: number) => string
): Problem[] {
	const problems: Problem[] = [];
	const files = new Map<string, string>();
	assessments.forEach((a, i) => {
		for (const { path: at, answer } of heldAnswers(a))
			answer.evidence?.forEach((e, j) => {
				if (e.kind !== 'file' || e.dataUrl === undefined) return;
				const seen = files.get(e.id);
				if (seen === undefined) files.set(e.id, e.dataUrl);
				else if (seen !== e.dataUrl)
					problems.push({
						path: `${where(i)}${formatJsonPath([...at, 'evidence', j, 'id']).slice(1)}`,
						message: `evidence file id "${e.id}" is used for two different files`
					});
			});
	});
	return problems;
}
