/**
 * The subjects list with more subjects than fit one page, in a real browser: it shows 50 at a
 * time with the count, search and filters cover every subject, the pager works from the keyboard
 * without losing focus, the place in the list survives opening a subject and coming back, scores
 * of a device from before summaries are recomputed (shown as being computed, never as an old
 * number), and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { openApp, type E2EApp } from '../support/e2e';
import { cityRecords, seedRecords } from '../support/many-subjects';

const COUNT = 120;
let app: E2EApp;
const records = cityRecords(COUNT);

/** The score the list must show for city n: the one computed in Node by the same scoring code. */
function expectedScore(n: number) {
	const subject = records.find(([key]) => key === `subject:s${n}`)![1] as {
		summary: { latest: { score: number } };
	};
	return subject.summary.latest.score.toFixed(1);
}

beforeAll(async () => {
	app = await openApp();
	await app.page.goto(`${app.url}/`);
	await seedRecords(app.page, records);
});
afterAll(async () => {
	await app?.close();
});

describe('the subjects list, paged', () => {
	it('shows 50 of all subjects with the count, and recomputes missing score summaries', async () => {
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		const showing = page.getByTestId('subjects-showing');
		await expect(showing.textContent()).resolves.toContain(`第 1–50 个，共 ${COUNT} 个对象`);
		await expect(page.getByTestId('subject-count').textContent()).resolves.toContain(
			`共 ${COUNT} 个对象`
		);
		const rows = page.locator('[data-testid="subjects-table"] tbody tr');
		await expect(rows.count()).resolves.toBe(50);
		// Newest change first: city 119 leads. Its score appears once its summary is computed.
		const first = rows.first();
		await expect(first.locator('td').first().textContent()).resolves.toContain('城市0119');
		await first
			.locator('td.num')
			.first()
			.filter({ hasText: expectedScore(119) })
			.waitFor();
		await page.getByText('正在更新得分摘要').waitFor({ state: 'detached' });
		await expect(page.locator('tbody').textContent()).resolves.not.toContain('计算中');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('turns pages from the keyboard, keeping focus, and keeps the place in the address', async () => {
		const { page } = app;
		await page.goto(`${app.url}/assessments/`);
		const showing = page.getByTestId('subjects-showing');
		await showing.filter({ hasText: '第 1–50 个' }).waitFor();
		const pager = page.getByRole('navigation', { name: '分页' });
		await pager.getByRole('button', { name: '下一页' }).focus();
		await page.keyboard.press('Enter');
		await showing.filter({ hasText: `第 51–100 个，共 ${COUNT} 个对象` }).waitFor();
		expect(new URL(page.url()).searchParams.get('page')).toBe('2');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('下一页');
		await page.keyboard.press('Enter');
		await showing.filter({ hasText: `第 101–${COUNT} 个` }).waitFor();
		await expect(page.locator('[data-testid="subjects-table"] tbody tr').count()).resolves.toBe(
			COUNT - 100
		);
		// On the last page "next" does nothing, and focus stays where it was.
		const next = pager.getByRole('button', { name: '下一页' });
		await expect(next.getAttribute('aria-disabled')).resolves.toBe('true');
		await page.keyboard.press('Enter');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('下一页');
		await expect(showing.textContent()).resolves.toContain(`第 101–${COUNT} 个`);
		expect(await axeViolations(page)).toEqual([]);

		// Open a subject on page 2 and come back: the list is where it was.
		await pager.getByRole('button', { name: '上一页' }).click();
		await showing.filter({ hasText: '第 51–100 个' }).waitFor();
		await page.getByRole('link', { name: '城市0060' }).click();
		await page.waitForURL(/\/subject\/\?id=s60/);
		await page.goBack();
		await showing.filter({ hasText: '第 51–100 个' }).waitFor();
		await page.getByRole('link', { name: '城市0060' }).waitFor();
	});

	it('searches every subject, not only the page shown, and starts again on page 1', async () => {
		const { page } = app;
		await page.goto(`${app.url}/assessments/?page=3`);
		const showing = page.getByTestId('subjects-showing');
		await showing.filter({ hasText: '第 101–' }).waitFor();
		// City 5 is on the last page; the search finds it from page 3 and shows page 1 of one.
		await page.getByRole('searchbox').fill('城市0005');
		await page.getByTestId('subject-count').filter({ hasText: '共 1 个对象' }).waitFor();
		await page.getByRole('link', { name: '城市0005' }).waitFor();
		// One page: its count stands beside the filters once, not again above the table.
		await expect(showing.count()).resolves.toBe(0);
		expect(new URL(page.url()).searchParams.get('q')).toBe('城市0005');
		expect(new URL(page.url()).searchParams.get('page')).toBeNull();
		await expect(page.getByRole('navigation', { name: '分页' }).count()).resolves.toBe(0);
		await page.getByRole('searchbox').fill('城市01');
		await page.getByTestId('subject-count').filter({ hasText: '共 20 个对象' }).waitFor();
	});
});
