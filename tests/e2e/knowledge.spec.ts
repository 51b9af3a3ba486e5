import { expect, test } from '@playwright/test';
import { titleOf } from '../support/content.ts';

test('entity pages list, automatically, the pages that mention them', async ({ page }) => {
	await page.goto('/people/stoke-space/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stoke Space');
	const mentions = page.getByRole('region', { name: 'Mentioned in' }).getByRole('link');
	expect(await mentions.count()).toBeGreaterThan(2);
	await expect(mentions.filter({ hasText: titleOf('rocketry/stoke-space') })).toHaveCount(1);
	await expect(page.getByRole('region', { name: 'References' }).getByRole('listitem').first()).toBeVisible();

	// Following a backlink finds the entity linked in that page's text.
	await mentions.filter({ hasText: titleOf('rocketry/stoke-space') }).click();
	await expect(page.locator('article a.entity[href$="/people/stoke-space/"]').first()).toBeVisible();
});

test('claim markers are visible text, so screen readers hear them', async ({ page }) => {
	await page.goto('/story/');
	const reported = page.locator('.claim-reported').first();
	await expect(reported).toBeVisible();
	await expect(reported).toContainText('Reported:');
	await expect(page.getByRole('complementary', { name: /^Sources disagree/ }).first()).toBeVisible();
});

test.describe('timeline', () => {
	const shown = (page: import('@playwright/test').Page) => page.locator('.event:visible');

	test('filters by theme with JavaScript and keeps the choice in the URL', async ({ page }) => {
		await page.goto('/timeline/');
		const all = await shown(page).count();
		expect(all).toBeGreaterThanOrEqual(30);
		await expect(page.getByText(`${all} of ${all} events shown`)).toBeVisible();
		await page.getByRole('radio', { name: 'Rivalry' }).check();
		const rivalry = await shown(page).count();
		expect(rivalry).toBeGreaterThan(0);
		expect(rivalry).toBeLessThan(all);
		for (const themes of await shown(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.themes)))
			expect(themes!.split(' ')).toContain('rivalry');
		await expect(page).toHaveURL(/\?theme=rivalry$/);
		await expect(page.getByText(`${rivalry} of ${all} events shown`)).toBeVisible();
		await page.goBack();
		await expect(page.getByRole('radio', { name: 'All themes' })).toBeChecked();
		expect(await shown(page).count()).toBe(all);
	});

	test('shows everything, and still filters, without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/timeline/');
		const all = await page.locator('.event').count();
		expect(await shown(page).count()).toBe(all);
		await page.getByRole('radio', { name: 'Rocketry' }).check();
		const rocketry = await shown(page).count();
		expect(rocketry).toBeGreaterThan(0);
		expect(rocketry).toBeLessThan(all);
		await context.close();
	});

	test('each event cites a source and links to the pages that discuss it', async ({ page }) => {
		await page.goto('/timeline/');
		const first = page.locator('.event').first();
		await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}/);
		await first.getByRole('link').first().click();
		await expect(page).toHaveURL(/\/sources\/#source-s\d+/);
		const id = new URL(page.url()).hash.slice(1);
		await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
	});
});

test('charts have accessible names and data tables', async ({ page }) => {
	for (const [path, name] of [
		['/rocketry/launch-economics/', /Launch cost per kilogram/],
		['/space-data-centres/power-demand-on-earth/', /Data-centre electricity use/],
		['/timeline/', /Timeline events per year/],
	] as const) {
		await page.goto(path);
		const img = page.getByRole('img', { name });
		await expect(img).toBeVisible();
		expect(await img.getAttribute('aria-description') ?? '').not.toBe('');
		const figure = page.locator('figure.chart').filter({ has: img });
		await figure.getByText(/^Data table:/).click();
		const table = figure.getByRole('table');
		await expect(table).toBeVisible();
		expect(await table.getByRole('row').count()).toBeGreaterThan(2);
		expect(await page.locator('script:not([type="application/ld+json"])').evaluateAll((s) => s.filter((x) => x.closest('figure')).length)).toBe(0);
	}
});

test('the sources page groups sources and lists what cites each', async ({ page }) => {
	await page.goto('/sources/');
	expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(4);
	const entry = page.locator('#source-s33');
	await expect(entry).toContainText('Cited by:');
	await entry.getByRole('link', { name: titleOf('rocketry/launch-economics') }).click();
	await expect(page).toHaveURL(/\/rocketry\/launch-economics\/$/);
});
