/**
 * What a reader reaches for beyond reading: links to sections, printing, citing a page. Expectations come
 * from the content files at test time (titles, dates, headings as built), never from particular sentences.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../support/project.ts';
import { contentPages, entities } from '../support/content.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { SITE_NAME } from '../../src/consts.ts';

const dist = join(ROOT, 'dist');
/** Published content pages that the build turned into pages. */
const pages = contentPages().filter((p) => existsSync(join(dist, p.path, 'index.html')));
const iso = (d: Date) => d.toISOString().slice(0, 10);

test.describe('heading anchors', () => {
	test('every h2–h4 of every article and the story links to itself, named "Section titled …"', async ({ page }) => {
		test.setTimeout(120_000);
		expect(pages.length).toBeGreaterThan(20);
		let checked = 0;
		for (const p of pages) {
			await page.goto(p.path);
			const headings = page.locator('article .content :is(h2, h3, h4)');
			const n = await headings.count();
			for (let i = 0; i < n; i++) {
				const h = headings.nth(i);
				const id = await h.getAttribute('id');
				const text = (await h.textContent())!.trim();
				expect(id, `${p.path}: "${text}" has no id`).toBeTruthy();
				// The link follows the heading, outside it, so the heading's own name stays the heading's text.
				const anchor = h.locator('xpath=following-sibling::a[1]');
				await expect(anchor).toHaveAttribute('href', `#${id}`);
				await expect(anchor).toHaveAccessibleName(`Section titled “${text}”`);
				await expect(anchor).toHaveAttribute('data-pagefind-ignore', '');
				await expect(h).toHaveAccessibleName(text);
				checked++;
			}
			// The table of contents lists the headings by their text alone.
			const toc = await page.locator('nav.toc a').allTextContents();
			for (const t of toc) expect(t).not.toContain('Section titled');
		}
		expect(checked).toBeGreaterThan(pages.length);
	});

	test('the anchor shows on hover and on keyboard focus, and takes the reader to the section', async ({ page }) => {
		const p = pages.find((x) => x.path.split('/').length > 3)!;
		await page.goto(p.path);
		const h = page.locator('article .content h2').first();
		const anchor = page.locator('article .content .heading-anchor').first();
		const opacity = () => anchor.evaluate((a) => getComputedStyle(a).opacity);
		expect(await opacity()).toBe('0');
		await h.hover();
		expect(await opacity()).toBe('1');
		await page.mouse.move(0, 0);
		await anchor.focus();
		expect(await opacity()).toBe('1');
		const box = await anchor.boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(24);
		expect(box!.height).toBeGreaterThanOrEqual(24);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`#${await h.getAttribute('id')}$`));
	});

	test('the search index holds the headings but not the anchors', () => {
		const fragments = readdirSync(join(dist, 'pagefind/fragment')).map((f) => gunzipSync(readFileSync(join(dist, 'pagefind/fragment', f))).toString('utf8'));
		expect(fragments.length).toBeGreaterThan(20);
		const indexed = fragments.join('\n');
		expect(indexed).not.toContain('Section titled');
		// Each page's first heading is still indexed, as text and as a Pagefind anchor.
		const html = readFileSync(join(dist, pages[0]!.path, 'index.html'), 'utf8');
		const id = html.match(/<h2 id="([^"]+)"/)![1]!;
		expect(indexed).toContain(`"id":"${id}"`);
	});
});

test.describe('print', () => {
	for (const scheme of ['light', 'dark'] as const) {
		test(`an article prints without the site's chrome, its sources with their addresses (${scheme} scheme on screen)`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			const p = pages.find((x) => x.path.startsWith('/rocketry/'))!;
			await page.goto(p.path);
			const chrome = [
				page.getByRole('banner'),
				page.getByRole('navigation', { name: 'Main' }),
				page.getByRole('navigation', { name: 'Breadcrumbs' }),
				page.locator('.toc-aside'),
				page.getByRole('navigation', { name: 'Previous and next pages' }),
				page.getByRole('contentinfo'),
				page.locator('.heading-anchor').first(),
			];
			for (const c of chrome) await expect(c).toBeVisible();
			await page.emulateMedia({ media: 'print', colorScheme: scheme });
			for (const c of chrome) await expect(c).toBeHidden();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('article .content')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Cite this page' })).toBeVisible();

			// Black text on white, whatever the screen's scheme.
			expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
			// Every external source link prints its address after it.
			const links = page.locator('.references a[href^="http"]');
			expect(await links.count()).toBeGreaterThan(0);
			for (const a of await links.all()) {
				const [href, after] = await a.evaluate((el) => [el.getAttribute('href'), getComputedStyle(el, '::after').content]);
				expect(after).toBe(`" (${href})"`);
			}
			// Headings stay with the text after them.
			expect(await page.locator('article .content .heading-wrapper').first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('avoid');
		});
	}

	test('claim labels and "Sources disagree" boxes keep their meaning in black and white', async ({ page }) => {
		// Any page with both; found from the built output, not from particular words.
		const withBoth = pages.find((p) => {
			const html = readFileSync(join(dist, p.path, 'index.html'), 'utf8');
			return html.includes('class="conflict"') && html.includes('claim claim-');
		})!;
		expect(withBoth).toBeTruthy();
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto(withBoth.path);
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		const label = page.locator('.claim .label').first();
		await expect(label).toBeVisible();
		expect(await label.textContent()).toMatch(/^(Confirmed|Reported|Claim|Disputed|Unverified):$/);
		expect(await label.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).borderTopColor])).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
		const box = page.locator('aside.conflict').first();
		await expect(box.getByText('Sources disagree')).toBeVisible();
		expect(await box.evaluate((el) => [getComputedStyle(el).borderLeftColor, getComputedStyle(el).borderLeftWidth, getComputedStyle(el).breakInside])).toEqual(['rgb(0, 0, 0)', '4px', 'avoid']);
	});
});

test.describe('cite this page', () => {
	/** The build date: the date of access the static HTML gives (the day the page was written, or the day before at midnight). */
	const built = statSync(join(dist, 'index.html')).mtime;
	const buildDays = [iso(built), iso(new Date(built.getTime() - 86_400_000))];
	// Entity pages take the date their data file last changed in git; a shallow clone or no git gives none.
	const entityDate = (() => {
		try {
			const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
			if (git('rev-parse', '--is-shallow-repository') !== 'false') return undefined;
			const out = git('log', '-1', '--format=%cs', '--', 'src/content/data/entities.yaml');
			return out ? new Date(`${out}T00:00:00Z`) : undefined;
		} catch {
			return undefined;
		}
	})();
	const cited = [
		...pages,
		...entities().map((e) => ({ path: `/people/${e.id}/`, title: e.name, updated: entityDate })),
	];

	test('every article, the story and every entity page has the citation as text and BibTeX in its HTML', async ({ request }) => {
		expect(cited.length).toBeGreaterThan(40);
		for (const p of cited) {
			const html = await (await request.get(p.path)).text();
			const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)![1]!;
			const block = html.slice(html.indexOf('<section class="page-tools"'));
			const accessed = block.match(/<time datetime="(\d{4}-\d{2}-\d{2})" data-accessed="long"/)?.[1];
			expect(buildDays, p.path).toContain(accessed);
			const text = block.match(/<p class="cite-text"[^>]*>([\s\S]*?)<\/p>/)![1]!.replace(/<[^>]+>/g, '').replaceAll('&#39;', "'").replaceAll('&amp;', '&').replaceAll('&quot;', '"');
			const title = /[.?!]$/.test(p.title) ? p.title : `${p.title}.`;
			const updated = p.updated ? ` Last updated ${formatDate(p.updated)}.` : '';
			expect(text, p.path).toBe(`“${title}” ${SITE_NAME}.${updated} ${canonical} (accessed ${formatDate(new Date(`${accessed}T00:00:00Z`))}).`);
			const bib = block.match(/<pre class="cite-bibtex"[^>]*>([\s\S]*?)<\/pre>/)![1]!.replace(/<[^>]+>/g, '');
			expect(bib, p.path).toMatch(/^@misc\{oca-[a-z0-9-]+,\n/);
			expect(bib).toContain(`  url = {${canonical}},\n`);
			expect(bib).toContain(`  urldate = {${accessed}},\n`);
			if (p.updated) expect(bib).toContain(`  date = {${iso(p.updated)}},\n`);
			expect(bib.endsWith('\n}')).toBe(true);
		}
	});

	test('without JavaScript the citation is there and no copy button shows', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(pages[0]!.path);
		const block = page.locator('oca-cite');
		await expect(block.locator('.cite-text')).toBeVisible();
		await expect(block.locator('.cite-bibtex')).toContainText('@misc{');
		await expect(block.getByRole('button')).toHaveCount(0);
		await context.close();
	});

	test('with JavaScript the buttons copy each format, and the date of access is today', async ({ browser }) => {
		const context = await browser.newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const page = await context.newPage();
		await page.goto(pages[0]!.path);
		const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
		const block = page.locator('oca-cite');
		await expect(block.locator('time[data-accessed="long"]')).toHaveText(formatDate(new Date(`${today}T00:00:00Z`)));
		await expect(block.locator('time[data-accessed="long"]')).toHaveAttribute('datetime', today);
		await expect(block.locator('.cite-bibtex')).toContainText(`urldate = {${today}}`);
		await block.getByRole('button', { name: 'Copy text' }).click();
		await expect(block.getByRole('status')).toHaveText('Copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.locator('.cite-text').textContent());
		await block.getByRole('button', { name: 'Copy BibTeX' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.locator('.cite-bibtex').textContent());
		await context.close();
	});
});
