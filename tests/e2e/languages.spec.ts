/**
 * The atlas in every language of languages.yaml: each English page at the same path under /es/ and /zh-cn/,
 * translated, in its language (`<html lang>`, hreflang alternates with x-default, a language switcher), the
 * sitemap listing the alternates, and search from a language's pages finding that language's pages only.
 */
import { expect, test } from '@playwright/test';
import { sitemapPaths, watchErrors } from './support.ts';
import { readContent, readStrings } from '../../src/lib/content-model.ts';
import { ROOT } from '../support/project.ts';
import { SHARED_PATHS } from '../../src/consts.ts';

const languages = readContent(ROOT).languages.map((l) => ({ id: l.id, lang: String(l.lang), name: String(l.name) }));
const [source, ...others] = languages;
const prefix = (id: string) => (id === source!.id ? '' : `/${id}`);
const isSourcePath = (path: string) => !others.some((l) => path.startsWith(`/${l.id}/`));

test('every page of the English sitemap is there in each language, translated, with lang and hreflang', async ({ request }) => {
	test.setTimeout(120_000);
	const all = await sitemapPaths(request);
	// Pages shared by every language (the data downloads) are served once, at the root.
	const english = all.filter((path) => isSourcePath(path) && !SHARED_PATHS.some((shared) => path.startsWith(shared)));
	expect(english.length).toBeGreaterThan(50);
	for (const language of others) {
		for (const path of english) {
			const localized = `${prefix(language.id)}${path}`;
			expect(all, `${localized} is in the sitemap`).toContain(localized);
			const response = await request.get(localized);
			expect(response.status(), localized).toBe(200);
			const html = await response.text();
			expect(html, `${localized}: <html lang>`).toContain(`<html lang="${language.lang}"`);
			expect(html, `${localized}: translated, not the English fallback`).not.toContain('data-translation-notice');
			for (const other of languages)
				expect(html, `${localized}: hreflang ${other.lang}`).toContain(`<link rel="alternate" hreflang="${other.lang}" href="http://localhost:4321${prefix(other.id)}${path}">`);
			expect(html, `${localized}: x-default`).toContain(`<link rel="alternate" hreflang="x-default" href="http://localhost:4321${path}">`);
			expect(html, `${localized}: canonical`).toContain(`<link rel="canonical" href="http://localhost:4321${localized}">`);
		}
	}
});

test('the sitemap lists each page with its alternates in every language', async ({ request }) => {
	const index = await (await request.get('/sitemap-index.xml')).text();
	const map = new URL([...index.matchAll(/<loc>([^<]+)<\/loc>/g)][0]![1]!).pathname;
	const xml = await (await request.get(map)).text();
	const entry = /<url><loc>http:\/\/localhost:4321\/rocketry\/nova\/<\/loc>(.*?)<\/url>/s.exec(xml)?.[1] ?? '';
	for (const language of languages) expect(entry).toContain(`hreflang="${language.lang}" href="http://localhost:4321${prefix(language.id)}/rocketry/nova/"`);
});

test('a reader switches language from the header, by keyboard, and lands on the same page and section', async ({ page }) => {
	const check = watchErrors(page);
	await page.goto('/es/rocketry/nova/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('El diseño de Nova');
	const switcher = page.getByRole('banner').locator('details.language-select');
	await switcher.locator('summary').focus();
	await page.keyboard.press('Enter');
	const chinese = switcher.getByRole('link', { name: '简体中文' });
	await expect(chinese).toBeVisible();
	await expect(switcher.getByRole('link', { name: 'Español' })).toHaveAttribute('aria-current', 'true');
	await chinese.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/zh-cn\/rocketry\/nova\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	// Translated sections keep the English anchors, so a link to a section works in every language.
	await page.goto('/zh-cn/rocketry/nova/#schedule-and-launch-site');
	await expect(page.locator('#schedule-and-launch-site')).toBeInViewport();
	await expect(page.locator('#schedule-and-launch-site')).not.toHaveText(/Schedule/);
	check();
});

test('interface, dates and claim tags are in the page\'s language', async ({ page }) => {
	for (const [id, horizon] of [['es', '5 de julio de 2026'], ['zh-cn', '2026年7月5日']] as const) {
		const t = readStrings(ROOT, id);
		await page.goto(`/${id}/rocketry/nova/`);
		await expect(page.locator('.page-dates')).toContainText(horizon);
		await expect(page.getByRole('navigation', { name: t['nav.breadcrumbs']! })).toBeVisible();
		await expect(page.locator('.claim-claim .label').first()).toHaveText(`${t['claim.claim']}:`);
		await expect(page.getByRole('heading', { name: t['page.references']! })).toBeVisible();
	}
});

for (const { lang, query, expected } of [
	{ lang: 'es', query: 'cohete reutilizable', expected: /\/es\// },
	{ lang: 'zh-cn', query: '火箭', expected: /\/zh-cn\// },
]) {
	test(`search from a ${lang} page finds ${lang} pages only`, async ({ page }) => {
		const check = watchErrors(page);
		await page.goto(`/${lang}/`);
		await page.getByRole('banner').locator('[data-open-search]').click();
		const dialog = page.locator('dialog[data-search-dialog]');
		await expect(dialog).toBeVisible();
		await dialog.getByRole('searchbox').fill(query);
		const results = dialog.locator('a[data-result]');
		await expect(results.first()).toBeVisible();
		const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(expected);
		check();
	});
}

test('the English search stays English', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('banner').locator('[data-open-search]').click();
	const dialog = page.locator('dialog[data-search-dialog]');
	await dialog.getByRole('searchbox').fill('reusable');
	const results = dialog.locator('a[data-result]');
	await expect(results.first()).toBeVisible();
	const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	for (const href of hrefs) expect(href).not.toMatch(/^\/(es|zh-cn)\//);
});

test('the translations status page lists every page in every language', async ({ page }) => {
	await page.goto('/translations/');
	await expect(page.getByRole('heading', { level: 1, name: 'Translations' })).toBeVisible();
	for (const language of others) await expect(page.getByRole('columnheader', { name: language.id, exact: true })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'rocketry/nova' })).toBeVisible();
	await expect(page.locator('td[data-state="current"]').first()).toBeVisible();
});
