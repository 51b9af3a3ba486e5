/**
 * Themes and standalone pages are data: a fixture site with a fourth theme (a folder and an entry in
 * themes.yaml, nothing else) and a second standalone page gets them everywhere a reader looks — home,
 * navigation, listing, timeline filter (with and without JavaScript), chart, sources and search.
 */
import { expect, test } from '@playwright/test';
import { buildFixture, type FixtureSite } from '../support/fixture.ts';

test.describe.configure({ mode: 'serial' });
let site: FixtureSite;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	site = await buildFixture('four-themes', { BASE_PATH: '/sub/' });
});
test.afterAll(async () => site?.close());

const themes = ['Alpha engines', 'Beta orbits', 'Gamma courts', 'Delta harbours'];

test('the home page and the navigation list all four themes, and both standalone pages', async ({ page }) => {
	await page.goto(site.url('/'));
	const cards = page.getByRole('main').getByRole('region', { name: 'Themes' }).getByRole('heading', { level: 3 });
	await expect(cards).toHaveText(themes);
	await page.goto(site.url('/delta/first/'));
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.locator('.themes > li > a')).toHaveText(themes);
	await expect(nav.getByRole('link', { name: 'Delta first' })).toHaveAttribute('aria-current', 'page');
	await expect(nav.locator('.extras a').first()).toHaveText('About the fixture');
	await nav.getByRole('link', { name: 'About the fixture' }).click();
	await expect(page).toHaveURL(site.url('/about/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the fixture');
});

test("the fourth theme's listing lists its pages", async ({ page }) => {
	await page.goto(site.url('/delta/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta harbours');
	await expect(page.getByRole('main').locator('.page-list > li a')).toHaveText(['Delta first']);
});

test('the timeline filters by the fourth theme without JavaScript, and its chart has a series for it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(site.url('/timeline/'));
	await expect(page.getByRole('radio')).toHaveCount(themes.length + 1);
	await expect(page.locator('.event:visible')).toHaveCount(4);
	await page.getByRole('radio', { name: 'Delta harbours' }).check();
	await expect(page.locator('.event:visible')).toHaveCount(1);
	await expect(page.locator('.event:visible')).toContainText('A Delta event after the article.');
	await expect(page.locator('.year:visible h2')).toHaveText(['2025']);
	await expect(page.locator('figure.chart thead th')).toHaveText(['Year', ...themes]);
	const fills = await page.locator('figure.chart svg rect[fill]').evaluateAll((rs) => [...new Set(rs.map((r) => r.getAttribute('fill')))]);
	expect(fills).toContain('var(--oca-theme-delta)');
	await context.close();
});

test('sources are grouped by theme, the fourth included, and empty groups are left out', async ({ page }) => {
	await page.goto(site.url('/sources/'));
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['The story and its coverage', 'Delta harbours']);
	await expect(page.getByRole('region', { name: 'Delta harbours' }).getByRole('listitem')).toHaveCount(1);
});
