/**
 * A short fingerprint of a record's content, the same whatever order its keys are in: a record
 * read back through the schema may come out with its keys reordered, which is no change.
 */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** FNV-1a (64 bits as two 32-bit halves): enough to tell a changed record, not a secret. */
export function fingerprint(value: unknown): string {
	const text = canonical(value);
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
	}
	return `${h1.toString(16)}${h2.toString(16)}-${text.length}`;
}
