/**
 * Reading a Word report back with python-docx (Debian's python3-docx, run with the system
 * Python), a reader independent of the `docx` package that writes it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface DocxParagraph {
	kind: 'paragraph';
	style: string | null;
	text: string;
	pictures: number;
}
export interface DocxTable {
	kind: 'table';
	headerRepeats: boolean;
	rows: string[][];
}
export type DocxBlock = DocxParagraph | DocxTable | { kind: 'sdt'; instructions: string };
type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string } | null;

export interface DocxContent {
	core: { title: string; subject: string; author: string; keywords: string };
	blocks: DocxBlock[];
	styles: Record<string, { name: string; fonts: Fonts; outlineLevel: number | null }>;
	defaultFonts: Fonts;
	sections: number;
	footers: { text: string; fields: string[] }[];
	headers: string[];
	updateFields: boolean;
	pictures: { width: number; height: number }[];
}

const READER = path.join(path.dirname(new URL(import.meta.url).pathname), 'read-docx.py');

export function readDocx(file: string): DocxContent {
	const out = execFileSync('/usr/bin/python3', [READER, file], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return JSON.parse(out) as DocxContent;
}

export const paragraphs = (d: DocxContent) =>
	d.blocks.filter((b): b is DocxParagraph => b.kind === 'paragraph');
export const tables = (d: DocxContent) =>
	d.blocks.filter((b): b is DocxTable => b.kind === 'table');
export const headings = (d: DocxContent, style: string) =>
	paragraphs(d)
		.filter((p) => p.style === style)
		.map((p) => p.text);
