/**
 * Several respondents, one assessment, the whole cycle through files in three browser contexts,
 * each with its own storage: a coordinating office and two departments. Assign, hand out two
 * packages, answer in each (one answer conflicting with the coordinator's own), return, import
 * both (one twice), resolve the conflict, finalise, reopen, change one answer; then the exported
 * assessment, each answer's provenance and the change log are exactly as expected, and nothing
 * any party entered is lost. On the way, the bad files: a package opened on the coordinator's
 * device, a return given to the general import, the same package opened twice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import { openApp, openImportDialog, type E2EApp } from '../support/e2e';
import { axeViolations, sidewaysAt } from '../support/page-checks';
import { createCity, rawRecords, savedState, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});
const scratch = mkdtempSync(path.join(tmpdir(), 'gd-e2e-coordination-cycle-'));
const city = loadRubricText(readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'), 'city');
const domainOf = (indicatorId: string) =>
	city.pillars
		.flatMap((p) => p.domains)
		.find((d) => d.indicators.some((i) => i.id === indicatorId))!.id;

// 统计部门 answers three indicators, 卫生健康部门 two (the rubric's 表2 responsibilities).
const STATS = ['c02.core-industry-share', 'c02.operation-monitoring', 'c11.statistics-monitoring'];
const HEALTH = ['c05.smart-healthcare', 'c05.smart-elderly-care'];
const CONFLICTED = 'c02.operation-monitoring';

async function saveDownload(page: Page, click: () => Promise<unknown>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const file = path.join(scratch, `${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(file);
	return { file, name: download.suggestedFilename() };
}

const card = (page: Page, id: string) => page.locator(`#indicator-${CSS_ESCAPE(id)}`);
const CSS_ESCAPE = (id: string) => id.replace(/\./g, '\\.');

/** Opens the fill page at an indicator's domain. */
async function fillAt(page: Page, base: string, assessmentId: string, indicatorId: string) {
	await page.goto(
		`${base}/assess/?id=${encodeURIComponent(assessmentId)}#${domainOf(indicatorId)}`
	);
	await card(page, indicatorId).waitFor();
}

async function chooseLevel(page: Page, indicatorId: string, level: number) {
	await card(page, indicatorId).locator(`.levels input[type=radio][value="${level}"]`).check();
	await savedState(page);
}

/** Imports a file through the assessments page's dialog. */
async function importFile(page: Page, base: string, file: string) {
	await page.goto(`${base}/assessments/`);
	await openImportDialog(page, '导入文件');
	await page.locator('dialog input[type=file]').setInputFiles(file);
}

/** A file dropped on the assessments page, as a user drags it from the file manager. */
async function dropFile(page: Page, base: string, file: string) {
	await page.goto(`${base}/assessments/`);
	await page.getByRole('heading', { name: '评估对象' }).waitFor();
	const text = readFileSync(file, 'utf8');
	const name = path.basename(file);
	// A click before hydration does nothing; wait until the page responds to input.
	await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
	await page.evaluate(
		([content, fileName]) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([content], fileName, { type: 'application/json' }));
			window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
		},
		[text, name] as const
	);
}

/** Opens a package as a task and returns the task's id. */
async function openPackage(page: Page, base: string, file: string, drop = false) {
	if (drop) await dropFile(page, base, file);
	else await importFile(page, base, file);
	await page.getByTestId('package-summary').waitFor();
	await page.getByRole('button', { name: '打开填报任务' }).click();
	await page.waitForURL(/\/assess\/\?id=task-/);
	await page.getByTestId('task-banner').waitFor();
	return new URL(page.url()).searchParams.get('id')!;
}

async function exportReturn(page: Page, person: string) {
	await page.getByTestId('task-banner').getByRole('button', { name: '导出回执' }).click();
	const dialog = page.getByTestId('return-dialog');
	await dialog.getByLabel('填报人').fill(person);
	const saved = await saveDownload(page, () =>
		dialog.getByRole('button', { name: /^导出第 \d+ 份回执$/ }).click()
	);
	await page.getByText(/已导出回执“/).waitFor();
	return saved;
}

async function newParty(base: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await app!.browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	await page.goto(`${base}/assessments/`);
	return { context, page };
}

interface ExportedCoordination {
	own: Record<string, { level: number | null }>;
	contributions: Record<
		string,
		Record<
			string,
			{
				person: string;
				packageId: string;
				sequence: number;
				answer: { level: number | null; note?: string };
			}
		>
	>;
	decisions: Record<string, { choice: string; respondentId?: string }>;
	finalised?: unknown;
	log: {
		kind: string;
		by: string;
		indicatorId?: string;
		respondentId?: string;
		reason?: string;
		changes?: { field: string; from: string | null; to: string | null }[];
	}[];
}

describe('a coordinator and two departments, through files', () => {
	it('assigns, hands out, answers, returns, merges, decides, signs off and logs', async () => {
		app = await openApp();
		const base = app.url;
		const coordinator = app.page;

		// The coordinating office: a city assessment, coordination started from the rubric.
		const subjectUrl = await createCity(coordinator, base, '协同市');
		const assessmentId = await startAssessment(coordinator, '2026年度', '市工信局');
		await coordinator.goto(`${base}/coordinate/?id=${encodeURIComponent(assessmentId)}`);
		await coordinator.getByLabel('协调人（牵头单位或姓名）').fill('市工业和信息化局');
		await coordinator.getByRole('button', { name: '开始协同填报' }).click();
		const stats = coordinator.locator('li[data-respondent="stats"]');
		const health = coordinator.locator('li[data-respondent="health"]');
		await stats.waitFor();
		await stats.getByLabel('联系方式').fill('张科长 020-1234');
		// A deadline already past: the task shows it as overdue.
		await stats.getByLabel('截止日期').fill('2020-01-31');
		await stats.getByLabel('填报说明').fill('请按2025年统计公报填写。');
		await coordinator.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		await stats.getByText(/已分配 3 项指标/).waitFor();

		// Hand out two packages.
		const statsPackage = await saveDownload(coordinator, () =>
			stats.getByRole('button', { name: '导出填报包' }).click()
		).catch(async (e) => {
			await coordinator.screenshot({ path: '/tmp/coord-debug.png', fullPage: false });
			console.log(await coordinator.locator('#respondents').innerText());
			throw e;
		});
		await stats.getByText(/已下发填报包 stats\.1/).waitFor();
		const healthPackage = await saveDownload(coordinator, () =>
			health.getByRole('button', { name: '导出填报包' }).click()
		);
		await health.getByText(/已下发填报包 health\.1/).waitFor();

		// The coordinator's own answer, changed after handing out: 统计部门 will disagree.
		await fillAt(coordinator, base, assessmentId, CONFLICTED);
		await chooseLevel(coordinator, CONFLICTED, 1);

		// A package opened on the coordinator's own device is refused, and nothing is written.
		const before = await rawRecords(coordinator);
		await importFile(coordinator, base, statsPackage.file);
		await coordinator.getByRole('button', { name: '打开填报任务' }).click();
		await coordinator
			.locator('dialog [role=alert]')
			.filter({ hasText: /应在填报部门（统计部门）的设备上打开/ })
			.waitFor();
		expect(await rawRecords(coordinator)).toEqual(before);

		// 统计部门, on its own device: the package opens as a task with only its indicators.
		const dept = await newParty(base);
		const statsTask = await openPackage(dept.page, base, statsPackage.file);
		const banner = dept.page.getByTestId('task-banner');
		await expect(banner.textContent()).resolves.toMatch(/市工业和信息化局/);
		await expect(banner.textContent()).resolves.toMatch(/张科长 020-1234/);
		await expect(banner.textContent()).resolves.toMatch(/请按2025年统计公报填写。/);
		await expect(dept.page.getByTestId('task-deadline').textContent()).resolves.toMatch(
			/2020-01-31\s*已逾期/
		);
		await expect(dept.page.getByTestId('task-progress').textContent()).resolves.toMatch(
			/已答 0\/3 项/
		);
		// Every indicator on the page, across all domains, is one of its three.
		const shown = await dept.page.locator('nav.sidebar select option').allTextContents();
		expect(shown).toHaveLength(new Set(STATS.map(domainOf)).size);

		// The task page, as a department meets it: accessible, and no sideways scrolling on a phone.
		expect(await axeViolations(dept.page)).toEqual([]);
		expect(await sidewaysAt(dept.page, 'task-fill')).toEqual({ 1366: 0, 390: 0 });

		await fillAt(dept.page, base, statsTask, STATS[0]!);
		await chooseLevel(dept.page, STATS[0]!, 2);
		await card(dept.page, STATS[0]!).getByLabel('备注').fill('依据2025年统计公报。');
		await card(dept.page, STATS[0]!)
			.locator('input[type=file]')
			.setInputFiles({
				name: '统计公报.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('统计部门的证据原文')
			});
		await card(dept.page, STATS[0]!).getByRole('button', { name: '统计公报.txt' }).waitFor();
		await savedState(dept.page);
		await fillAt(dept.page, base, statsTask, CONFLICTED);
		await chooseLevel(dept.page, CONFLICTED, 3);
		await card(dept.page, CONFLICTED).getByLabel('备注').fill('月度监测已覆盖规上企业。');
		await savedState(dept.page);
		await expect(dept.page.getByTestId('task-progress').textContent()).resolves.toMatch(
			/已答 2\/3 项/
		);

		// The same package again opens the task already there, and says so.
		await openPackage(dept.page, base, statsPackage.file);
		await dept.page.getByText(/这个填报包已在本设备上打开过，没有重复创建/).waitFor();
		const deptRecords = await rawRecords(dept.page);
		expect(Object.keys(deptRecords).filter((k) => k.startsWith('assessment:'))).toEqual([
			`assessment:${statsTask}`
		]);

		// The return dialog: what it asks, accessible, usable on a phone.
		await dept.page.getByTestId('task-banner').getByRole('button', { name: '导出回执' }).click();
		await dept.page
			.getByTestId('return-dialog')
			.getByText(/还有 1 项指标未作答/)
			.waitFor();
		expect(await axeViolations(dept.page)).toEqual([]);
		expect(await sidewaysAt(dept.page, 'return-dialog')).toEqual({ 1366: 0, 390: 0 });
		await dept.page.getByTestId('return-dialog').getByRole('button', { name: '取消' }).click();

		const statsReturn = await exportReturn(dept.page, '李四');
		expect(await sidewaysAt(dept.page, 'return-exported')).toEqual({ 1366: 0, 390: 0 });
		expect(statsReturn.name).toBe('协同市-2026年度-回执-统计部门-1.json');

		// 卫生健康部门, on a third device, drops its package on the page.
		const hospital = await newParty(base);
		const healthTask = await openPackage(hospital.page, base, healthPackage.file, true);
		await fillAt(hospital.page, base, healthTask, HEALTH[0]!);
		await chooseLevel(hospital.page, HEALTH[0]!, 3);
		await fillAt(hospital.page, base, healthTask, HEALTH[1]!);
		await chooseLevel(hospital.page, HEALTH[1]!, 2);
		const healthReturn = await exportReturn(hospital.page, '王五');
		expect(healthReturn.name).toBe('协同市-2026年度-回执-卫生健康部门-1.json');

		// A return given to the general import belongs on the coordination page: nothing imported.
		const beforeReturn = await rawRecords(coordinator);
		await importFile(coordinator, base, statsReturn.file);
		await coordinator
			.getByTestId('return-refused')
			.filter({ hasText: /第 1 份回执/ })
			.waitFor();
		await expect(
			coordinator.getByRole('link', { name: /的协同填报页面/ }).getAttribute('href')
		).resolves.toContain(`/coordinate/?id=${assessmentId}`);
		expect(await rawRecords(coordinator)).toEqual(beforeReturn);

		// The coordinator merges both returns, one of them twice.
		await coordinator.goto(`${base}/coordinate/?id=${encodeURIComponent(assessmentId)}`);
		const returns = coordinator.locator('#returns input[type=file]');
		await returns.setInputFiles([statsReturn.file, healthReturn.file]);
		const outcomes = coordinator.getByTestId('return-outcomes');
		await outcomes.locator('li').nth(1).waitFor();
		await returns.setInputFiles(statsReturn.file);
		await outcomes.getByText(/该回执此前已导入，未做任何改动/).waitFor();

		// The conflict: the coordinator's 1 against 统计部门's 3. The department's answer is taken.
		const conflict = coordinator.locator(`[data-conflict="${CONFLICTED}"]`);
		await conflict.waitFor();
		await conflict.getByRole('button', { name: '采用统计部门的作答' }).click();
		await coordinator.getByText('目前没有待裁定的分歧。').waitFor();

		// Sign off, reopen with a reason, change one answer.
		const signOff = coordinator.locator('#signoff');
		await signOff.getByLabel('定稿人').fill('赵局长');
		await signOff.getByLabel('定稿日期').fill('2026-05-10');
		await signOff.getByRole('button', { name: '定稿' }).click();
		await coordinator.getByTestId('finalised').waitFor();
		await signOff.getByLabel('重新打开人').fill('赵局长');
		await signOff.getByLabel('重新打开的原因（必填）').fill('卫生健康部门更正养老数据。');
		await signOff.getByRole('button', { name: '重新打开' }).click();
		await signOff.getByLabel('定稿人').waitFor();
		await coordinator.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
		await fillAt(coordinator, base, assessmentId, HEALTH[1]!);
		await chooseLevel(coordinator, HEALTH[1]!, 4);

		// The final assessment, as exported.
		await coordinator.goto(subjectUrl);
		const exported = await saveDownload(coordinator, () =>
			coordinator.getByRole('button', { name: '导出', exact: true }).click()
		);
		const final = JSON.parse(readFileSync(exported.file, 'utf8')) as Assessment & {
			coordination: ExportedCoordination;
		};
		const levels = Object.fromEntries(
			[...STATS, ...HEALTH].map((id) => [id, final.answers[id]?.level ?? null])
		);
		expect(levels).toEqual({
			[STATS[0]!]: 2,
			[CONFLICTED]: 3,
			[STATS[2]!]: null,
			[HEALTH[0]!]: 3,
			[HEALTH[1]!]: 4
		});
		// Nothing lost: the department's note and file, and the coordinator's own answer.
		expect(final.answers[STATS[0]!]!.note).toBe('依据2025年统计公报。');
		const evidence = final.answers[STATS[0]!]!.evidence![0]!;
		expect(Buffer.from(evidence.dataUrl!.split(',')[1]!, 'base64').toString('utf8')).toBe(
			'统计部门的证据原文'
		);
		expect(final.answers[CONFLICTED]!.note).toBe('月度监测已覆盖规上企业。');
		const c = final.coordination;
		expect(c.own[CONFLICTED]!.level).toBe(1);
		expect(c.decisions[CONFLICTED]).toMatchObject({ choice: 'respondent', respondentId: 'stats' });
		expect(c.finalised).toBeUndefined();

		// Provenance of each answer.
		const provenance = (id: string, who: string) => {
			const x = c.contributions[id]![who]!;
			return [x.person, x.packageId, x.sequence, x.answer.level];
		};
		expect(provenance(STATS[0]!, 'stats')).toEqual(['李四', 'stats.1', 1, 2]);
		expect(provenance(CONFLICTED, 'stats')).toEqual(['李四', 'stats.1', 1, 3]);
		expect(provenance(HEALTH[0]!, 'health')).toEqual(['王五', 'health.1', 1, 3]);
		expect(provenance(HEALTH[1]!, 'health')).toEqual(['王五', 'health.1', 1, 2]);

		// The change log, in order: two merges (the second import of the same file logged
		// nothing), the decision, sign-off, reopening, and the change after reopening (the
		// coordinator's edit of an answer a department gave is a decision). The coordinator's edit
		// before any return is its own answer, kept in \`own\` above rather than logged.
		const after = c.log.filter((e) => e.kind !== 'merge' || e.indicatorId === undefined);
		expect(after.map((e) => [e.kind, e.indicatorId ?? e.respondentId ?? ''])).toEqual([
			['merge', 'stats'],
			['merge', 'health'],
			['decision', CONFLICTED],
			['finalise', ''],
			['reopen', ''],
			['decision', HEALTH[1]!]
		]);
		// Each merged answer is logged old → new with the department it came from.
		expect(
			c.log
				.filter((e) => e.kind === 'merge' && e.indicatorId)
				.map((e) => [e.indicatorId, e.respondentId])
				.sort()
		).toEqual(
			[
				[STATS[0]!, 'stats'],
				[HEALTH[0]!, 'health'],
				[HEALTH[1]!, 'health']
			].sort()
		);
		const reopened = c.log.find((e) => e.kind === 'reopen')!;
		expect(reopened).toMatchObject({ by: '赵局长', reason: '卫生健康部门更正养老数据。' });
		const lastChange = c.log.at(-1)!;
		expect(lastChange.changes).toEqual([{ field: 'level', from: '2', to: '4' }]);

		// The departments' own devices still hold what they entered.
		const kept = JSON.parse((await rawRecords(dept.page))[`assessment:${statsTask}`]!) as {
			assessment: Assessment;
		};
		expect(kept.assessment.answers[CONFLICTED]!.level).toBe(3);
		expect(kept.assessment.task!.returned).toBe(1);
		await dept.context.close();
		await hospital.context.close();
	});
});
