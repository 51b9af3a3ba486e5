import { themeTitles } from '../support/content.ts';
import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

test('a reader goes home → theme → page, then next and previous', async ({ page }) => {
	const noErrors = watchErrors(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orbital Compute Atlas');
	const cards = page.getByRole('region', { name: 'Themes' }).getByRole('listitem');
	await expect(cards).toHaveCount(3);
	await expect(cards.first()).toContainText(/\d+ pages/);

	await page.getByRole('link', { name: 'Rocketry', exact: true }).first().click();
	await expect(page).toHaveURL(/\/rocketry\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rocketry');
	const list = page.locator('main ol.page-list > li');
	expect(await list.count()).toBeGreaterThanOrEqual(6);
	const firstTitle = (await list.first().getByRole('link').textContent())!.trim();
	const secondTitle = (await list.nth(1).getByRole('link').textContent())!.trim();

	await list.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
	const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
	await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Rocketry']);
	await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText(firstTitle);
	await expect(page.getByText(/^Last updated/)).toBeVisible();

	const pager = page.getByRole('navigation', { name: 'Previous and next pages' });
	await expect(pager.locator('a[rel="prev"]')).toHaveCount(0);
	await pager.locator('a[rel="next"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);
	await page.getByRole('navigation', { name: 'Previous and next pages' }).locator('a[rel="prev"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
	noErrors();
});

test('the sidebar expands only the current theme', async ({ page }) => {
	await page.goto('/space-data-centres/the-case-for/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Rocketry', exact: true })).toBeVisible();
	await expect(nav.locator('a[href$="/rocketry/nova/"]')).toHaveCount(0);
	await expect(nav.locator('a[href$="/space-data-centres/real-projects/"]')).toHaveCount(1);
});

test('citations open their source, which links to the numbered reference list, and related pages follow', async ({ page }) => {
	await page.goto('/rocketry/nova/');
	const refs = page.getByRole('region', { name: 'References' });
	await expect(refs.getByRole('listitem').first()).toBeVisible();
	const cite = page.locator('article sup.cite button').first();
	await expect(cite).toHaveText('[1]');
	await cite.click();
	await page.locator('.source-popover:popover-open').getByRole('link', { name: 'All references' }).click();
	await expect(refs.getByRole('listitem').first()).toBeInViewport();
	expect(await page.evaluate(() => location.hash)).toMatch(/^#ref-s/);
	await expect(page.getByRole('navigation', { name: 'Related pages' }).getByRole('link').first()).toBeVisible();
});

test('the 404 page helps a lost reader', async ({ page }) => {
	const response = await page.goto('/no/such/page/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	for (const name of themeTitles()) await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible();
	await page.getByRole('main').getByRole('searchbox').fill('Stoke');
	await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/search\/\?q=Stoke/);
});

test('every page carries its metadata', async ({ page, request }) => {
	await page.goto('/rocketry/nova/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	await expect(page).toHaveTitle(/Nova.*\| Orbital Compute Atlas/);
	for (const sel of ['meta[name="description"]', 'link[rel="canonical"]', 'meta[property="og:title"]', 'meta[property="og:description"]', 'meta[name="twitter:card"]', 'link[rel="icon"][type="image/svg+xml"]'])
		await expect(page.locator(sel)).toHaveCount(1);
	expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/rocketry\/nova\/$/);
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap-index\.xml/);
	expect((await request.get('/favicon.svg')).ok()).toBe(true);
});
