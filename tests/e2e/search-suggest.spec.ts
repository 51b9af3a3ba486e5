/**
 * "Did you mean", the vocabulary and preload manifest built with the index, and when search's files are
 * fetched: never on a plain page view, and from the first sign of intent. Terms are taken from the built
 * site at test time, not from the words of any page, which writers change.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { themeTitles } from '../support/content.ts';

interface Vocabulary { version: number; terms: [string, number][] }

/** A name from the vocabulary that Pagefind finds, long enough to misspell: one letter dropped from its middle. */
async function misspeltName(page: Page): Promise<{ name: string; typo: string }> {
	const vocab = (await (await page.request.get('/pagefind/vocabulary.json')).json()) as Vocabulary;
	const name = vocab.terms.map((t) => t[0]).find((t) => /^[A-Z][a-z]{7,}$/.test(t))!;
	expect(name).toBeTruthy();
	const typo = name.slice(0, 4) + name.slice(5);
	return { name, typo };
}

const searchRequests = (page: Page) => {
	const seen: string[] = [];
	page.on('request', (r: Request) => { if (/\/pagefind\//.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname); });
	return seen;
};

test('the vocabulary and the preload manifest are built with the index, and valid', async ({ request }) => {
	const vocab = (await (await request.get('/pagefind/vocabulary.json')).json()) as Vocabulary;
	expect(vocab.version).toBe(1);
	expect(vocab.terms.length).toBeGreaterThan(100);
	for (const [text, weight] of vocab.terms) {
		expect(typeof text).toBe('string');
		expect(text.trim()).toBe(text);
		expect(weight).toBeGreaterThan(0);
	}
	// Every entity's name is there whole (the people pages are built from the same data).
	const people = await (await request.get('/people/')).text();
	const names = [...people.matchAll(/<a href="[^"]*\/people\/[^"/]+\/"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!.trim().replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
	expect(names.length).toBeGreaterThan(3);
	const terms = new Set(vocab.terms.map((t) => t[0].toLowerCase()));
	for (const n of names) expect(terms, n).toContain(n.toLowerCase());

	const manifest = (await (await request.get('/pagefind/preload.json')).json()) as { meta: string; wasm: string; chunks: [string, string, string][] };
	expect((await request.get(`/pagefind/${manifest.meta}`)).ok()).toBe(true);
	expect((await request.get(`/pagefind/${manifest.wasm}`)).ok()).toBe(true);
	expect(manifest.chunks.length).toBeGreaterThan(0);
	for (const [, , hash] of manifest.chunks) expect((await request.head(`/pagefind/index/${hash}.pf_index`)).ok(), hash).toBe(true);
});

test('a misspelt name offers the intended one as a link; following it runs the corrected search', async ({ page }) => {
	const { name, typo } = await misspeltName(page);
	await page.goto(`/search/?q=${encodeURIComponent(typo)}`);
	const main = page.getByRole('main');
	const dym = main.locator('[data-did-you-mean]');
	await expect(dym).toHaveAttribute('aria-live', 'polite');
	const link = dym.getByRole('link', { name, exact: true });
	await expect(link).toBeVisible();
	await expect(link).toHaveAttribute('href', new RegExp(`/search/\\?q=${encodeURIComponent(name)}$`));
	// What the reader typed stays in the box, and the status says what was searched.
	await expect(main.getByRole('searchbox')).toHaveValue(typo);
	await expect(main.getByRole('status')).toHaveText(new RegExp(`^(No results|[12] results?) for “${typo}”\\.$`));
	// Keyboard: from the box, the arrow key reaches the suggestion first; Enter follows it.
	await main.getByRole('searchbox').focus();
	await page.keyboard.press('ArrowDown');
	await expect(dym.getByRole('link').first()).toBeFocused();
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(main.getByRole('searchbox')).toHaveValue(name);
	await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(name)}$`));
	await expect(main.getByRole('status')).toHaveText(new RegExp(`^\\d+ results? for “${name}”\\.$`));
	await expect(main.locator('.result').first()).toBeVisible();
	await expect(dym).toBeEmpty();
});

test('the dialog offers the same, and a click runs the corrected search in place', async ({ page }) => {
	const { name, typo } = await misspeltName(page);
	await page.goto('/');
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await page.keyboard.type(typo);
	const link = dialog.locator('[data-did-you-mean]').getByRole('link', { name, exact: true });
	await expect(link).toBeVisible();
	await link.click();
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('searchbox')).toHaveValue(name);
	await expect(dialog.getByRole('searchbox')).toBeFocused();
	await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^\\d+ results? for “${name}”\\.$`));
});

test('a query with plenty of results offers nothing, and the vocabulary is not loaded for it', async ({ page }) => {
	const seen = searchRequests(page);
	// A word from a theme's title is on many pages.
	const theme = themeTitles().find((t) => /^[A-Z][a-z]{5,}$/.test(t)) ?? 'Rocketry';
	await page.goto(`/search/?q=${encodeURIComponent(theme)}`);
	const main = page.getByRole('main');
	await expect(main.getByRole('status')).toHaveText(new RegExp(`^([3-9]|\\d{2,}) results for “${theme}”\\.$`));
	await expect(main.locator('[data-did-you-mean]')).toBeEmpty();
	expect(seen.filter((p) => p.endsWith('/vocabulary.json'))).toEqual([]);
});

test('nothing of search is fetched on a plain page view; hover, focus and the shortcut start it', async ({ page }) => {
	const seen = searchRequests(page);
	await page.goto('/rocketry/');
	await page.waitForLoadState('networkidle');
	await page.mouse.move(5, 400);
	await page.mouse.wheel(0, 600);
	await page.waitForTimeout(300);
	expect(seen).toEqual([]);

	// Hovering the header's search entry starts the fetches Pagefind will need, in parallel.
	await page.getByRole('banner').getByRole('button', { name: 'Search' }).hover();
	await expect.poll(() => seen.some((p) => p.endsWith('.pf_meta'))).toBe(true);
	await expect.poll(() => seen.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
	await page.waitForLoadState('networkidle');
	for (const file of ['pagefind.js', 'preload.json', 'pagefind-entry.json']) expect(seen.some((p) => p.endsWith(`/pagefind/${file}`)), file).toBe(true);
	expect(seen.some((p) => p.endsWith('.pf_meta'))).toBe(true);
	expect(seen.some((p) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
	expect(seen.some((p) => p.endsWith('/vocabulary.json'))).toBe(false);
	// Each file once: Pagefind's own requests found the preloaded ones.
	expect(seen.filter((p) => p.endsWith('.pf_meta'))).toHaveLength(1);
	expect(seen.filter((p) => /\/wasm\./.test(p))).toHaveLength(1);

	for (const start of ['focus', 'shortcut'] as const) {
		const p2 = await page.context().newPage();
		const seen2 = searchRequests(p2);
		await p2.goto('/rocketry/');
		await p2.waitForLoadState('networkidle');
		expect(seen2).toEqual([]);
		if (start === 'focus') await p2.getByRole('banner').getByRole('button', { name: 'Search' }).focus();
		else await p2.keyboard.press('Control+k');
		await expect.poll(() => seen2.some((p) => p.endsWith('/pagefind/preload.json')), { message: start }).toBe(true);
		await p2.close();
	}
});
