/**
 * The answer workbook in a real browser: export it from the results page, change three levels and
 * a note with another program (openpyxl), import it back, see exactly those changes in the
 * preview, apply, and see the score the CLI computes for the same changes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli as runCli } from '../cli/run-cli';
import { openApp, type E2EApp } from '../support/e2e';
import { editAnswerSheet, pythonJson } from '../support/openpyxl';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-xlsx-'));
const file = (name: string) => path.join(scratch, name);

function cli(...args: string[]) {
	const r = runCli(args);
	expect(r.err).toBe('');
	return r.out;
}

describe('answer sheet in the app', () => {
	it('exports the workbook, imports the edited answer sheet with a preview, and rescores', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		await page.getByRole('link', { name: '示例市' }).first().click();
		await page.waitForURL(/\/subject\/\?id=/);
		// The assessment as a file, for the CLI to compute what the import should give.
		const [json] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出', exact: true }).first().click()
		]);
		await json.saveAs(file('a.json'));
		await page.getByRole('link', { name: '结果' }).first().click();
		await page.waitForURL(/\/results\/\?id=/);

		await page.getByText('Excel 工作簿', { exact: true }).click();
		const [xlsx] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出Excel工作簿' }).click()
		]);
		expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
		await xlsx.saveAs(file('a.xlsx'));
		await page.getByText(/已生成“.*\.xlsx”。/).waitFor();

		const rows = pythonJson<{ id: string; level: number | null; row: number; title: string }[]>(
			`
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['答卷']
keys = [c.value for c in ws[1]]
k = lambda name: keys.index(name) + 1
print(json.dumps([{'id': ws.cell(r, k('answers.indicatorId')).value, 'level': ws.cell(r, k('answers.level')).value,
  'title': ws.cell(r, k('answers.indicator')).value, 'row': r} for r in range(3, ws.max_row + 1)], ensure_ascii=False))
`,
			file('a.xlsx')
		);
		const answered = rows.filter((r) => typeof r.level === 'number');
		const [x, y, z, w] = answered;
		const next = (r: (typeof rows)[number]) => (r.level! + 2) % 5;
		editAnswerSheet(file('a.xlsx'), file('b.xlsx'), {
			[x!.row]: { 'answers.level': next(x!) },
			[y!.row]: { 'answers.level': next(y!) },
			[z!.row]: { 'answers.level': next(z!) },
			[w!.row]: { 'answers.note': '经现场核查更新' }
		});
		cli('import-sheet', file('a.json'), file('b.xlsx'), '-o', file('b.json'));
		const expected = JSON.parse(cli('score', file('b.json'), '--json')).overall.score as number;
		const overall = page.getByTestId('summary').locator('.figure').first().locator('strong');
		const before = await overall.textContent();
		expect(before).not.toBe(expected.toFixed(1));

		await page.locator('input[type=file][accept^=".xlsx"]').setInputFiles(file('b.xlsx'));
		const preview = page.getByRole('region', { name: '导入填写后的答卷' });
		await preview.getByText('将作出以下 4 处修改').waitFor();
		const lines = await preview
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()))
			);
		expect(lines).toEqual(
			[
				...[x!, y!, z!].map((r) => ({
					row: r.row,
					line: [`${r.id} ${r.title}`, '现状等级', `${r.level} → ${next(r)}`]
				})),
				{ row: w!.row, line: [`${w!.id} ${w!.title}`, '备注', '— → “经现场核查更新”'] }
			]
				.sort((a, b) => a.row - b.row)
				.map((r) => r.line)
		);
		// Nothing is applied before the user confirms.
		await expect(overall.textContent()).resolves.toBe(before);

		await preview.getByRole('button', { name: '应用全部修改' }).click();
		await page.getByText('已导入 4 处修改，得分已更新。').waitFor();
		await expect(overall.textContent()).resolves.toBe(expected.toFixed(1));
		// Saved like any edit (an unfinished save is replayed from the draft on reload).
		await page.reload();
		await expect(
			page.getByTestId('summary').locator('.figure').first().locator('strong').textContent()
		).resolves.toBe(expected.toFixed(1));
	});

	it('refuses an encrypted file with a message and changes nothing', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		await page.getByRole('button', { name: '试用示例城市' }).click();
		await page.getByText('已载入示例城市').waitFor();
		await page.getByRole('link', { name: '示例市' }).first().click();
		await page.getByRole('link', { name: '结果' }).first().click();
		await page.waitForURL(/\/results\/\?id=/);
		await page.getByText('Excel 工作簿', { exact: true }).click();
		const ole = Buffer.alloc(2048);
		Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
		await page.locator('input[type=file][accept^=".xlsx"]').setInputFiles({
			name: 'protected.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: ole
		});
		const alert = page.getByRole('alert');
		await alert.getByText('“protected.xlsx”无法导入，本评估未作任何修改：').waitFor();
		await expect(alert.textContent()).resolves.toContain('该文件已加密（设有打开密码）');
	});
});
