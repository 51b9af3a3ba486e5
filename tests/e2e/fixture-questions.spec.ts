/**
 * Open questions and the sources' horizon are data: on a fixture site, one edit to a question's entry in
 * questions.yaml changes every page that shows it (the owning article, the story, /open-questions/), and
 * answering it puts a dated line on /updates/ and in the feed, with no other edit. One edit to atlas.yaml
 * moves the horizon on every page that shows it.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editableFixture, type EditableFixture } from '../support/fixture.ts';

test.describe.configure({ mode: 'serial' });
let site: EditableFixture;
const BASE = '/sub/';
const url = (path: string) => site.url(path);
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(site.dir, file), change(readFileSync(join(site.dir, file), 'utf8')));

test.beforeAll(async () => {
	test.setTimeout(180_000);
	site = editableFixture('four-themes', BASE);
	await site.build();
});
test.afterAll(async () => site?.close());

const SHOWN_ON = ['/delta/first/', '/story/'];
const box = (page: Page) => page.getByRole('complementary', { name: /question: Has the Delta harbour opened\?/ });

test('a question shows on every page that names it, with its last known state, earlier expectations and sources', async ({ page }) => {
	for (const path of SHOWN_ON) {
		await page.goto(url(path));
		const q = box(page);
		await expect(q, path).toContainText('Open question');
		await expect(q).toContainText('Last known, 20 February 2025: Claim: The harbour was said to be nearly ready, with no opening date.');
		await expect(q).toContainText('Expected earlier: late 2024 (reported June 2024)');
		await expect(q).toContainText('Sources read to 1 March 2025');
		// Its citations are numbered with the page's own: one opens the source, which leads to the references list.
		const cite = q.getByRole('button', { name: /^Source \d+: Delta Review$/ });
		await cite.click();
		const source = page.locator('.source-popover:popover-open');
		await expect(source).toContainText('Delta Review');
		await source.getByRole('link', { name: 'All references' }).click();
		await expect(page.locator('#ref-f2')).toBeInViewport();
	}
	await page.goto(url('/open-questions/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open questions');
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Beta orbits', 'Delta harbours']);
	await expect(page.locator('#delta-harbour-opening')).toHaveText('Open Has the Delta harbour opened?');
	await page.goto(url('/updates/'));
	await expect(page.getByText('Question answered')).toHaveCount(0);
});

test('the horizon shows on articles, the story, entity pages, the home page, /updates/ and /open-questions/', async ({ page }) => {
	for (const path of ['/delta/first/', '/story/', '/about/', '/people/example-harbour-board/', '/', '/updates/', '/open-questions/']) {
		await page.goto(url(path));
		await expect(page.locator('.page-dates'), path).toContainText('Sources read to 1 March 2025');
	}
});

test('one edit answers the question everywhere, dates it on /updates/ and in the feed, and one edit moves the horizon', async ({ page, request }) => {
	test.setTimeout(180_000);
	edit('src/content/data/questions.yaml', (t) =>
		t
			.replace('  state: open\n  lastKnown:\n    date: "2025-02-20"\n    text: "The harbour was said to be nearly ready, with no opening date."', '  state: answered\n  answeredBy: delta-event\n  lastKnown:\n    date: "2025-02-20"\n    text: "The harbour opened to its first ships."'),
	);
	edit('src/content/data/atlas.yaml', (t) => t.replace('2025-03-01', '2025-04-15'));
	await site.build();
	for (const path of SHOWN_ON) {
		await page.goto(url(path));
		const q = box(page);
		await expect(q, path).toContainText('Answered 20 February 2025: A Delta event after the article.');
		await expect(q).toContainText('The harbour opened to its first ships.');
		await expect(q).not.toContainText('nearly ready');
		await expect(page.locator('.page-dates')).toContainText('Sources read to 15 April 2025');
	}
	await page.goto(url('/open-questions/'));
	await expect(page.locator('#delta-harbour-opening')).toHaveText('Answered Has the Delta harbour opened?');
	await expect(page.getByRole('main')).toContainText('1 of 2 questions are still open');
	await page.goto(url('/updates/'));
	const line = page.locator('.update-answer');
	await expect(line).toHaveCount(1);
	await expect(line).toContainText('20 February 2025');
	await expect(line).toContainText('Has the Delta harbour opened?');
	await expect(line.getByRole('link', { name: 'Delta first' })).toHaveAttribute('href', `${BASE}delta/first/`);
	const feed = await (await request.get(url('/rss.xml'))).text();
	expect(feed).toContain('<title>Answered: Has the Delta harbour opened? A Delta event after the article.</title>');
	expect(feed).toContain(`/sub/open-questions/#delta-harbour-opening</link>`);
});

test('under a sub-path, “Copy page” copies the Markdown twin, and llms.txt links the twins there', async ({ page, context, request }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(url('/delta/first/'));
	await page.getByRole('button', { name: 'Copy page' }).click();
	await expect(page.locator('[data-copy-page-status]')).toHaveText('Page copied as Markdown.');
	const twin = await (await request.get(url('/delta/first.md'))).text();
	expect(twin).toContain('# Delta first');
	expect(twin).toContain('> **Answered:** Has the Delta harbour opened?');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
	const llms = await (await request.get(url('/llms.txt'))).text();
	expect(llms).toContain(`(http://localhost:4321${BASE}delta/first.md)`);
});

test('under a sub-path, the pager’s next page is fetched ahead under the base', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => {
		if (!r.isNavigationRequest()) fetched.push(new URL(r.url()).pathname);
	});
	await page.goto(url('/alpha/first/'));
	const next = new URL((await page.locator('.prev-next a[rel="next"]').getAttribute('href'))!, page.url()).pathname;
	expect(next.startsWith(BASE)).toBe(true);
	await page.locator('.prev-next').scrollIntoViewIfNeeded();
	await expect.poll(() => fetched).toContain(next);
});
