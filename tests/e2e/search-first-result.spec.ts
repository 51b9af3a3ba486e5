/**
 * The first result before Pagefind has loaded. On a slow network the page shows the page that ranks first from
 * the small per-word files the build writes next to the index (pagefind/top/), then Pagefind's list takes its
 * place with that page still first. Pagefind's WebAssembly is held back to stand for the slow network, so
 * nothing here depends on timing; the query is a name taken from the built vocabulary. Once Pagefind has
 * loaded, the early result is still shown on a phone network (emulated as the benchmarks emulate it), while
 * Pagefind fetches the index chunk a new query needs (held back here).
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/project.ts';
import { chunksFor, PRELOAD_FILE, shardKey, TOP_FILES, type PreloadManifest } from '../../src/lib/search-preload.ts';
import { NETWORKS } from '../../scripts/lib/networks.ts';
import { firstResultQueries, firstResultQuery, holdRequests, holdSearchEngine, watchErrors } from './support.ts';
import { entities } from '../support/content.ts';
import { firstResultAgreement } from '../../scripts/lib/first-result-check.ts';

const bundle = join(ROOT, 'dist', 'pagefind');

/** Records, in the page, whether a provisional result was ever shown. */
const watchProvisional = (page: Page) =>
	page.addInitScript(() => {
		addEventListener('DOMContentLoaded', () => {
			new MutationObserver(() => {
				if (document.querySelector('[data-provisional]')) (window as unknown as { __provisional: boolean }).__provisional = true;
			}).observe(document.body, { childList: true, subtree: true });
		});
	});

test('the first-result files are built with the index, and name pages that exist', () => {
	const files = readdirSync(join(bundle, 'top'));
	// Every file a query can ask for exists, so none is ever answered with a 404.
	expect(files.sort()).toEqual(Array.from({ length: TOP_FILES }, (_, i) => `${i}.json`).sort());
	for (const file of files) {
		const shard = JSON.parse(readFileSync(join(bundle, 'top', file), 'utf8')) as { pages: number; avg: number; words: Record<string, (string | number)[]> };
		expect(shard.pages).toBeGreaterThan(0);
		expect(shard.avg).toBeGreaterThan(0);
		for (const [word, [pageCount, complete, ...hits]] of Object.entries(shard.words)) {
			expect(`${shardKey(word)}.json`, word).toBe(file);
			expect(Number.isInteger(pageCount), word).toBe(true);
			expect([0, 1]).toContain(complete);
			expect(hits.length % 5, `${word} in ${file}`).toBe(0);
			for (let i = 0; i < hits.length; i += 5) expect(existsSync(join(bundle, 'fragment', `${hits[i]}.pf_fragment`)), `${hits[i]} (${word})`).toBe(true);
		}
	}
});

test('before Pagefind has loaded, the dialog shows the first result; Pagefind’s list then keeps it first, and the focus on it', async ({ page, request }) => {
	const errors = watchErrors(page);
	const query = await firstResultQuery(request, '/pagefind/');
	const release = await holdSearchEngine(page);
	await page.goto('/rocketry/');
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await dialog.getByRole('searchbox').fill(query);
	const status = dialog.getByRole('status');
	await expect(status).toHaveText(`Best match for “${query}”; more results are loading.`);
	const provisional = dialog.locator('[data-results] .result');
	await expect(provisional).toHaveCount(1);
	await expect(provisional).toHaveAttribute('data-provisional', /^\w+$/);
	await expect(dialog.locator('[data-results] ol')).toHaveAttribute('aria-busy', 'true');
	const link = provisional.locator('a[data-result]');
	const href = (await link.getAttribute('href'))!;
	expect(href).toMatch(new RegExp(`^/[a-z].*\\?highlight=${query.toLowerCase()}$`));
	expect((await link.textContent())!.trim()).not.toBe('');
	await expect(provisional.locator('.excerpt mark').first()).toBeVisible();
	// The reader can already move to it; the focus stays on it when Pagefind's list replaces it.
	await page.keyboard.press('ArrowDown');
	await expect(link).toBeFocused();

	release();
	await expect(status).toHaveText(new RegExp(`^\\d+ results? for “${query}”\\.$`));
	await expect(dialog.locator('[data-provisional]')).toHaveCount(0);
	await expect(dialog.locator('[data-results] ol')).not.toHaveAttribute('aria-busy', 'true');
	const first = dialog.locator('.result > a').first();
	await expect(first).toHaveAttribute('href', href);
	await expect(first).toBeFocused();
	errors();
});

test('the search page shows the first result of a shared link before Pagefind has loaded', async ({ page, request }) => {
	const query = await firstResultQuery(request, '/pagefind/');
	const release = await holdSearchEngine(page);
	await page.goto(`/search/?q=${query}`);
	const main = page.getByRole('main');
	await expect(main.getByRole('status')).toHaveText(`Best match for “${query}”; more results are loading.`);
	const href = await main.locator('.result > a').first().getAttribute('href');
	release();
	await expect(main.getByRole('status')).toHaveText(new RegExp(`^\\d+ results? for “${query}”\\.$`));
	await expect(main.locator('.result > a').first()).toHaveAttribute('href', href!);
	await expect(page).toHaveURL(new RegExp(`/search/\\?q=${query}$`));
});

test('a query the files cannot answer whole waits for Pagefind, with nothing provisional', async ({ page, request }) => {
	const query = `${await firstResultQuery(request, '/pagefind/')} 12`;
	await watchProvisional(page);
	const release = await holdSearchEngine(page);
	await page.goto('/rocketry/');
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	const topFile = page.waitForResponse((r) => /\/pagefind\/top\/\w+\.json$/.test(r.url()));
	await dialog.getByRole('searchbox').fill(query);
	await topFile;
	release();
	await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^(No results|\\d+ results?) for “${query}”\\.$`));
	expect(await page.evaluate(() => (window as unknown as { __provisional?: boolean }).__provisional ?? false)).toBe(false);
});

/** Two names answered early whose words lie in different index chunks, so the second needs a chunk the first did not load. */
async function twoChunkQueries(request: APIRequestContext): Promise<[string, string]> {
	const { chunks } = (await (await request.get(`/pagefind/${PRELOAD_FILE}`)).json()) as PreloadManifest;
	const names = await firstResultQueries(request, '/pagefind/');
	const first = names[0]!;
	const second = names.find((n) => !chunksFor(n, chunks).some((h) => chunksFor(first, chunks).includes(h)));
	if (!second) throw new Error(`No name answered early lies outside the index chunks of “${first}”`);
	return [first, second];
}

test('on a phone network, a new query shows its first result while Pagefind, already loaded, fetches what it needs', async ({ page, request }) => {
	const [first, second] = await twoChunkQueries(request);
	await page.goto('/rocketry/');
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', NETWORKS.slow4g);
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await dialog.getByRole('searchbox').fill(first);
	const status = dialog.getByRole('status');
	await expect(status).toHaveText(new RegExp(`^\\d+ results? for “${first}”\\.$`), { timeout: 20_000 });
	await expect(dialog.locator('[data-provisional]')).toHaveCount(0);
	// Pagefind has loaded. The chunk the next query needs is held back: Pagefind cannot answer it until released.
	const release = await holdRequests(page, /\/pagefind\/index\/[^/]+\.pf_index$/);

	await dialog.getByRole('searchbox').fill(second);
	await expect(status).toHaveText(`Best match for “${second}”; more results are loading.`, { timeout: 20_000 });
	const href = await dialog.locator('[data-provisional] a[data-result]').getAttribute('href');
	release();
	await expect(status).toHaveText(new RegExp(`^\\d+ results? for “${second}”\\.$`), { timeout: 20_000 });
	await expect(dialog.locator('[data-provisional]')).toHaveCount(0);
	await expect(dialog.locator('.result > a').first()).toHaveAttribute('href', href!);
});

test('for the names of the site’s people and organisations, the early first result is the one Pagefind puts first', async ({ page }) => {
	await page.goto('/');
	const names = entities().map((e) => e.name);
	const agreement = await firstResultAgreement(page, join(ROOT, 'dist'), names);
	// Most names are answered early; those with a term of fewer than three letters ("Merge Labs" is, "Blue
	// Origin" is not) or with a common word whose pages the files do not all hold wait for Pagefind.
	expect(agreement.shown, JSON.stringify(agreement)).toBeGreaterThan(names.length * 0.6);
	expect(agreement.differ, 'names whose early first result Pagefind puts lower').toEqual([]);
});
