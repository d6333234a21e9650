/**
 * What is wrong with an answer workbook, in both languages, naming the sheet, row and column and
 * what to do. Pure data; the app and the CLI pick the language.
 */
import type { Text } from '../rubrics/schema';

type Params = Record<string, string | number>;
const fill = (text: string, params: Params) =>
	text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);

export const SHEET_MESSAGES = {
	// The file as a whole
	tooLarge: {
		zh: '文件有 {size} MB，超过答卷工作簿 {limit} MB 的上限。请从本应用重新导出答卷后再填写。',
		en: 'The file is {size} MB, over the {limit} MB limit for an answer workbook. Export the answer sheet from this app again and fill that one.'
	},
	encrypted: {
		zh: '该文件已加密（设有打开密码），或是旧版 .xls 格式，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿），另存为 .xlsx 后再导入。',
		en: 'This file is encrypted (it has an open password) or is an old .xls file, so it cannot be read. Remove the password in Excel (File → Info → Protect Workbook) and save it as .xlsx, then import it.'
	},
	notZip: {
		zh: '该文件不是 Excel 工作簿（.xlsx）。请选择从本应用导出并填写的答卷工作簿。',
		en: 'This file is not an Excel workbook (.xlsx). Choose the answer workbook exported from this app and filled in.'
	},
	corrupt: {
		zh: '该工作簿已损坏，无法读取（{detail}）。请在 Excel 中打开并另存为 .xlsx，或重新导出答卷。',
		en: 'The workbook is damaged and cannot be read ({detail}). Open it in Excel and save it as .xlsx again, or export the answer sheet again.'
	},
	tooLargeUnpacked: {
		zh: '该工作簿解压后超过 {limit} MB（答卷解压后通常不足 5 MB），可能是异常文件，已拒绝读取。请重新导出答卷。',
		en: 'Unpacked, this workbook is over {limit} MB (an answer workbook is usually under 5 MB), so it may be malicious and was not read. Export the answer sheet again.'
	},
	tooManyParts: {
		zh: '该工作簿包含 {count} 个内部文件，超过 {limit} 个的上限，不是本应用导出的答卷。',
		en: 'The workbook holds {count} internal files, more than the limit of {limit}; it is not an answer workbook from this app.'
	},
	// The workbook's identity
	notAnswerSheet: {
		zh: '该工作簿不是本应用导出的答卷（缺少隐藏的“{meta}”工作表）。请从本评估的结果页导出 Excel 工作簿，在其中填写后再导入。',
		en: 'This workbook is not an answer workbook from this app (the hidden “{meta}” sheet is missing). Export the Excel workbook from this assessment’s results page, fill that one in and import it.'
	},
	newerFormat: {
		zh: '该答卷的格式版本为 {version}，本应用只能读取版本 {supported}。请更新应用，或从本应用重新导出答卷。',
		en: 'This answer workbook has format version {version}; this app reads version {supported}. Update the app, or export the answer sheet from this app again.'
	},
	otherRubric: {
		zh: '该答卷属于量表“{sheet}”，而本评估使用量表“{assessment}”，不能导入。请从本评估的结果页导出答卷。',
		en: 'This answer workbook is for rubric “{sheet}”, but this assessment uses rubric “{assessment}”, so it cannot be imported. Export the answer sheet from this assessment’s results page.'
	},
	otherVersion: {
		zh: '该答卷按量表 {rubric} 的 {sheet} 版导出，而本评估使用 {assessment} 版，指标可能不同，不能导入。请从本评估的结果页重新导出答卷。',
		en: 'This answer workbook was exported for version {sheet} of rubric {rubric}, but this assessment uses version {assessment}; the indicators may differ, so it cannot be imported. Export the answer sheet from this assessment’s results page again.'
	},
	noAnswersSheet: {
		zh: '找不到答卷工作表（“答卷”或“Answers”）。工作簿中的工作表：{names}。',
		en: 'No answers sheet (“答卷” or “Answers”) was found. Sheets in the workbook: {names}.'
	},
	missingColumn: {
		zh: '缺少“{column}”列（按隐藏的列标识和表头都找不到），无法导入。请恢复该列，或重新导出答卷。',
		en: 'The “{column}” column is missing (found neither by its hidden column key nor by its header), so nothing can be imported. Restore the column, or export the answer sheet again.'
	},
	duplicateColumn: {
		zh: '“{column}”列出现了两次（{letters} 列），无法确定以哪一列为准。请删除多余的一列。',
		en: 'The “{column}” column appears twice (columns {letters}), so it is unclear which one counts. Delete the extra column.'
	},
	headerMerged: {
		zh: '表头单元格 {range} 已合并。请取消合并后再导入。',
		en: 'Header cells {range} are merged. Unmerge them and import again.'
	},
	// One row or cell
	merged: {
		zh: '单元格 {range} 已合并，合并后只保留左上角的值。请取消合并并逐行填写。',
		en: 'Cells {range} are merged, which keeps only the top-left value. Unmerge them and fill each row.'
	},
	formula: {
		zh: '单元格含有公式（{formula}），不会被导入。请直接填写数值或文字，不要以“=”开头。',
		en: 'The cell holds a formula ({formula}), which is never imported. Type the value or text itself, not starting with “=”.'
	},
	cellError: {
		zh: '单元格显示错误值 {value}。请填写有效的内容。',
		en: 'The cell shows the error {value}. Enter a valid value.'
	},
	notAnInteger: {
		zh: '应填写 0–{max} 的整数等级（留空表示未作答），而不是“{value}”。',
		en: 'Expected a whole-number level 0–{max} (empty means unanswered), not “{value}”.'
	},
	notATarget: {
		zh: '应填写 0–{max} 的整数目标等级，而不是“{value}”。',
		en: 'Expected a whole-number target level 0–{max}, not “{value}”.'
	},
	notANumber: {
		zh: '应填写数字（留空表示无数值），而不是“{value}”。',
		en: 'Expected a number (empty means no value), not “{value}”.'
	},
	notYesNo: {
		zh: '应填写“是”或留空，而不是“{value}”。',
		en: 'Expected “yes” or an empty cell, not “{value}”.'
	},
	noId: {
		zh: '该行填写了内容，但没有指标编号。请恢复该行的指标编号。',
		en: 'The row has answers but no indicator id. Restore the row’s indicator id.'
	},
	unknownIndicator: {
		zh: '量表 {rubric} {version} 中没有指标“{id}”。请勿修改指标编号。',
		en: 'Rubric {rubric} {version} has no indicator “{id}”. Do not change the indicator ids.'
	},
	notInAssessment: {
		zh: '指标“{id}”不属于本次评估（不适用于评估对象的画像或不在快速自检范围内）。请删除该行。',
		en: 'Indicator “{id}” is not part of this assessment (it does not apply to the subject’s profile or is outside the quick scan). Delete the row.'
	},
	duplicateId: {
		zh: '指标“{id}”也出现在第 {first} 行。每项指标只能有一行，两行都未导入；请勿复制行或修改指标编号。',
		en: 'Indicator “{id}” also appears in row {first}. Each indicator has one row, so neither row was imported; do not copy rows or change indicator ids.'
	},
	idChanged: {
		zh: '指标编号“{id}”与本行的指标名称“{title}”不符，编号可能被修改过。请恢复原编号。',
		en: 'Indicator id “{id}” does not match this row’s indicator name “{title}”; the id may have been changed. Restore the original id.'
	},
	noMetric: {
		zh: '该指标没有计量数值，此列应留空。',
		en: 'This indicator has no metric value; leave this cell empty.'
	},
	offScale: {
		zh: '等级 {value} 超出量表 0–{max} 的范围。',
		en: 'Level {value} is off the scale 0–{max}.'
	},
	notApplicableRefused: {
		zh: '该指标不允许标记为不适用。请填写等级，并清空“不适用”列。',
		en: 'This indicator cannot be marked not applicable. Give a level and clear the not-applicable cell.'
	},
	levelAndNotApplicable: {
		zh: '同一行不能既填写等级又标记为不适用。请只保留其中一项。',
		en: 'A row cannot have a level and be marked not applicable. Keep only one of them.'
	},
	invalid: {
		zh: '该值无效（{detail}）。',
		en: 'The value is invalid ({detail}).'
	}
} satisfies Record<string, Text>;

export type SheetMessageKey = keyof typeof SHEET_MESSAGES;

export function sheetMessage(key: SheetMessageKey, params: Params = {}): Text {
	const m = SHEET_MESSAGES[key];
	return { zh: fill(m.zh, params), en: fill(m.en, params) };
}
