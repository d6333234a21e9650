/**
 * The fill page's keys in a real Chromium: no navigation key changes a stored answer, the focus
 * stays on the current indicator, typing in a field never answers, held keys are coalesced, and
 * the page has no accessibility violations with answers present.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { openApp, type E2EApp } from '../support/e2e';
import { createCity, rawRecords, savedState, startAssessment } from './safety-helpers';

let app: E2EApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

interface Stored {
	revision: number;
	answers: Record<string, { level: number | null; notApplicable: boolean; note?: string }>;
}

/** The assessment as IndexedDB holds it (a read queues behind any save already started). */
async function stored(page: Page, id: string): Promise<Stored> {
	const record = JSON.parse((await rawRecords(page))[`assessment:${id}`]!) as {
		revision: number;
		assessment: { answers: Stored['answers'] };
	};
	return { revision: record.revision, answers: record.assessment.answers };
}

/** The unsaved draft a change writes synchronously; none while nothing changed. */
const draft = (page: Page, id: string) =>
	page.evaluate((key) => localStorage.getItem(key), `gd-assess.draft.${id}`);

const card = (page: Page, n: number) => page.locator('article.indicator').nth(n);
const idOf = async (page: Page, n: number) => (await card(page, n).getAttribute('data-indicator'))!;

/** Which indicator holds the focus, and on what: "<indicator id>|<input type>|<value>". */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLInputElement | null;
		const article = el?.closest('article.indicator') as HTMLElement | null;
		return `${article?.dataset.indicator ?? 'none'}|${el?.type ?? el?.tagName}|${el?.value ?? ''}`;
	});

async function fillPage(): Promise<{ page: Page; id: string }> {
	app = await openApp();
	const { page } = app;
	await createCity(page, app.url, '键盘市');
	const id = await startAssessment(page);
	await card(page, 0).waitFor();
	return { page, id };
}

describe('filling by keyboard in a real browser', () => {
	it('changes no stored answer with any navigation key pressed after a level is chosen', async () => {
		const { page, id } = await fillPage();
		await card(page, 0).locator('input[type=radio][value="2"]').click();
		await savedState(page);
		const before = await stored(page, id);
		expect(before.answers[await idOf(page, 0)]!.level).toBe(2);

		const keys = [
			'ArrowRight',
			'ArrowLeft',
			'ArrowDown',
			'ArrowUp',
			'j',
			'k',
			'J',
			'K',
			'Home',
			'End',
			'PageDown',
			'PageUp',
			'Tab',
			'Shift+Tab'
		];
		for (const key of keys) {
			// From the chosen level (where the browser's own radio keys would change the answer),
			// then once more from wherever the first press left the focus.
			await page.evaluate(() => window.scrollTo(0, 0));
			await card(page, 0).locator('input[type=radio][value="2"]').focus();
			await page.keyboard.press(key);
			await page.keyboard.press(key);
			expect(await draft(page, id), key).toBeNull();
			expect(await stored(page, id), key).toEqual(before);
		}
		// Space and Enter on controls that are not levels: the pager and the key list.
		for (const key of ['Enter', ' ']) {
			await page.getByRole('button', { name: '下一项 →' }).focus();
			await page.keyboard.press(key);
			await page.getByRole('button', { name: '快捷键（?）' }).focus();
			await page.keyboard.press(key);
			await page.getByTestId('key-help').getByRole('heading', { name: '键盘操作' }).waitFor();
			await page.keyboard.press('Escape');
		}
		expect(await draft(page, id)).toBeNull();
		expect(await stored(page, id)).toEqual(before);
		await expect(card(page, 0).locator('input[type=radio][value="2"]').isChecked()).resolves.toBe(
			true
		);
	});

	it('keeps the focus on the current indicator after a digit, N, J, K and U', async () => {
		const { page, id } = await fillPage();
		const first = await idOf(page, 0);
		const second = await idOf(page, 1);
		await card(page, 0).locator('input[type=radio][value="0"]').focus();

		await page.keyboard.press('3');
		await expect(focused(page)).resolves.toBe(`${first}|radio|3`);
		await savedState(page);
		expect((await stored(page, id)).answers[first]!.level).toBe(3);

		await page.keyboard.press('j');
		await expect.poll(() => focused(page)).toBe(`${second}|radio|0`);
		await page.keyboard.press('k');
		await expect.poll(() => focused(page)).toBe(`${first}|radio|3`);

		// The first city indicator that may be not applicable: N disables its levels, and the
		// focus moves to its not-applicable box instead of being lost.
		const naCard = page.locator('article.indicator:has(input[data-not-applicable])').first();
		const naId = (await naCard.getAttribute('data-indicator'))!;
		await naCard.locator('input[type=radio]').first().focus();
		await page.keyboard.press('n');
		await expect.poll(() => focused(page)).toBe(`${naId}|checkbox|on`);
		await savedState(page);
		expect((await stored(page, id)).answers[naId]!.notApplicable).toBe(true);
		await page.keyboard.press('n');
		await expect.poll(() => focused(page)).toBe(`${naId}|radio|0`);

		// U: the next unanswered indicator after the current one.
		await card(page, 0).locator('input[type=radio][value="3"]').focus();
		await page.keyboard.press('u');
		await expect.poll(() => focused(page)).toBe(`${second}|radio|0`);

		// 清除作答 disappears with the answer; the focus stays on the indicator.
		await card(page, 0).locator('input[type=radio][value="3"]').focus();
		await page.keyboard.press('2');
		await card(page, 0).getByRole('button', { name: '清除作答' }).click();
		await expect.poll(() => focused(page)).toBe(`${first}|radio|0`);
	});

	it('never answers from keys typed into a note or a figure', async () => {
		const { page, id } = await fillPage();
		const plain = page.locator('article.indicator:not(:has(input[type=number]))').first();
		const first = (await plain.getAttribute('data-indicator'))!;
		await plain.locator('input[type=radio][value="1"]').click();
		const metric = page.locator('article.indicator:has(input[type=number])').first();
		const metricId = (await metric.getAttribute('data-indicator'))!;
		await metric.locator('input[type=radio][value="2"]').click();
		await savedState(page);

		await plain.getByLabel('备注').focus();
		for (const key of ['4', '0', 'n', 'j', 'k', 'u', 'ArrowLeft', 'ArrowRight', 'ArrowDown'])
			await page.keyboard.press(key);
		await plain.getByLabel('备注').blur();
		await savedState(page);
		let now = await stored(page, id);
		expect(now.answers[first]).toMatchObject({ level: 1, notApplicable: false, note: '40njku' });

		// ↑/↓ would step a number field's value, and with it the suggested level: they do not.
		const figure = metric.locator('input[type=number]').first();
		await figure.focus();
		for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowUp', 'n', 'j', '1'])
			await page.keyboard.press(key);
		await expect(figure.inputValue()).resolves.toBe('1');
		expect((await stored(page, id)).answers[metricId]!.level).toBe(2);
		now = await stored(page, id);
		expect(now.answers[first]!.level).toBe(1);
	});

	it('coalesces held-down keys: one save for a held digit, N toggled once, J stopping at the end', async () => {
		const { page, id } = await fillPage();
		const first = await idOf(page, 0);
		await card(page, 0).locator('input[type=radio][value="0"]').focus();
		const start = (await stored(page, id)).revision;

		// A held key: the first keydown, then auto-repeats (repeat = true).
		for (let i = 0; i < 30; i++) await page.keyboard.down('3');
		await page.keyboard.up('3');
		await savedState(page);
		let now = await stored(page, id);
		expect(now.answers[first]!.level).toBe(3);
		expect(now.revision - start).toBe(1);

		const naCard = page.locator('article.indicator:has(input[data-not-applicable])').first();
		const naId = (await naCard.getAttribute('data-indicator'))!;
		await naCard.locator('input[type=radio]').first().focus();
		for (let i = 0; i < 30; i++) await page.keyboard.down('n');
		await page.keyboard.up('n');
		await savedState(page);
		expect((await stored(page, id)).answers[naId]!.notApplicable).toBe(true);

		// Twenty different digits in one task, faster than any save: stored once or twice, the
		// last one wins.
		const before = (await stored(page, id)).revision;
		await card(page, 0).locator('input[type=radio][value="3"]').focus();
		await page.evaluate(() => {
			for (let i = 0; i < 20; i++)
				document.activeElement!.dispatchEvent(
					new KeyboardEvent('keydown', { key: String(i % 5), bubbles: true, cancelable: true })
				);
		});
		await savedState(page);
		now = await stored(page, id);
		expect(now.answers[first]!.level).toBe(4);
		expect(now.revision - before).toBeGreaterThanOrEqual(1);
		expect(now.revision - before).toBeLessThanOrEqual(2);

		// J held far past the number of indicators ends on the last one, no answer changed.
		const answers = now.answers;
		for (let i = 0; i < 150; i++) await page.keyboard.down('j');
		await page.keyboard.up('j');
		const last = await page.locator('article.indicator').last().getAttribute('data-indicator');
		await expect.poll(() => focused(page).then((f) => f.split('|')[0])).toBe(last);
		await page.waitForTimeout(0);
		expect((await stored(page, id)).answers).toEqual(answers);
	});

	it('shows the list of keys, and has no accessibility violations with answers present', async () => {
		const { page } = await fillPage();
		for (const level of [2, 3, 1]) {
			await page.keyboard.press(String(level));
			await page.keyboard.press('j');
		}
		await savedState(page);
		await page.keyboard.press('?');
		const help = page.getByTestId('key-help');
		await help.getByRole('heading', { name: '键盘操作' }).waitFor();
		await expect(help.getByRole('row').count()).resolves.toBeGreaterThanOrEqual(9);
		await help.getByRole('button', { name: '关闭' }).click();
		await expect(help.isVisible()).resolves.toBe(false);
		const violations = await axeViolations(page);
		expect(violations).toEqual([]);
	});
});
