/**
 * An .xlsx from outside is a zip archive that can be anything: an encrypted workbook (an OLE
 * compound file, not a zip), a damaged download, or a zip bomb that unpacks to gigabytes. Before
 * a spreadsheet library sees it, the archive is unpacked here in small steps with a running
 * count, and stops at the cap; the library then reads only the parts measured here.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync } from 'fflate';
import type { Text } from '../rubrics/schema';
import { sheetMessage } from '../domain/answer-sheet-messages';

const MB = 1024 * 1024;
/** An answer workbook of the largest rubric is well under 1 MB. */
export const MAX_WORKBOOK_BYTES = 10 * MB;
export const MAX_UNPACKED_BYTES = 100 * MB;
export const MAX_PARTS = 1000;
/** Compressed bytes fed per step: deflate expands at most ~1,000×, so one step stays bounded. */
const STEP = 16 * 1024;

/** A workbook file that cannot be read; the message says why and what to do, in zh and en. */
export class WorkbookFileError extends Error {
	constructor(readonly text: Text) {
		super(text.en);
		this.name = 'WorkbookFileError';
	}
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** OLE compound file: what Excel writes for a password-protected .xlsx, and old .xls files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Refuses what is not a plain .xlsx before reading any of it. */
export function checkWorkbookBytes(size: number, head: Uint8Array) {
	if (size > MAX_WORKBOOK_BYTES)
		throw new WorkbookFileError(
			sheetMessage('tooLarge', {
				size: Math.round((size / MB) * 10) / 10,
				limit: MAX_WORKBOOK_BYTES / MB
			})
		);
	if (startsWith(head, OLE)) throw new WorkbookFileError(sheetMessage('encrypted'));
	if (!startsWith(head, ZIP)) throw new WorkbookFileError(sheetMessage('notZip'));
}

class Overflow extends Error {}

/** The parts of the archive, each fully unpacked within the caps. */
export function unpackWorkbook(bytes: Uint8Array): Record<string, Uint8Array> {
	checkWorkbookBytes(bytes.byteLength, bytes.subarray(0, 8));
	const parts: Record<string, Uint8Array> = {};
	let total = 0;
	let count = 0;
	let failure: Error | null = null as Error | null;
	const unzip = new Unzip((file) => {
		if (++count > MAX_PARTS) throw new Overflow('parts');
		const chunks: Uint8Array[] = [];
		file.ondata = (error, chunk, final) => {
			if (error) {
				failure ??= error;
				return;
			}
			total += chunk.byteLength;
			if (total > MAX_UNPACKED_BYTES) throw new Overflow('bytes');
			chunks.push(chunk);
			if (final) parts[file.name] = concat(chunks);
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	unzip.register(UnzipPassThrough);
	try {
		for (let at = 0; at < bytes.byteLength; at += STEP)
			unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.byteLength);
	} catch (e) {
		failure ??= e instanceof Error ? e : new Error(String(e));
	}
	// fflate hands an error thrown in a data handler back to that handler: look at it either way.
	if (failure instanceof Overflow)
		throw new WorkbookFileError(
			failure.message === 'parts'
				? sheetMessage('tooManyParts', { count: `${MAX_PARTS}+`, limit: MAX_PARTS })
				: sheetMessage('tooLargeUnpacked', { limit: MAX_UNPACKED_BYTES / MB })
		);
	if (failure) throw corrupt(failure);
	if (!parts['[Content_Types].xml'] || !Object.keys(parts).some((n) => n.startsWith('xl/')))
		throw corrupt(new Error('no workbook parts'));
	return parts;
}

const corrupt = (e: unknown) =>
	new WorkbookFileError(
		sheetMessage('corrupt', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 100) })
	);

function concat(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0]!;
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

/** The measured parts as a new archive, stored without compression for the library to read. */
export function repackWorkbook(parts: Record<string, Uint8Array>): Uint8Array {
	return zipSync(parts, { level: 0 });
}
