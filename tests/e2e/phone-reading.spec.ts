/**
 * Reading on a phone: a citation opens its source where it is read (a native popover, with or without
 * JavaScript, by mouse, touch and keyboard), and the reader's likely next page is fetched ahead, except when
 * the reader has asked to save data.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/rocketry/nova/';
const firstNumber = (page: Page) => page.locator('article sup.cite button').first();
const openPopover = (page: Page) => page.locator('.source-popover:popover-open');

test('a citation number opens its source beside it; Escape, a click outside and the number again close it', async ({ page }) => {
	await page.goto(ARTICLE);
	const number = firstNumber(page);
	await expect(number).toHaveText('[1]');
	const name = (await number.getAttribute('aria-label'))!.replace(/^Source 1: /, '');
	await number.click();
	const popover = openPopover(page);
	await expect(popover).toHaveCount(1);
	await expect(popover).toContainText('Source 1');
	await expect(popover).toContainText(name);
	await expect(popover.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
	// Anchored to the number: it opens just below (or, with no room, just above) it, overlapping it sideways.
	const [n, p] = [(await number.boundingBox())!, (await popover.boundingBox())!];
	expect(Math.min(Math.abs(p.y - (n.y + n.height)), Math.abs(p.y + p.height - n.y))).toBeLessThan(24);
	expect(p.x).toBeLessThan(n.x + n.width);
	expect(p.x + p.width).toBeGreaterThan(n.x);
	await page.keyboard.press('Escape');
	await expect(openPopover(page)).toHaveCount(0);
	await number.click();
	await expect(openPopover(page)).toHaveCount(1);
	await page.mouse.click(5, 300);
	await expect(openPopover(page)).toHaveCount(0);
	await number.click();
	await expect(openPopover(page)).toHaveCount(1);
	await number.click();
	await expect(openPopover(page)).toHaveCount(0);
});

test('by keyboard, the focus moves into the source and back to its number', async ({ page }) => {
	await page.goto(ARTICLE);
	const number = firstNumber(page);
	await number.focus();
	await page.keyboard.press('Enter');
	const popover = openPopover(page);
	await expect(popover).toBeFocused();
	await expect(popover).toHaveAccessibleName('Source 1');
	await page.keyboard.press('Escape');
	await expect(openPopover(page)).toHaveCount(0);
	await expect(number).toBeFocused();
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
	test('a tap opens the source within the screen, and a tap outside closes it', async ({ page }) => {
		await page.goto(ARTICLE);
		const number = firstNumber(page);
		await number.tap();
		const popover = openPopover(page);
		await expect(popover).toHaveCount(1);
		const box = (await popover.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		await page.touchscreen.tap(10, 800);
		await expect(openPopover(page)).toHaveCount(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the number still opens and closes its source', async ({ page }) => {
		await page.goto(ARTICLE);
		const number = firstNumber(page);
		await number.click();
		await expect(openPopover(page)).toHaveCount(1);
		await page.keyboard.press('Escape');
		await expect(openPopover(page)).toHaveCount(0);
	});
});

test('axe finds nothing with a source open, light and dark', async ({ page }) => {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.goto(ARTICLE);
		await firstNumber(page).click();
		await expect(openPopover(page)).toHaveCount(1);
		const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
		expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
	}
});

/** The site's pages requested by the page itself (not the page the browser navigated to). */
function pagesFetchedAhead(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (r.frame() === page.mainFrame() && r.isNavigationRequest()) return;
		if (url.pathname.endsWith('/') && !url.pathname.startsWith('/pagefind/')) seen.push(url.pathname);
	});
	return seen;
}

test('the pager’s pages are fetched ahead once the reader reaches it, and a link the pointer rests on', async ({ page }) => {
	const ahead = pagesFetchedAhead(page);
	await page.goto(ARTICLE);
	const next = new URL((await page.locator('.prev-next a[rel="next"]').getAttribute('href'))!, page.url()).pathname;
	await page.waitForTimeout(500);
	expect(ahead, 'nothing is fetched before the reader reaches the pager').toEqual([]);
	await page.locator('.prev-next').scrollIntoViewIfNeeded();
	await expect.poll(() => ahead).toContain(next);
	const related = page.getByRole('navigation', { name: 'Related pages' }).getByRole('link').first();
	const target = new URL((await related.getAttribute('href'))!, page.url()).pathname;
	await related.hover();
	await expect.poll(() => ahead).toContain(target);
	expect(ahead.some((p) => p.startsWith('/pagefind'))).toBe(false);
	// The next page then opens from the cache.
	await page.locator('.prev-next a[rel="next"]').click();
	await expect(page).toHaveURL(new RegExp(`${next}$`));
});

test('nothing is fetched ahead when the reader has asked to save data', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {} }) });
	});
	const ahead = pagesFetchedAhead(page);
	await page.goto(ARTICLE);
	await page.locator('.prev-next').scrollIntoViewIfNeeded();
	await page.getByRole('navigation', { name: 'Related pages' }).getByRole('link').first().hover();
	await page.waitForTimeout(1000);
	expect(ahead).toEqual([]);
});
