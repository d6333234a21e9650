import { buildAnswerWorkbook } from '../../lib/domain/answer-sheet';
import { buildResultsCsv } from '../../lib/domain/csv';
import { guidelineNodes, typicalCases } from '../../lib/rubrics/guideline';
import { UsageError } from '../errors';
import { checkOutputPath, write, writeOutputAtomically } from '../io';
import type { Command } from '../options';
import { loadAssessmentFile } from '../shared';

/**
 * `export FILE -o OUT.xlsx|OUT.csv`: the answer workbook (答卷, 得分, 差距, 行动计划) or the CSV,
 * in the language of --lang. The spreadsheet library loads only for .xlsx.
 */
export const run: Command = async ([file], opts) => {
	if (!file) throw new UsageError('export needs a FILE');
	const out = opts.output;
	if (!out) throw new UsageError('export needs -o OUT.xlsx or -o OUT.csv');
	const kind = /\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : undefined;
	if (!kind)
		throw new UsageError('export writes .xlsx or .csv: name the output OUT.xlsx or OUT.csv');
	checkOutputPath(out, [file], 'export');
	const { assessment, rubric } = loadAssessmentFile(file);
	const catalog = { nodes: guidelineNodes, cases: typicalCases };
	let bytes: Uint8Array;
	if (kind === 'csv')
		bytes = new TextEncoder().encode(buildResultsCsv(rubric, assessment, catalog, opts.lang));
	else {
		const { writeAnswerWorkbook } = await import('../../lib/office/xlsx');
		bytes = await writeAnswerWorkbook(buildAnswerWorkbook(rubric, assessment, catalog, opts.lang));
	}
	writeOutputAtomically(out, bytes, [file], 'export');
	write(`${out}: ${Math.ceil(bytes.byteLength / 1024)} KB`);
};
