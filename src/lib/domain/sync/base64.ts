/**
 * Evidence files move from data URLs (files, backups) into CouchDB attachments, which travel as
 * base64 over HTTP. Pure: no Buffer, no atob, so the domain runs the same in Node and the browser.
 */
import type { DocumentAttachment } from './documents';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i]!;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		out += ALPHABET[a >> 2]!;
		out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
		out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
		out += c === undefined ? '=' : ALPHABET[c & 63]!;
	}
	return out;
}

/**
 * The attachment for a data URL (base64 kept as it is; a percent-encoded body becomes the UTF-8
 * bytes the app would restore), or null when it is not a data URL: the file checks have refused
 * such files before anything is converted.
 */
export function dataUrlToAttachment(dataUrl: string): DocumentAttachment | null {
	const head = /^data:([^,]*?)(;base64)?,/.exec(dataUrl);
	if (!head) return null;
	const body = dataUrl.slice(head[0].length);
	const contentType = (head[1] ?? '').trim() || 'application/octet-stream';
	if (head[2]) return { content_type: contentType, data: body };
	try {
		return {
			content_type: contentType,
			data: bytesToBase64(new TextEncoder().encode(decodeURIComponent(body)))
		};
	} catch {
		return null;
	}
}
