/**
 * The coordinator's side in a real Chromium: start coordinating (respondents and assignments from
 * the rubric's responsibilities), edit them, hand out a package (only that respondent's indicators,
 * no notes or evidence), import returns several at once and one twice, decide the conflict, watch
 * progress and reminders, sign off (the fill page becomes read-only), reopen with a reason, change
 * an answer and find it in the change log. The respondents' returns are made with the domain's own
 * respondent code (the respondent's pages are another part of the app).
 *
 * With SCREENSHOTS_DIR set, the assign view, the progress board and the conflict view are saved
 * there at 1366 and 390 px wide.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import {
	buildReturn,
	openPackage,
	scopedIndicators,
	type PackageFile
} from '../../src/lib/domain/coordination';
import { findRubricById } from '../../src/cli/rubric-files';
import { axeViolations } from '../support/axe';
import { openApp, type E2EApp } from '../support/e2e';
import { createCity, rawRecords, savedState, startAssessment } from './safety-helpers';

const rubric = findRubricById('gd-city-readiness')!;
const dir = mkdtempSync(path.join(tmpdir(), 'gd-coord-e2e-'));
const shots = process.env.SCREENSHOTS_DIR;

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

async function stored(page: Page, id: string): Promise<Assessment> {
	return JSON.parse((await rawRecords(page))[`assessment:${id}`]!).assessment as Assessment;
}

/** Screenshots at desktop and phone width; the page must never scroll sideways. */
async function look(page: Page, name: string, section: string) {
	for (const width of [1366, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
		if (shots) {
			await page.locator(section).scrollIntoViewIfNeeded();
			await page.locator(section).screenshot({ path: path.join(shots, `${name}-${width}.png`) });
		}
	}
	await page.setViewportSize({ width: 1366, height: 900 });
}

async function download(page: Page, click: () => Promise<void>) {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

function answer(pkg: PackageFile, id: string, level: number, person: string) {
	const task = openPackage(pkg, '2026-04-03T09:00:00Z');
	task.answers[id] = { ...task.answers[id]!, level, note: `${person}的说明` };
	const file = path.join(dir, `${pkg.package.id}.json`);
	writeFileSync(file, JSON.stringify(buildReturn(task, person, '2026-04-10').file));
	return file;
}

describe('coordinating an assessment', () => {
	it('assigns, hands out, merges returns, decides, signs off, reopens and logs the change', async () => {
		app = await openApp();
		const { page } = app;
		await createCity(page, app.url, '协同市');
		const id = await startAssessment(page, '2026年度', '王主任');
		const first = (await page.locator('[data-indicator]').first().getAttribute('data-indicator'))!;
		const second = (await page.locator('[data-indicator]').nth(1).getAttribute('data-indicator'))!;
		await page.locator(`[data-indicator="${first}"] textarea`).first().fill('协调人的内部备注');
		await page.locator(`[data-indicator="${first}"] textarea`).first().blur();
		await savedState(page);

		// Start: respondents and assignments from the rubric's responsible actors.
		await page.goto(`${app.url}/coordinate/?id=${id}`);
		await page.getByLabel('协调人（牵头单位或姓名）').fill('工信局');
		await page.getByRole('button', { name: '开始协同填报' }).click();
		await page.getByRole('heading', { name: '指标分配' }).waitFor();
		const probe = (await stored(page, id)) as Assessment;
		const scope = scopedIndicators(rubric, probe);
		const entry = scope.find((e) => e.indicator.id === first)!;
		// In the rubric's order of actors, as the respondents are listed.
		const actors = rubric.actors.filter((x) => entry.indicator.responsible.includes(x.id));
		const actorNames = actors.map((x) => x.name.zh);
		const row = page.locator(`#assign li[data-indicator="${first}"]`);
		await expect(row.getByTestId('assigned').textContent()).resolves.toBe(
			`填报：${actorNames.join('、')}`
		);
		let a = await stored(page, id);
		expect(a.coordination!.assignments[first]).toEqual(actors.map((x) => x.id));
		expect(Object.keys(a.coordination!.assignments).sort()).toEqual(
			scope.map((e) => e.indicator.id).sort()
		);
		expect(await axeViolations(page)).toEqual([]);

		// Edit: a respondent added by hand answers the first indicator too; a deadline passed.
		await page.getByLabel('新增填报部门').fill('数据局（测试）');
		await page.getByRole('button', { name: '添加', exact: true }).click();
		await row.getByText('更改填报单位').click();
		await row.getByLabel('数据局（测试）').check();
		await expect(row.getByTestId('assigned').textContent()).resolves.toContain('数据局（测试）');
		const lead = a.coordination!.respondents.find(
			(r) => r.actorId === entry.indicator.responsible[0]
		)!;
		const idle = a.coordination!.respondents.find(
			(r) => !entry.indicator.responsible.includes(r.id)
		)!;
		const idleCard = page.locator(`li[data-respondent="${idle.id}"]`);
		await idleCard.getByLabel('联系方式').fill('张科长 020-8888');
		await idleCard.getByLabel('截止日期').fill('2026-01-05');
		await idleCard.getByLabel('截止日期').blur();
		await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		a = await stored(page, id);
		const added = a.coordination!.respondents.find((r) => r.name === '数据局（测试）')!;
		expect(a.coordination!.assignments[first]).toEqual([...actors.map((x) => x.id), added.id]);
		expect(a.coordination!.respondents.find((r) => r.id === idle.id)).toMatchObject({
			contact: '张科长 020-8888',
			deadline: '2026-01-05'
		});
		await look(page, 'assign', '#assign');

		// Hand out: the package holds only that respondent's indicators, no notes or evidence.
		const leadPkg = await download(page, () =>
			page
				.locator(`li[data-respondent="${lead.id}"]`)
				.getByRole('button', { name: '导出填报包' })
				.click()
		);
		expect(leadPkg.name).toBe(`协同市-2026年度-填报包-${lead.name}.json`);
		const leadFile = JSON.parse(leadPkg.text) as PackageFile;
		const leadAssigned = Object.entries(a.coordination!.assignments)
			.filter(([, ids]) => ids.includes(lead.id))
			.map(([i]) => i);
		expect([...leadFile.indicators].sort()).toEqual(leadAssigned.sort());
		expect(leadPkg.text).not.toContain('协调人的内部备注');
		expect(Object.values(leadFile.answers).some((x) => 'note' in x || 'evidence' in x)).toBe(false);
		const addedFile = JSON.parse(
			(
				await download(page, () =>
					page
						.locator(`li[data-respondent="${added.id}"]`)
						.getByRole('button', { name: '导出填报包' })
						.click()
				)
			).text
		) as PackageFile;
		expect(addedFile.indicators).toEqual([first]);
		// The blank questionnaire (its model and the PDF code load only on this click).
		const [paper] = await Promise.all([
			page.waitForEvent('download'),
			page
				.locator(`li[data-respondent="${added.id}"]`)
				.getByRole('button', { name: '打印空白问卷（PDF）' })
				.click()
		]);
		expect(paper.suggestedFilename()).toMatch(/\.pdf$/);
		const paperText = execFileSync('pdftotext', [(await paper.path())!, '-'], { encoding: 'utf8' });
		expect(paperText).toContain('数据局（测试）');
		a = await stored(page, id);
		expect(a.coordination!.packages.map((p) => p.id)).toEqual([`${lead.id}.1`, `${added.id}.1`]);

		// Returns: several at once, one twice; the two disagree on the first indicator.
		const returnLead = answer(leadFile, first, 3, '李科长');
		const returnAdded = answer(addedFile, first, 1, '赵工');
		await page
			.getByLabel('选择回执文件（可多选）')
			.setInputFiles([returnLead, returnAdded, returnLead]);
		const outcomes = page.getByTestId('return-outcomes');
		await outcomes.getByText('该回执此前已导入，未做任何改动。').waitFor();
		await expect(outcomes.locator('li').allTextContents()).resolves.toEqual([
			`${path.basename(returnLead)}：已合并${lead.name}的回执：1 项作答有变化，0 项待裁定。`,
			`${path.basename(returnAdded)}：已合并数据局（测试）的回执：1 项作答有变化，1 项待裁定。`,
			`${path.basename(returnLead)}：该回执此前已导入，未做任何改动。`
		]);

		// The conflict side by side, with the spread in the indicator list; take one side.
		const conflict = page.locator(`[data-conflict="${first}"]`);
		await conflict.getByText('赵工的说明').waitFor();
		await expect(conflict.textContent()).resolves.toContain('李科长的说明');
		await expect(row.getByTestId('spread').textContent()).resolves.toContain('最低 1，最高 3');
		await look(page, 'conflicts', '#conflicts');
		await conflict.getByRole('button', { name: '采用数据局（测试）的作答' }).click();
		await page.getByText('目前没有待裁定的分歧。').waitFor();
		await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		a = await stored(page, id);
		expect(a.answers[first]).toMatchObject({ level: 1, note: '赵工的说明' });
		expect(a.coordination!.decisions[first]).toMatchObject({
			choice: 'respondent',
			respondentId: added.id,
			by: '工信局'
		});

		// Progress: the idle respondent is overdue and listed with its contact.
		const idleRow = page.getByTestId('progress-table').locator(`tr[data-respondent="${idle.id}"]`);
		await expect(idleRow.textContent()).resolves.toContain('已逾期');
		await expect(
			page.getByLabel('以下单位已过截止日期仍未答完，可复制后发送：').inputValue()
		).resolves.toContain(`${idle.name}（张科长 020-8888）：截止日期 2026-01-05`);
		await look(page, 'progress', '#progress');
		expect(await axeViolations(page)).toEqual([]);

		// Sign off: the fill page is read-only, with a notice.
		await page.getByLabel('定稿日期').fill('2026-05-02');
		await page.getByRole('button', { name: '定稿', exact: true }).click();
		await page.getByTestId('finalised').waitFor();
		await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		await page.goto(`${app.url}/assess/?id=${id}`);
		await page.getByText('本评估已于 2026-05-02 由工信局定稿，只读。').waitFor();
		await expect(
			page.locator(`[data-indicator="${second}"] input[type=radio]`).first().isDisabled()
		).resolves.toBe(true);
		await page.keyboard.press('3');
		expect((await stored(page, id)).answers[second]!.level).toBeNull();

		// Reopen with a reason, change an answer, and find it in the log.
		await page.goto(`${app.url}/coordinate/?id=${id}`);
		await page.getByLabel('重新打开的原因（必填）').fill('补充统计年报数据');
		await page.getByRole('button', { name: '重新打开' }).click();
		await page.getByRole('button', { name: '定稿', exact: true }).waitFor();
		await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		await page.goto(`${app.url}/assess/?id=${id}`);
		await page.locator(`[data-indicator="${second}"] input[type=radio]`).nth(2).check();
		await savedState(page);
		await page.goto(`${app.url}/coordinate/?id=${id}`);
		const log = page.getByTestId('change-log');
		const title = rubric.pillars
			.flatMap((p) => p.domains.flatMap((d) => d.indicators))
			.find((i) => i.id === second)!.title.zh;
		const newest = log.locator('tbody tr').first();
		await newest.waitFor();
		await expect(newest.locator('td').allTextContents()).resolves.toEqual([
			expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			'工信局',
			'修改作答',
			title,
			`等级：（空） → 2 ${rubric.scale[2]!.name.zh}`,
			'补充统计年报数据'
		]);
		await expect(log.textContent()).resolves.toContain('重新打开');
		a = await stored(page, id);
		// Each merge: its changed answer and its summary.
		expect(a.coordination!.log.map((e) => e.kind)).toEqual([
			'merge',
			'merge',
			'merge',
			'merge',
			'decision',
			'finalise',
			'reopen',
			'answer'
		]);
		expect(a.answers[second]!.level).toBe(2);
	});
});
