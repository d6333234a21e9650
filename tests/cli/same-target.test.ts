/**
 * The same indicator shows the same target, gap and recoverable points in the report's gap
 * table, the action plan, the CSV and `gaps --json` — and the action plan names the indicator's
 * own target, not the level of the first step towards it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssessmentFile } from '../../src/cli/shared';
import type { Assessment } from '../../src/lib/domain/assessment';
import { buildResultsCsv } from '../../src/lib/domain/csv';
import { GLOSSARY } from '../../src/lib/domain/glossary';
import { rankGaps } from '../../src/lib/domain/gaps';
import { buildReportModel, type ReportSection } from '../../src/lib/domain/report-model';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { cli } from './run-cli';

const catalog = { nodes: guidelineNodes, cases: typicalCases };
let dir: string;
let file: string;
let rubric: Rubric;
let assessment: Assessment;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'same-target-'));
	const sample = cli(['sample', '--rubric', 'gd-city-readiness', '--seed', '3']);
	expect(sample.code, sample.err).toBe(0);
	const data = JSON.parse(sample.out);
	// A few indicators two levels below a target of 3 成熟, so their first measure (to level 2)
	// leads only part of the way: the plan must still show the target 3.
	const answered = (
		Object.values(data.answers) as { level: number | null; target: number | null }[]
	).filter((a) => a.level !== null);
	for (const answer of answered.slice(0, 8)) Object.assign(answer, { level: 1, target: 3 });
	file = path.join(dir, 'city.json');
	writeFileSync(file, JSON.stringify(data));
	({ rubric, assessment } = loadAssessmentFile(file));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flatten = (sections: ReportSection[]): ReportSection[] =>
	sections.flatMap((s) => [s, ...flatten(s.children)]);
const tableRows = (sections: ReportSection[]) =>
	sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [])));

describe('one indicator, the same numbers everywhere', () => {
	it('agrees between the gap table, the action plan, the CSV and gaps --json', () => {
		const gaps = rankGaps(rubric, assessment);
		expect(gaps.length).toBeGreaterThan(3);
		const levelName = (l: number) => `${l} ${rubric.scale[l]!.name.zh}`;
		const title = (id: string) => {
			for (const p of rubric.pillars)
				for (const d of p.domains) for (const i of d.indicators) if (i.id === id) return i.title.zh;
			throw new Error(id);
		};
		const model = buildReportModel({
			rubric,
			assessment,
			catalog,
			locale: 'zh',
			generatedOn: '2026-11-29'
		});
		const gapTable = tableRows(model.sections.filter((s) => s.id === 'gaps'));
		const planRows = tableRows(flatten(model.sections).filter((s) => s.id.startsWith('plan:')));
		const csv = buildResultsCsv(rubric, assessment, catalog, 'zh')
			.slice(1)
			.split('\r\n')
			.map((l) => l.split(','));
		const csvGaps = csv.slice(csv.findIndex((l) => l[0] === '差距分析'));
		const csvPlan = csv.slice(csv.findIndex((l) => l[0] === '行动计划'));
		const json = JSON.parse(cli(['gaps', file, '--json']).out) as {
			indicatorId: string;
			target: number;
			gap: number;
			priority: number;
		}[];

		for (const g of gaps) {
			const name = title(g.indicatorId);
			const points = g.priority.toFixed(2);
			// Report gap table: indicator, …, target, gap, recoverable points
			const row = gapTable.find((r) => r[1] === name)!;
			expect(row.slice(4, 7), name).toEqual([levelName(g.target), String(g.gap), points]);
			// Action plan: every measure of the indicator names its target and its points
			for (const r of planRows.filter((r) => r[1] === name))
				expect([r[2], r[5]], name).toEqual([levelName(g.target), points]);
			const csvRow = csvGaps.find((r) => r[1] === g.indicatorId)!;
			expect(csvRow.slice(5, 8).map(Number), name).toEqual([
				g.target,
				g.gap,
				Math.round(g.priority * 100) / 100
			]);
			for (const r of csvPlan.filter((r) => r[3] === name))
				expect([Number(r[4]), r[6]], name).toEqual([
					g.target,
					String(Math.round(g.priority * 100) / 100)
				]);
			const cliGap = json.find((x) => x.indicatorId === g.indicatorId)!;
			expect([cliGap.target, cliGap.gap, cliGap.priority], name).toEqual([
				g.target,
				g.gap,
				g.priority
			]);
		}
	}, 60_000);

	it('shows the indicator’s target in the action plan, also for a first step below it', () => {
		const gaps = rankGaps(rubric, assessment);
		const partial = gaps.flatMap((g) => g.measures.filter((m) => m.toLevel < g.target));
		expect(partial.length).toBeGreaterThan(0);
		for (const m of partial) {
			const gap = gaps.find((g) => g.indicatorId === m.indicatorId)!;
			expect(m.target).toBe(gap.target);
		}
		const model = buildReportModel({
			rubric,
			assessment,
			catalog,
			locale: 'zh',
			generatedOn: '2026-11-29',
			sections: ['plan']
		});
		const rows = tableRows(flatten(model.sections));
		const m = partial[0]!;
		const row = rows.find((r) => r[0] === m.text.zh)!;
		expect(row[2]).toBe(`${m.target} ${rubric.scale[m.target]!.name.zh}`);
		expect(row[3]).toBe(`${m.toLevel} ${rubric.scale[m.toLevel]!.name.zh}`);
	});

	it.each(['zh', 'en'] as const)(
		'names the quantities by the glossary in the CLI’s printed output (%s)',
		(lang) => {
			const term = (key: keyof typeof GLOSSARY) => GLOSSARY[key].term[lang];
			const gaps = cli(['gaps', file, '--top', '3', '--lang', lang]);
			expect(gaps.code, gaps.err).toBe(0);
			const [header, first] = gaps.out.split('\n');
			for (const key of ['priority', 'level', 'target', 'gap'] as const)
				expect(header).toContain(term(key));
			const top = rankGaps(rubric, assessment)[0]!;
			expect(first).toContain(`${top.priority.toFixed(2)}  ${top.current}→${top.target}`);
			expect(first).toContain(top.indicatorId);
			const score = cli(['score', file, '--lang', lang]);
			expect(score.out).toContain(term('coverage'));
			const compare = cli(['compare', file, file, '--lang', lang]);
			expect(compare.out).toContain(term('change'));
		},
		60_000
	);
});
