import { applySheetChanges, readAnswerSheet } from '../../lib/domain/answer-sheet-import';
import { formatSheetProblem } from '../../lib/domain/answer-sheet-read';
import { sheetMessage } from '../../lib/domain/answer-sheet-messages';
import { describeChange } from '../../lib/domain/answer-sheet-change';
import { readAssessment } from '../../lib/domain/assessment-file';
import { InputError, UsageError } from '../errors';
import { readInputBytes, write, writeJson, writeOutputAtomically } from '../io';
import type { Command } from '../options';
import { shippedRubricSource } from '../rubric-files';
import { loadAssessmentFile, titleOf } from '../shared';

/**
 * `import-sheet FILE SHEET.xlsx -o OUT.json [--apply-valid] [--json]`: the answers of a filled
 * 答卷 sheet applied to the assessment, written as a new file (FILE is not changed). Nothing is
 * written when any row has a problem, unless --apply-valid: then the valid rows are applied and
 * the skipped ones listed.
 */
export const run: Command = async ([file, sheetFile], opts) => {
	if (!file || !sheetFile)
		throw new UsageError(
			'import-sheet needs FILE (the assessment) and SHEET.xlsx (the filled answer sheet)'
		);
	if (!opts.output)
		throw new UsageError('import-sheet needs -o OUT.json for the updated assessment');
	const { assessment, rubric } = loadAssessmentFile(file);
	const { readWorkbook, MAX_WORKBOOK_BYTES, WorkbookFileError } =
		await import('../../lib/office/xlsx');
	const bytes = readInputBytes(
		sheetFile,
		MAX_WORKBOOK_BYTES,
		'answer workbook',
		(size) =>
			sheetMessage('tooLarge', {
				size: Math.round((size / 1024 / 1024) * 10) / 10,
				limit: MAX_WORKBOOK_BYTES / 1024 / 1024
			})[opts.lang]
	);
	let result;
	try {
		result = readAnswerSheet(await readWorkbook(bytes), rubric, assessment);
	} catch (e) {
		if (e instanceof WorkbookFileError)
			throw new InputError(sheetFile, [{ path: '', message: e.text[opts.lang] }]);
		throw e;
	}
	const problem = (p: Parameters<typeof formatSheetProblem>[0]) => ({
		path: '',
		message: formatSheetProblem(p, opts.lang)
	});
	if (result.fatal.length) throw new InputError(sheetFile, result.fatal.map(problem));
	if (result.problems.length && !opts.applyValid)
		throw new InputError(sheetFile, [
			...result.problems.map(problem),
			{
				path: '',
				message:
					opts.lang === 'zh'
						? '未写入任何内容。请修正上述单元格；或加 --apply-valid 只导入无误的行（上述行将被跳过）。'
						: 'Nothing was written. Correct the cells above, or add --apply-valid to import only the valid rows (the rows above are skipped).'
			}
		]);
	const answers = { ...assessment.answers, ...applySheetChanges(assessment, result.changes) };
	const text = JSON.stringify({ ...assessment, answers }, null, '\t') + '\n';
	// Whatever is written must open again, in the app and here.
	readAssessment(text, opts.output, shippedRubricSource);
	writeOutputAtomically(
		opts.output,
		new TextEncoder().encode(text),
		[file, sheetFile],
		'assessment'
	);
	if (opts.json)
		return writeJson({
			output: opts.output,
			changes: result.changes,
			skippedRows: result.skippedRows,
			problems: result.problems.map((p) => formatSheetProblem(p, opts.lang))
		});
	const title = titleOf(rubric, opts.lang);
	write(
		opts.lang === 'zh'
			? `${opts.output}：${result.changes.length} 处修改${result.skippedRows.length ? `，跳过 ${result.skippedRows.length} 行` : ''}`
			: `${opts.output}: ${result.changes.length} changes${result.skippedRows.length ? `, ${result.skippedRows.length} rows skipped` : ''}`
	);
	for (const c of result.changes) write(`  ${describeChange(c, title(c.indicatorId), opts.lang)}`);
	for (const p of result.problems) write(`  ! ${formatSheetProblem(p, opts.lang)}`);
};
