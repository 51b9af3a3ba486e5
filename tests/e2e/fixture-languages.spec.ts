/**
 * Languages are data. The fixture site adds a right-to-left language (Arabic) with an entry in
 * languages.yaml, its strings file and one translated page, and no code: under a sub-path, the translated
 * page is served in Arabic, right to left; a page without a translation is built at its Arabic URL from the
 * English text, marked as English, with a notice; and when the English page changes, its translation says
 * it is outdated, on the page and on /translations/. Deleting the translation brings the fallback back.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableFixture, type EditableFixture } from '../support/fixture.ts';

test.describe.configure({ mode: 'serial' });
let site: EditableFixture;
const BASE = '/sub/';
const url = (path: string) => site.url(path);
const TRANSLATION = 'src/content/translations/ar/delta/first.mdx';
const ENGLISH = 'src/content/docs/delta/first.mdx';
const notice = (page: Page) => page.locator('[data-translation-notice]');

test.beforeAll(async () => {
	test.setTimeout(180_000);
	site = editableFixture('four-themes', BASE);
	await site.build();
});
test.afterAll(async () => site?.close());

test('a right-to-left language added as data is served in its language and direction, under the base path', async ({ page }) => {
	await page.goto(url('/ar/delta/first/'));
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('دلتا الأولى');
	await expect(notice(page)).toHaveCount(0);
	// Links stay in the language and under the base; the English page is one switch away.
	const home = await page.getByRole('banner').getByRole('link').first().getAttribute('href');
	expect(home).toBe('/sub/ar/');
	await expect(page.locator('link[rel="alternate"][hreflang="en-GB"]')).toHaveAttribute('href', /\/sub\/delta\/first\/$/);
	// Laid out right to left without spilling sideways, on a phone.
	await page.setViewportSize({ width: 375, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('a page with no translation is built at its localized URL from the English text, marked, with a notice', async ({ page }) => {
	const response = await page.goto(url('/ar/alpha/first/'));
	expect(response?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(notice(page)).toHaveAttribute('data-translation-notice', 'fallback');
	await expect(page.locator('article')).toHaveAttribute('lang', 'en-GB');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha first');
	await expect(notice(page).getByRole('link')).toHaveAttribute('href', '/sub/alpha/first/');
});

test('changing the English page marks its translation outdated, on the page and on /translations/', async ({ page }) => {
	test.setTimeout(180_000);
	writeFileSync(join(site.dir, ENGLISH), `${readFileSync(join(site.dir, ENGLISH), 'utf8')}\nCranes also rest at night<Cite id="f2" />.\n`);
	await site.build();
	await page.goto(url('/ar/delta/first/'));
	await expect(notice(page)).toHaveAttribute('data-translation-notice', 'outdated');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('دلتا الأولى');
	await page.goto(url('/translations/'));
	await expect(page.getByRole('row', { name: /delta\/first/ }).locator('td')).toHaveAttribute('data-state', 'outdated');
	await expect(page.getByRole('row', { name: /alpha\/first/ }).locator('td')).toHaveAttribute('data-state', 'missing');
});

test('deleting a translation builds the marked English fallback in its place', async ({ page }) => {
	test.setTimeout(180_000);
	rmSync(join(site.dir, TRANSLATION));
	await site.build();
	await page.goto(url('/ar/delta/first/'));
	await expect(notice(page)).toHaveAttribute('data-translation-notice', 'fallback');
	await expect(page.locator('article')).toHaveAttribute('lang', 'en-GB');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta first');
});
