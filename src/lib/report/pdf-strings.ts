/**
 * Unicode text outside page content (bookmark titles, document information) as hex strings.
 *
 * jsPDF writes these as literal strings `( … )` of raw UTF-16BE bytes. A PDF reader turns a raw
 * carriage return (0x0D) inside a literal string into a line feed (0x0A) (PDF 32000 §7.3.4.2),
 * so every character whose code ends in 0D is read back as another one: 服 (U+670D) becomes 朊,
 * 不 (U+4E0D) becomes 上. Hex strings `<FEFF…>` carry the same bytes with no such rule.
 */

/** A PDF text string in hex: UTF-16BE with a byte order mark. */
export function hexTextString(text: string): string {
	let hex = '<FEFF';
	for (let i = 0; i < text.length; i++)
		hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
	return hex + '>';
}

/** A literal string as jsPDF escapes it: `\\`, `\(` and `\)`, nothing else. */
const LITERAL = /\((?:\\[\s\S]|[^\\()])*\)/g;

/**
 * Rewrites the literal strings of the document information dictionary of a complete PDF (a
 * binary string as jsPDF outputs it) as hex strings. jsPDF writes that dictionary and the catalog
 * as the last two objects before the cross-reference table, so only the catalog's offset and
 * `startxref` move; both are updated. Returns the input unchanged if the layout is not that.
 */
export function rewriteInfoStrings(pdf: string): string {
	const trailerAt = pdf.lastIndexOf('\ntrailer\n');
	const xrefAt = pdf.lastIndexOf('\nxref\n');
	const startxrefAt = pdf.lastIndexOf('\nstartxref\n');
	if (trailerAt < 0 || xrefAt < 0 || startxrefAt < trailerAt) return pdf;
	const info = /\/Info (\d+) 0 R/.exec(pdf.slice(trailerAt))?.[1];
	if (!info) return pdf;
	const start = pdf.lastIndexOf(`\n${info} 0 obj\n`, xrefAt);
	const end = pdf.indexOf('endobj', start);
	if (start < 0 || end < 0 || end > xrefAt) return pdf;
	const body = pdf.slice(start, end);
	const fixed = body.replace(LITERAL, (literal) => {
		const bytes = literal.slice(1, -1).replace(/\\([\s\S])/g, '$1');
		if (!bytes.startsWith('\xfe\xff')) return literal;
		let text = '';
		for (let i = 2; i + 1 < bytes.length; i += 2)
			text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
		return hexTextString(text);
	});
	const delta = fixed.length - body.length;
	if (delta === 0) return pdf;
	// Cross-reference entries are "nnnnnnnnnn ggggg n " lines; move those that follow the change.
	const xref = pdf
		.slice(xrefAt, trailerAt)
		.replace(/^(\d{10}) (\d{5}) n $/gm, (line, offset: string, generation: string) => {
			const at = Number(offset);
			return at >= end ? `${String(at + delta).padStart(10, '0')} ${generation} n ` : line;
		});
	const tail = pdf
		.slice(trailerAt)
		.replace(/\nstartxref\n(\d+)/, (_, at: string) => `\nstartxref\n${Number(at) + delta}`);
	return pdf.slice(0, start) + fixed + pdf.slice(end, xrefAt) + xref + tail;
}

/** The bytes of a binary string (each character one byte). */
export function binaryToBytes(binary: string): Uint8Array {
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) & 0xff;
	return bytes;
}
