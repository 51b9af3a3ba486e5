/**
 * The build output as a host serves it: valid HTML, every link, asset, #fragment and sitemap URL
 * resolving on a plain static server, at the root and under a sub-path, with search working.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { readdirSync, readFileSync } from 'node:fs';
import { IMMUTABLE } from '../../src/lib/cache-rules.ts';
import { headerValues, parseHeaders } from '../../scripts/lib/headers.ts';
import { join } from 'node:path';
import { addSyntheticPages } from '../../scripts/lib/synthetic.mjs';
import { LISTING_PAGE_SIZE } from '../../src/lib/navigation.ts';
import { scanHtml, internalTarget } from '../../src/lib/links.ts';
import { htmlFiles } from '../../src/integrations/built-pages.ts';
import { readPages } from '../../src/lib/content-model.ts';
import { copyProject, removeProject, runBuild, ROOT } from '../support/project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { sourceFiles, titleOf } from '../support/content.ts';
import { firstResultQuery, holdSearchEngine } from './support.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/lib/cards.ts';

/** The address a sub-path build is published at, and the editor it links to for corrections. */
const SUB_SITE = 'https://atlas.example.org';
const EDIT_BASE = 'https://github.com/owner/repo/edit/main/';

/** A PNG's width and height, from its IHDR chunk (after the 8-byte signature, the chunk's length and type). */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The content of a `<meta>` tag by property or name. */
const meta = (html: string, key: string) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];

test('every built page is valid HTML', async () => {
	const validator = new HtmlValidate(new FileSystemConfigLoader());
	const dist = join(ROOT, 'dist');
	const files = htmlFiles(dist);
	expect(files.length).toBeGreaterThan(20);
	const errors: string[] = [];
	for (const f of files) {
		const report = await validator.validateFile(join(dist, f));
		for (const r of report.results) for (const m of r.messages) errors.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
	}
	expect(errors).toEqual([]);
});

test('_headers gives every built file one Cache-Control, and a year only to content-hashed files', () => {
	const dist = join(ROOT, 'dist');
	const blocks = parseHeaders(readFileSync(join(dist, '_headers'), 'utf8'));
	// Astro's asset names carry an 8-character hash, Pagefind's chunk names a hex one.
	const hashed = /[._]([A-Za-z0-9_-]{8}|[0-9a-f]{7,})\.[a-z0-9_]+$/;
	const problems: string[] = [];
	const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== '_headers');
	for (const f of files) {
		const file = `${f.parentPath.slice(dist.length)}/${f.name}`.replace(/^\/?/, '/');
		for (const path of file.endsWith('/index.html') ? [file, file.slice(0, -'index.html'.length)] : [file]) {
			const values = headerValues(blocks, path, 'Cache-Control');
			if (values.length !== 1) problems.push(`${path}: ${values.length} Cache-Control values (${values.join(' | ')})`);
			else if (values[0] === IMMUTABLE && !hashed.test(path)) problems.push(`${path}: cached for a year, but its name is not content-hashed`);
		}
	}
	expect(files.length).toBeGreaterThan(100);
	expect(problems).toEqual([]);
	expect(headerValues(blocks, '/pagefind/pagefind-worker.js', 'Cache-Control')[0]).not.toBe(IMMUTABLE);
	expect(headerValues(blocks, '/rocketry/nova/', 'Content-Security-Policy')).toHaveLength(1);
});

/** Crawls from the home page; returns every problem found. */
async function crawl(request: APIRequestContext, origin: string, base: string): Promise<{ pages: number; problems: string[] }> {
	const problems: string[] = [];
	const pages = new Map<string, Set<string>>();
	const queue = [base];
	const checked = new Map<string, number>();
	const wanted: { from: string; path: string; fragment: string }[] = [];
	while (queue.length) {
		const path = queue.shift()!;
		if (pages.has(path)) continue;
		const res = await request.get(origin + path, { maxRedirects: 0 });
		if (res.status() !== 200) { problems.push(`${path} → ${res.status()}`); pages.set(path, new Set()); continue; }
		if (!(res.headers()['content-type'] ?? '').includes('text/html')) { pages.set(path, new Set()); continue; }
		const { links, ids } = scanHtml(await res.text());
		pages.set(path, ids);
		for (const link of links) {
			const t = internalTarget(link, path, base);
			if (!t) continue;
			if (!t.underBase) { problems.push(`${path}: link ${link} leaves ${base}`); continue; }
			const target = base + t.path.slice(1);
			wanted.push({ from: path, path: target, fragment: t.fragment });
			if (target.endsWith('/')) queue.push(target);
			else if (!checked.has(target)) checked.set(target, (await request.get(origin + target, { maxRedirects: 0 })).status());
		}
	}
	for (const [asset, status] of checked) if (status !== 200) problems.push(`${asset} → ${status}`);
	for (const w of wanted) if (w.fragment && pages.has(w.path) && !pages.get(w.path)!.has(w.fragment)) problems.push(`${w.from}: #${w.fragment} missing on ${w.path}`);
	return { pages: pages.size, problems };
}

async function sitemapProblems(request: APIRequestContext, origin: string, base: string): Promise<{ urls: number; problems: string[]; paths: string[] }> {
	const index = await request.get(`${origin}${base}sitemap-index.xml`);
	expect(index.status()).toBe(200);
	const maps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const problems: string[] = [];
	const paths: string[] = [];
	let urls = 0;
	for (const map of maps) {
		for (const m of (await (await request.get(origin + map)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
			const path = new URL(m[1]!).pathname;
			paths.push(path);
			urls++;
			if (!path.startsWith(base)) problems.push(`${path} is outside ${base}`);
			const status = (await request.get(origin + path)).status();
			if (status !== 200) problems.push(`${path} → ${status}`);
		}
	}
	return { urls, problems, paths };
}

for (const base of ['/', '/sub/'] as const) {
	test.describe(`deployed on a plain static host at ${base}`, () => {
		test.describe.configure({ mode: 'serial' });
		let dir: string | undefined;
		let server: StaticServer;

		test.beforeAll(async () => {
			test.setTimeout(180_000);
			let dist = join(ROOT, 'dist');
			if (base !== '/') {
				dir = copyProject('atlas-sub-');
				const { code, output } = runBuild(dir, { BASE_PATH: base, SITE_URL: SUB_SITE, EDIT_BASE_URL: EDIT_BASE });
				expect(code, output).toBe(0);
				dist = join(dir, 'dist');
			}
			server = await serveStatic(dist, base);
		});
		test.afterAll(async () => {
			await server?.close();
			if (dir) removeProject(dir);
		});

		test('every link, asset and fragment resolves from the home page', async ({ request }) => {
			const { pages, problems } = await crawl(request, server.url, base);
			expect(problems).toEqual([]);
			expect(pages).toBeGreaterThan(60);
		});

		test('every sitemap URL is served, and robots.txt points at the sitemap', async ({ request }) => {
			const { urls, problems } = await sitemapProblems(request, server.url, base);
			expect(problems).toEqual([]);
			expect(urls).toBeGreaterThan(60);
			expect(await (await request.get(`${server.url}${base}robots.txt`)).text()).toContain(`${base}sitemap-index.xml`);
		});

		test('the feed lists every update with absolute links under the site and the base', async ({ page, request }) => {
			const site = base === '/' ? 'http://localhost:4321' : 'https://atlas.example.org';
			const res = await request.get(`${server.url}${base}rss.xml`);
			expect(res.status()).toBe(200);
			const xml = await res.text();
			expect(xml).toMatch(/^<\?xml [^>]+\?><rss version="2\.0"/);
			const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)].map((m) => m[1]!);
			await page.goto(`${server.url}${base}updates/`);
			expect(links).toHaveLength(await page.getByRole('main').locator('.update').count());
			expect(new Set(links).size).toBe(links.length);
			for (const link of links) {
				expect(link.startsWith(`${site}${base}`), link).toBe(true);
				const { pathname, hash } = new URL(link);
				const target = await request.get(server.url + pathname);
				expect(target.status(), link).toBe(200);
				expect(await target.text(), link).toContain(`id="${decodeURIComponent(hash.slice(1))}"`);
			}
			expect(xml).toContain(`<link>${site}${base}</link>`);
		});

		test('every page shares a 1200×630 PNG card at an absolute URL under the site and base', async ({ request }) => {
			const { paths } = await sitemapProblems(request, server.url, base);
			const site = base === '/' ? (process.env.SITE_URL || 'http://localhost:4321') : SUB_SITE;
			const cards = new Map<string, string>();
			const problems: string[] = [];
			for (const path of [...paths, `${base}404.html`]) {
				const html = await (await request.get(server.url + path)).text();
				const image = meta(html, 'og:image');
				if (!image) { problems.push(`${path}: no og:image`); continue; }
				const url = new URL(image);
				if (url.origin !== new URL(site).origin || !url.pathname.startsWith(base)) problems.push(`${path}: og:image ${image} is not under ${site}${base}`);
				if (meta(html, 'og:image:width') !== String(CARD_WIDTH) || meta(html, 'og:image:height') !== String(CARD_HEIGHT)) problems.push(`${path}: og:image size not declared as ${CARD_WIDTH}×${CARD_HEIGHT}`);
				if (meta(html, 'twitter:card') !== 'summary_large_image') problems.push(`${path}: twitter:card is ${meta(html, 'twitter:card')}`);
				if (meta(html, 'twitter:image') !== image) problems.push(`${path}: twitter:image differs from og:image`);
				if (!meta(html, 'og:image:alt')) problems.push(`${path}: no og:image:alt`);
				cards.set(url.pathname, path);
			}
			// Each card is served, is a PNG, and is the size the pages declare.
			for (const [card, from] of cards) {
				const res = await request.get(server.url + card);
				const size = res.status() === 200 ? pngSize(await res.body()) : undefined;
				if (JSON.stringify(size) !== JSON.stringify({ width: CARD_WIDTH, height: CARD_HEIGHT })) problems.push(`${card} (shared by ${from}): ${res.status()} ${JSON.stringify(size)}`);
			}
			expect(problems).toEqual([]);
			expect(paths.length).toBeGreaterThan(60);
			// One card per theme and section, not one for the whole site.
			expect(cards.size).toBeGreaterThan(5);
		});

		test('pages built from a content file link to it for corrections exactly when EDIT_BASE_URL is set', async ({ request }) => {
			const editBase = base === '/' ? process.env.EDIT_BASE_URL : EDIT_BASE;
			const fromContent = sourceFiles();
			const { paths } = await sitemapProblems(request, server.url, base);
			const problems: string[] = [];
			let linked = 0;
			for (const path of paths) {
				const html = await (await request.get(server.url + path)).text();
				const links = [...html.matchAll(/<a href="([^"]*)"[^>]*data-edit-link/g)].map((m) => m[1]);
				const file = fromContent.get(`/${path.slice(base.length)}`);
				const expected = editBase && file ? [`${editBase.replace(/\/+$/, '')}/${file}`] : [];
				if (JSON.stringify(links) !== JSON.stringify(expected)) problems.push(`${path}: ${JSON.stringify(links)}, expected ${JSON.stringify(expected)}`);
				linked += links.length;
			}
			expect(problems).toEqual([]);
			if (editBase) expect(linked).toBeGreaterThan(40);
		});

		test('either trailing-slash style reaches the page', async ({ page }) => {
			await page.goto(`${server.url}${base}rocketry`);
			await expect(page).toHaveURL(new RegExp(`${base}rocketry/$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rocketry');
			await page.goto(`${server.url}${base}rocketry/nova/`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf('rocketry/nova'));
			const missing = await page.goto(`${server.url}${base}rocketry/missing/`);
			expect(missing?.status()).toBe(404);
			await page.getByRole('main').getByRole('link', { name: 'Rivalry', exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`${base}rivalry/$`));
		});

		test('search works and its results stay under the base', async ({ page }) => {
			await page.goto(`${server.url}${base}`);
			await page.keyboard.press('Control+k');
			const dialog = page.getByRole('dialog', { name: 'Search' });
			await dialog.getByRole('searchbox').fill('Starcloud');
			const first = dialog.locator('.result > a').first();
			await expect(first).toBeVisible();
			expect(await first.getAttribute('href')).toMatch(new RegExp(`^${base}[a-z]`));
			await first.click();
			await expect(page).toHaveURL(new RegExp(`^${server.url}${base}.+highlight=starcloud`, 'i'));
			await expect(page.locator('article mark').first()).toBeVisible();
		});

		test('before Pagefind has loaded, the first result comes from the first-result files under the base, and links under it', async ({ page, request }) => {
			const query = await firstResultQuery(request, `${server.url}${base}pagefind/`);
			const seen: string[] = [];
			page.on('request', (r) => seen.push(new URL(r.url()).pathname));
			const release = await holdSearchEngine(page);
			await page.goto(`${server.url}${base}rocketry/`);
			await page.keyboard.press('Control+k');
			const dialog = page.getByRole('dialog', { name: 'Search' });
			await dialog.getByRole('searchbox').fill(query);
			await expect(dialog.getByRole('status')).toHaveText(`Best match for “${query}”; more results are loading.`);
			const href = (await dialog.locator('[data-provisional] > a').getAttribute('href'))!;
			expect(href.startsWith(base) && href !== base, href).toBe(true);
			expect(seen.some((p) => p.startsWith(`${base}pagefind/top/`))).toBe(true);
			release();
			await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^\\d+ results? for “${query}”\\.$`));
			await expect(dialog.locator('.result > a').first()).toHaveAttribute('href', href);
			await dialog.locator('.result > a').first().click();
			await expect(page).toHaveURL(`${server.url}${href}`);
		});

		test('search loads nothing before intent, then only under the base; "Did you mean" links stay under it', async ({ page, request }) => {
			const vocab = (await (await request.get(`${server.url}${base}pagefind/vocabulary.json`)).json()) as { terms: [string, number][] };
			const name = vocab.terms.map((t) => t[0]).find((t) => /^[A-Z][a-z]{7,}$/.test(t))!;
			const typo = name.slice(0, 4) + name.slice(5);
			const seen: string[] = [];
			page.on('request', (r) => seen.push(new URL(r.url()).pathname));
			await page.goto(`${server.url}${base}rocketry/`);
			await page.waitForLoadState('networkidle');
			expect(seen.filter((p) => p.includes('pagefind/'))).toEqual([]);
			await page.keyboard.press('Control+k');
			const dialog = page.getByRole('dialog', { name: 'Search' });
			await dialog.getByRole('searchbox').fill(typo);
			const link = dialog.locator('[data-did-you-mean]').getByRole('link', { name, exact: true });
			await expect(link).toBeVisible();
			expect(await link.getAttribute('href')).toBe(`${base}search/?q=${encodeURIComponent(name)}`);
			const searchFiles = seen.filter((p) => p.includes('pagefind/'));
			expect(searchFiles.length).toBeGreaterThan(3);
			for (const p of searchFiles) expect(p.startsWith(`${base}pagefind/`), p).toBe(true);
			expect(searchFiles).toContain(`${base}pagefind/vocabulary.json`);
		});
	});
}

test.describe('a theme too long for one listing page', () => {
	test.describe.configure({ mode: 'serial' });
	const base = '/sub/';
	let dir: string;
	let server: StaticServer;

	test.beforeAll(async () => {
		test.setTimeout(240_000);
		dir = copyProject('atlas-long-');
		// Generated articles in Rocketry (every third generated page is a Rocketry one) up to 406 with the real
		// ones: seven listing pages, enough for the pager to leave numbers out.
		const real = readPages(ROOT).filter((p) => p.folder === 'rocketry' && p.fields.draft !== true).length;
		addSyntheticPages(dir, Array.from({ length: 406 - real }, (_, k) => k * 3));
		const { code, output } = runBuild(dir, { BASE_PATH: base });
		expect(code, output).toBe(0);
		server = await serveStatic(join(dir, 'dist'), base);
	});
	test.afterAll(async () => {
		await server?.close();
		if (dir) removeProject(dir);
	});

	test('the listing is split into pages a reader can step through, and every link still resolves', async ({ page, request }) => {
		await page.goto(`${server.url}${base}rocketry/`);
		const main = page.getByRole('main');
		// The real articles and the generated ones, 406 in all (see beforeAll).
		const total = 406;
		expect(Math.ceil(total / LISTING_PAGE_SIZE)).toBe(7);
		await expect(main.getByText(`${total} pages; showing 1–60`)).toBeVisible();
		await expect(main.locator('.page-list > li')).toHaveCount(LISTING_PAGE_SIZE);
		const pager = main.getByRole('navigation', { name: 'Rocketry pages' });
		const numbers = () => pager.locator('ol > li').allTextContents();
		await expect(pager.getByRole('link', { name: '1' })).toHaveAttribute('aria-current', 'page');
		// The first and last page and the ones near the current; the rest stand behind a gap.
		expect(await numbers()).toEqual(['1', '2', '3', '…', '7']);
		await pager.getByRole('link', { name: 'Next →' }).click();
		await expect(page).toHaveURL(`${server.url}${base}rocketry/page/2/`);
		await expect(page).toHaveTitle(/Rocketry, page 2 of 7/);
		await expect(main.getByText('showing 61–120')).toBeVisible();
		await pager.getByRole('link', { name: '7' }).click();
		await expect(main.locator('.page-list > li')).toHaveCount(total - 6 * LISTING_PAGE_SIZE);
		await expect(pager.getByRole('link', { name: 'Next →' })).toHaveCount(0);
		expect(await numbers()).toEqual(['1', '…', '5', '6', '7']);
		await pager.getByRole('link', { name: '← Previous' }).click();
		await expect(page).toHaveURL(`${server.url}${base}rocketry/page/6/`);

		const { pages, problems } = await crawl(request, server.url, base);
		expect(problems).toEqual([]);
		expect(pages).toBeGreaterThan(460);
	});

	test("an article's sidebar leads to the listing page that holds the articles it leaves out", async ({ page }) => {
		// The 100th article in the theme's order (40th on page 2): the sidebar shows a window around it.
		await page.goto(`${server.url}${base}rocketry/page/2/`);
		const article = page.getByRole('main').locator('.page-list > li a').nth(39);
		const title = (await article.textContent())!;
		await article.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const sidebar = page.getByRole('navigation', { name: 'Main' });
		const shown = await sidebar.locator('.pages li:not(.more) a').allTextContents();
		expect(shown).toHaveLength(15);
		const listed = () => page.getByRole('main').locator('.page-list > li a').allTextContents();

		await sidebar.getByRole('link', { name: /earlier pages/ }).click();
		let titles = await listed();
		// The article just before the window is on this listing page.
		expect(titles.indexOf(shown[0]!)).toBeGreaterThan(0);

		await page.goBack();
		await sidebar.getByRole('link', { name: /more pages/ }).click();
		titles = await listed();
		const last = titles.indexOf(shown.at(-1)!);
		// …and so is the article just after it.
		expect(last).toBeGreaterThanOrEqual(0);
		expect(last).toBeLessThan(titles.length - 1);
	});
});
