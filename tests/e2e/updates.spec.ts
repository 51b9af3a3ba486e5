/**
 * Following the story: the home page's latest developments and /updates/ come from the data, newest first,
 * dated and linked; a page shows what changed on it; every page points feed readers at the feed.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from '../support/project.ts';
import { sitemapPaths } from './support.ts';
import { readData } from '../../src/lib/content-model.ts';

/** The languages served under a folder of their own (all but the first). */
const languageIds = readData(ROOT, 'languages').slice(1).map((l) => l.id);

interface Event { id: string; date: string; title: string; afterArticle?: boolean }
const events = load(readFileSync(join(ROOT, 'src/content/data/events.yaml'), 'utf8')) as Event[];
/** Events after the article, newest first, as the data says (a stable sort keeps the file's order on ties). */
const newest = events.filter((e) => e.afterArticle).reverse().sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

test('the home page shows the newest developments from the event data, dated and linked', async ({ page }) => {
	await page.goto('/');
	const latest = page.getByRole('region', { name: 'Latest developments' });
	const items = latest.locator('.update');
	await expect(items).toHaveCount(5);
	const texts = await items.locator('.what').allTextContents();
	const expected = newest.slice(0, 5);
	for (const [i, e] of expected.entries()) expect(texts[i]).toContain(e.title);
	expect(await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual(expected.map((e) => e.date));
	await latest.getByRole('link', { name: 'All updates' }).click();
	await expect(page).toHaveURL(/\/updates\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Updates');
});

test('/updates/ lists events and page changes newest first, each linked to a page that exists', async ({ page, request }) => {
	await page.goto('/updates/');
	const items = page.getByRole('main').locator('.update');
	const count = await items.count();
	expect(count).toBeGreaterThanOrEqual(newest.length);
	const dates = await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
	expect(dates).toEqual([...dates].sort().reverse());
	expect(await page.getByRole('main').locator('.update-page').count()).toBeGreaterThan(0);
	const hrefs = new Set(await items.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)));
	for (const path of hrefs) expect((await request.get(path)).status(), path).toBe(200);
});

test("a page's recorded changes stand at its foot, each with its date", async ({ page }) => {
	await page.goto('/updates/');
	const change = page.getByRole('main').locator('.update-page').first();
	const date = await change.locator('time').getAttribute('datetime');
	const note = (await change.locator('.what').textContent())!.split(': ').slice(1).join(': ').trim();
	await change.getByRole('link').click();
	const foot = page.getByRole('region', { name: 'What changed on this page' });
	const line = foot.getByRole('listitem').filter({ hasText: note });
	await expect(line).toHaveCount(1);
	await expect(line.locator('time')).toHaveAttribute('datetime', date!);
});

test('every page links the feed in its head', async ({ page, request }) => {
	const paths = await sitemapPaths(request);
	expect(paths.length).toBeGreaterThan(60);
	for (const path of paths) {
		const html = await (await request.get(path)).text();
		// Each language's pages link its own feed: /rss.xml, /es/rss.xml, …
		const language = /^\/([a-z-]+)\//.exec(path)?.[1];
		const feed = languageIds.includes(language ?? '') ? `/${language}/rss.xml` : '/rss.xml';
		expect(html, path).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="http://localhost:\\d+${feed.replace(/\./g, '\\.')}">`));
	}
	await page.goto('/');
	const feed = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
	expect((await request.get(new URL(feed!).pathname)).headers()['content-type']).toMatch(/xml/);
});
