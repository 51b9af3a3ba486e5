import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { searchInDialog, watchErrors } from './support.ts';
import { headingsOf, themeTitles, titleOf } from '../support/content.ts';

// Expectations come from the content at test time: a page's title and a heading it has, not its sentences.
const NOVA = titleOf('rocketry/nova');
const NOVA_HEADING = headingsOf('rocketry/nova')[0]!;

const status = (scope: Page | import('@playwright/test').Locator) => scope.getByRole('status');

test('the search page finds a known page', async ({ page }) => {
	const noErrors = watchErrors(page);
	await page.goto('/search/');
	await page.getByRole('searchbox', { name: 'Search the atlas' }).fill(NOVA);
	const results = page.locator('main .result > a');
	await expect(results.first()).toHaveText(NOVA);
	await expect(results.filter({ hasText: NOVA })).toHaveCount(1);
	await expect(status(page.getByRole('main'))).toHaveText(new RegExp(`^\\d+ results? for “${NOVA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”\\.$`));
	noErrors();
});

test('keyboard only: open with "/", arrow to a sub-result, Enter lands on the highlighted heading', async ({ page }) => {
	await page.goto('/rivalry/lawsuits/');
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('searchbox')).toBeFocused();
	await page.keyboard.type(NOVA_HEADING);
	const sub = dialog.locator('.sub a').first();
	await expect(sub).toBeVisible();
	await page.keyboard.press('ArrowDown');
	await expect(dialog.locator('.result > a').first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(sub).toBeFocused();
	const href = (await sub.getAttribute('href'))!;
	expect(href).toMatch(/\?highlight=.+#.+/);
	await page.keyboard.press('Enter');
	await page.waitForURL(/highlight=/);
	const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
	await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
	await expect(page.locator('article mark').first()).toBeVisible();
});

test('reopening the dialog keeps the results as they were, so a reader can arrow straight into them', async ({ page }) => {
	await page.goto('/rivalry/lawsuits/');
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await page.keyboard.type(NOVA_HEADING);
	const first = dialog.locator('.result > a').first();
	await expect(first).toBeVisible();
	// Pagefind's own list, not the early first result it replaces when it arrives (search-first-result.spec.ts).
	await expect(dialog.getByRole('status')).toHaveText(/^\d+ results? for “/);
	await expect(dialog.locator('[data-provisional]')).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await page.evaluate(() => {
		const w = window as unknown as { __lists: number };
		w.__lists = 0;
		new MutationObserver((records) => {
			for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'OL') w.__lists++;
		}).observe(document.querySelector('dialog [data-results]')!, { childList: true });
	});
	await page.keyboard.press('/');
	await expect(dialog.getByRole('searchbox')).toHaveValue(NOVA_HEADING);
	await page.keyboard.press('ArrowDown');
	await expect(first).toBeFocused();
	await page.waitForLoadState('networkidle');
	await expect(first).toBeFocused();
	expect(await page.evaluate(() => (window as unknown as { __lists: number }).__lists)).toBe(0);
});

test('Ctrl+K and the header button open the dialog; Escape closes it and focus returns', async ({ page }) => {
	await page.goto('/rocketry/');
	const entry = page.getByRole('button', { name: 'Search' });
	await entry.focus();
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(entry).toBeFocused();
	await entry.click();
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Close search' }).click();
	await expect(dialog).toBeHidden();
});

test('"/" typed into a field does not open search', async ({ page }) => {
	await page.goto('/no-such-page/');
	const field = page.getByRole('main').getByRole('searchbox');
	await field.fill('a/b');
	await expect(field).toHaveValue('a/b');
	await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
});

test('results show title, theme and marked excerpt; a title match ranks first', async ({ page }) => {
	await page.goto('/');
	const dialog = await searchInDialog(page, 'lawsuits');
	const first = dialog.locator('.result').first();
	await expect(first.locator('> a')).toHaveText(/^The lawsuits/);
	await expect(first.locator('.theme')).toHaveText('Rivalry');
	await expect(first.locator('.excerpt mark').first()).toBeVisible();
	await expect(status(dialog)).toHaveAttribute('aria-live', 'polite');
});

test('theme facets show counts that match the results, with or without a query', async ({ page }) => {
	await page.goto('/search/');
	const main = page.getByRole('main');
	await main.getByRole('searchbox').fill('Musk');
	await expect(status(main)).toHaveText(/^\d+ results for “Musk”\.$/);
	const facet = main.getByRole('radio', { name: /Rivalry/ });
	const label = facet.locator('xpath=..');
	await expect(label).toHaveText(/\(\d+\)/);
	const count = Number((await label.textContent())!.match(/\((\d+)\)/)![1]);
	expect(count).toBeGreaterThan(0);
	await facet.check();
	await expect(status(main)).toHaveText(new RegExp(`^${count} results? for “Musk” in Rivalry\\.$`));
	for (const t of await main.locator('.result .theme').allTextContents()) expect(t).toBe('Rivalry');

	// Browse a theme without a query.
	await main.getByRole('searchbox').fill('');
	await expect(status(main)).toContainText(/\d+ results? in Rivalry/);
	const rivalryPages = Number((await label.textContent())!.match(/\((\d+)\)/)![1]);
	await expect(status(main)).toHaveText(new RegExp(`^${rivalryPages} results? in Rivalry\\.$`));
});

test('the search page keeps its state in the URL; back and forward restore it', async ({ page }) => {
	await page.goto('/search/?q=Starship&theme=rocketry');
	const main = page.getByRole('main');
	await expect(main.getByRole('searchbox')).toHaveValue('Starship');
	await expect(main.getByRole('radio', { name: /Rocketry/ })).toBeChecked();
	await expect(main.locator('.result').first()).toBeVisible();
	await main.getByRole('radio', { name: /Rivalry/ }).check();
	await expect(page).toHaveURL(/theme=rivalry(&|$)/);
	await page.goBack();
	await expect(page).toHaveURL(/theme=rocketry(&|$)/);
	await expect(main.getByRole('radio', { name: /Rocketry/ })).toBeChecked();
	await page.goForward();
	await expect(main.getByRole('radio', { name: /Rivalry/ })).toBeChecked();
});

test('more than ten results: "Show more" adds the next ones and keeps the keyboard in place', async ({ page }) => {
	await page.goto('/search/?q=Musk');
	const main = page.getByRole('main');
	await expect(status(main)).toContainText(/\d+ results/);
	const total = Number((await status(main).textContent())!.match(/(\d+) results/)![1]);
	expect(total).toBeGreaterThan(10);
	await expect(main.locator('.result')).toHaveCount(10);
	await main.getByRole('button', { name: /Show more results/ }).click();
	await expect(main.locator('.result')).toHaveCount(Math.min(total, 20));
	await expect(main.locator('.result').nth(10).locator('> a')).toBeFocused();
});

test('the dialog offers the search page with the same query', async ({ page }) => {
	await page.goto('/');
	const dialog = await searchInDialog(page, 'Blue Origin');
	await expect(dialog.locator('.result').first()).toBeVisible();
	await dialog.getByRole('link', { name: 'Open in the search page' }).click();
	await expect(page).toHaveURL(/\/search\/\?q=Blue\+Origin/);
	await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('Blue Origin');
});

test('no results suggests the themes', async ({ page }) => {
	await page.goto('/search/?q=qwxzvbk');
	const main = page.getByRole('main');
	await expect(status(main)).toContainText('No results');
	await expect(main.locator('[data-results]').getByRole('link', { name: 'Rocketry' })).toBeVisible();
});

const payloads = [
	'<img src=x onerror="window.__xss=1">',
	'"><script>window.__xss=1</script>',
	"'; window.__xss=1; '",
	'<svg/onload=window.__xss=1>',
	'x'.repeat(10_000),
	'🚀 مرحبا بالعالم Stoke',
];
for (const payload of payloads) {
	test(`odd input is text, never markup: ${payload.slice(0, 24)}`, async ({ page }) => {
		const noErrors = watchErrors(page);
		await page.goto(`/search/?q=${encodeURIComponent(payload)}`);
		const main = page.getByRole('main');
		await expect(status(main)).not.toBeEmpty();
		const dialog = await searchInDialog(page, payload);
		await expect(status(dialog)).not.toBeEmpty();
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(await page.locator('main [data-results] img, main [data-results] svg, main [data-results] script, dialog [data-results] img').count()).toBe(0);
		noErrors();
	});
}

test('without JavaScript, the search page explains and lists every page A–Z', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('link', { name: 'Search', exact: true }).first().click();
	await expect(page).toHaveURL(/\/search\/$/);
	// Playwright's text locators skip <noscript>, so find the message by its class.
	await expect(page.locator('.nojs')).toBeVisible();
	await expect(page.locator('.nojs')).toContainText('Search needs JavaScript');
	const index = page.getByRole('region', { name: 'All pages, A–Z' });
	for (const name of themeTitles()) await expect(index.getByRole('heading', { name, exact: true })).toBeVisible();
	await expect(index.getByRole('link', { name: NOVA })).toBeVisible();
	await context.close();
});

test('a missing index shows a clear message, not a dead box', async ({ page }) => {
	await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.goto('/');
	const dialog = await searchInDialog(page, 'Stoke');
	await expect(status(dialog)).toHaveText('Search is unavailable right now.');
	await expect(dialog.getByText('The search index could not be loaded')).toBeVisible();
	await expect(dialog.locator('[data-results]').getByRole('link', { name: 'Rocketry' })).toBeVisible();
});

test('the open dialog passes axe', async ({ page }) => {
	await page.goto('/');
	const dialog = await searchInDialog(page, 'Stoke');
	await expect(dialog.locator('.result').first()).toBeVisible();
	const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
