/** Moves a reader makes on every page, shared by the specs. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { entities } from '../support/content.ts';
import { shardKeys, shardPath } from '../../src/lib/search-preload.ts';
import { topGuess, type TopShard } from '../../src/lib/first-result.ts';

/** Every page URL in the sitemap, as paths relative to the server. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
	const index = await (await request.get('/sitemap-index.xml')).text();
	const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const paths: string[] = [];
	for (const map of maps) {
		const xml = await (await request.get(map)).text();
		paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
	}
	return paths;
}

/** For Array.filter: whether the i-th item falls in part `shard` (from 0) of `shards`, for tests that split a long list. */
export const inShard = (shard: number, shards: number) => (_: unknown, i: number) => i % shards === shard;

/** Collects console errors and uncaught exceptions; call the returned check at the end. */
export function watchErrors(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	return () => expect(errors).toEqual([]);
}

/** Opens the search dialog with the header entry and types a query. */
export async function searchInDialog(page: Page, query: string) {
	await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('searchbox').fill(query);
	return dialog;
}

/** Holds back every request whose URL matches `url` until the returned function is called. */
export async function holdRequests(page: Page, url: RegExp): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(url, async (route) => {
		await held;
		await route.continue().catch(() => {});
	});
	return release;
}

/**
 * Holds back Pagefind's WebAssembly until the returned function is called: the page then stands where a slow
 * network leaves it, with everything else of search arrived and Pagefind not yet able to search.
 */
export const holdSearchEngine = (page: Page) => holdRequests(page, /\/pagefind\/wasm\.[^/]+\.pagefind$/);

/**
 * One-word queries the first-result files answer (see src/lib/first-result.ts): the names of people and
 * organisations of the site's data, seven letters or more, for which the files settle the first page. `bundle` is the Pagefind folder's URL.
 */
export async function firstResultQueries(request: APIRequestContext, bundle: string): Promise<string[]> {
	const names: string[] = [];
	for (const { name } of entities()) {
		if (!/^[A-Z][a-z]{6,}$/.test(name)) continue;
		const shards = new Map<string, TopShard>();
		for (const key of shardKeys(name)) {
			const res = await request.get(`${bundle}${shardPath(key)}`);
			if (res.ok()) shards.set(key, (await res.json()) as TopShard);
		}
		// Answered early: the files settle which page is first.
		if (topGuess(name, shards)) names.push(name);
	}
	if (!names.length) throw new Error('No one-word name of the site’s data is in the first-result files');
	return names;
}

/** The first of firstResultQueries. */
export const firstResultQuery = async (request: APIRequestContext, bundle: string) => (await firstResultQueries(request, bundle))[0]!;
