/** Moves a reader makes on every page, shared by the specs. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

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
