/**
 * An independent reader and editor of .xlsx files for tests: Debian's python3-openpyxl, run with
 * the system python (not the library that wrote the file). Scripts print JSON on stdout.
 */
import { spawnSync } from 'node:child_process';

export const SYSTEM_PYTHON = '/usr/bin/python3';

export function python(script: string, ...args: string[]): string {
	const r = spawnSync(SYSTEM_PYTHON, ['-c', script, ...args], {
		encoding: 'utf8',
		timeout: 60_000,
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0)
		throw new Error(`python failed (${r.status ?? r.signal}): ${r.stderr || r.error?.message}`);
	return r.stdout;
}

export const pythonJson = <T>(script: string, ...args: string[]): T =>
	JSON.parse(python(script, ...args)) as T;

/**
 * Edits cells of the answers sheet found by column key (row 1): `edits` maps a spreadsheet row
 * number to { columnKey: value }; a string starting with "=" is written by openpyxl as a formula.
 */
export function editAnswerSheet(
	file: string,
	out: string,
	edits: Record<number, Record<string, string | number | null>>,
	sheet = '答卷'
) {
	python(
		`
import json, sys, openpyxl
src, out, sheet, edits = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
wb = openpyxl.load_workbook(src)
ws = wb[sheet]
keys = [c.value for c in ws[1]]
for row, cells in edits.items():
    for key, value in cells.items():
        ws.cell(int(row), keys.index(key) + 1).value = value
wb.save(out)
`,
		file,
		out,
		sheet,
		JSON.stringify(edits)
	);
}
