/**
 * The strings of a report model: every one mapped through a function (sanitizing and
 * punctuation for print), or all of them at once (for the font subset).
 */
import type { Block, ReportModel, ReportSection } from '../domain/report-model';

export function mapStrings(model: ReportModel, clean: (s: string) => string): ReportModel {
	const block = (b: Block): Block => {
		switch (b.kind) {
			case 'paragraph':
			case 'heading':
				return { ...b, text: clean(b.text) };
			case 'list':
				return { ...b, items: b.items.map(clean) };
			case 'figures':
				return {
					...b,
					items: b.items.map((i) => ({
						label: clean(i.label),
						value: clean(i.value),
						detail: i.detail === undefined ? undefined : clean(i.detail)
					}))
				};
			case 'table':
				return {
					...b,
					caption: b.caption === undefined ? undefined : clean(b.caption),
					columns: b.columns.map((c) => ({ ...c, header: clean(c.header) })),
					rows: b.rows.map((r) => r.map(clean))
				};
			case 'chart':
				return {
					...b,
					title: clean(b.title),
					categories: b.categories.map(clean),
					series: b.series.map((s) => ({ ...s, name: clean(s.name) })),
					table: block(b.table) as typeof b.table
				};
		}
	};
	const section = (s: ReportSection): ReportSection => ({
		...s,
		title: clean(s.title),
		blocks: s.blocks.map(block),
		children: s.children.map(section)
	});
	const m = model.meta;
	return {
		...model,
		meta: {
			...m,
			title: clean(m.title),
			subjectName: clean(m.subjectName),
			period: clean(m.period),
			assessor: clean(m.assessor),
			rubricTitle: clean(m.rubricTitle),
			preparedBy: m.preparedBy === undefined ? undefined : clean(m.preparedBy),
			cover: m.cover.map((c) => ({ label: clean(c.label), value: clean(c.value) }))
		},
		sections: model.sections.map(section),
		furniture: { contents: clean(model.furniture.contents), pageOf: clean(model.furniture.pageOf) }
	};
}

/** Every string of the model, for the font subset. */
export function allText(model: ReportModel): string {
	const parts: string[] = [];
	const block = (b: Block) => {
		if (b.kind === 'paragraph' || b.kind === 'heading') parts.push(b.text);
		else if (b.kind === 'list') parts.push(...b.items);
		else if (b.kind === 'figures')
			for (const i of b.items) parts.push(i.label, i.value, i.detail ?? '');
		else if (b.kind === 'table') {
			parts.push(b.caption ?? '', ...b.columns.map((c) => c.header));
			for (const r of b.rows) parts.push(...r);
		} else {
			parts.push(b.title, ...b.categories, ...b.series.map((s) => s.name));
			block(b.table);
		}
	};
	const section = (s: ReportSection) => {
		parts.push(s.title);
		s.blocks.forEach(block);
		s.children.forEach(section);
	};
	model.sections.forEach(section);
	const m = model.meta;
	parts.push(m.title, m.subjectName, m.period, m.assessor, m.rubricTitle, m.preparedBy ?? '');
	for (const c of m.cover) parts.push(c.label, c.value);
	parts.push(model.furniture.contents, model.furniture.pageOf);
	return parts.join('\n');
}
