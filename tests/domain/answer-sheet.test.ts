/**
 * The answer sheet's rows and its import, on the domain's own cells (no spreadsheet library):
 * what an unchanged sheet gives, and how a change is worded for the preview.
 */
import { describe, expect, it } from 'vitest';
import {
	buildAnswerWorkbook,
	META_SHEET,
	type AnswerWorkbook
} from '../../src/lib/domain/answer-sheet';
import { applySheetChanges, readAnswerSheet } from '../../src/lib/domain/answer-sheet-import';
import type { ReadCell, ReadWorkbook } from '../../src/lib/domain/answer-sheet-read';
import { describeChange } from '../../src/lib/domain/answer-sheet-change';
import { defaultTarget, indexIndicators } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { guidelineNodes, typicalCases } from '../../src/lib/rubrics/guideline';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric();
const assessment = createSampleAssessment(rubric, {
	id: 'a1',
	subject: { id: 's1', name: '测试市', kind: 'city' },
	profile: { level: 'prefecture' },
	date: '2026-01-01'
});

const cell = (v: string | number | null): ReadCell =>
	v === null || v === '' ? { t: 'empty' } : typeof v === 'number' ? { t: 'n', v } : { t: 's', v };

/** The workbook as a spreadsheet program would hand it back, unchanged. */
function asRead(book: AnswerWorkbook): ReadWorkbook {
	return {
		sheets: [
			...book.sheets.map((s) => ({
				name: s.name,
				merges: [],
				rows: [
					s.columns.map((c) => cell(c.key)),
					s.columns.map((c) => cell(c.header.zh)),
					...s.rows.map((r) => r.map(cell))
				]
			})),
			{ name: META_SHEET, merges: [], rows: book.meta.map((r) => r.map(cell)) }
		]
	};
}

describe('answer sheet import', () => {
	const book = buildAnswerWorkbook(
		rubric,
		assessment,
		{ nodes: guidelineNodes, cases: typicalCases },
		'zh'
	);
	const answers = book.sheets[0]!;
	const col = (key: string) => answers.columns.findIndex((c) => c.key === key);

	it('an unchanged sheet changes nothing', () => {
		const r = readAnswerSheet(asRead(book), rubric, assessment);
		expect([r.fatal, r.problems, r.changes]).toEqual([[], [], []]);
	});

	it('a changed target shows the target in force as its old value, and is stored as the assessor’s own', () => {
		const id = 'd1.a';
		const entry = indexIndicators(rubric).get(id)!;
		const inForce = defaultTarget(rubric, entry.indicator, assessment.profile);
		const rows = answers.rows.map((r) => [...r]);
		const row = rows.findIndex((r) => r[col('answers.indicatorId')] === id);
		rows[row]![col('answers.target')] = inForce - 1;
		const edited = { ...book, sheets: [{ ...answers, rows }, ...book.sheets.slice(1)] };
		const r = readAnswerSheet(asRead(edited), rubric, assessment);
		expect(r.changes).toEqual([
			{ indicatorId: id, row: row + 3, field: 'target', before: inForce, after: inForce - 1 }
		]);
		expect(describeChange(r.changes[0]!, '指标A', 'zh')).toBe(
			`d1.a 指标A · 目标等级：${inForce} → ${inForce - 1}`
		);
		expect(applySheetChanges(assessment, r.changes)[id]!.target).toBe(inForce - 1);
	});
});
