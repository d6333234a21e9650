/** The words a report model shows, for tests that read it as a reader would. */
import type { Block, ReportSection } from '../../src/lib/domain/report-model';

export const flattenSections = (sections: ReportSection[]): ReportSection[] =>
	sections.flatMap((s) => [s, ...flattenSections(s.children)]);

export const blockTexts = (blocks: Block[]): string[] =>
	blocks.flatMap((b) =>
		b.kind === 'paragraph' || b.kind === 'heading'
			? [b.text]
			: b.kind === 'table'
				? b.rows.flat()
				: b.kind === 'figures'
					? b.items.flatMap((i) => [i.label, i.value])
					: b.kind === 'list'
						? b.items
						: [b.title, ...b.categories]
	);

/** Every title and text of every section, in reading order. */
export const reportStrings = (sections: ReportSection[]): string[] =>
	flattenSections(sections).flatMap((s) => [s.title, ...blockTexts(s.blocks)]);
