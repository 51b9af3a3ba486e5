/**
 * Search behaviour with exact expectations, on the four-themes fixture site, whose words are known: the
 * rare word "zephyrine" stands on exactly three pages, one each in Alpha, Beta and Delta.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildFixture, type FixtureSite } from '../support/fixture.ts';
import { firstResultAgreement } from '../../scripts/lib/first-result-check.ts';
import { ROOT } from '../support/project.ts';

test.describe.configure({ mode: 'serial' });
let site: FixtureSite;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	site = await buildFixture('four-themes');
});
test.afterAll(async () => site?.close());

test('a query reports exactly how many pages hold it, and each theme’s facet counts its share', async ({ page }) => {
	await page.goto(site.url('/search/'));
	const main = page.getByRole('main');
	await main.getByRole('searchbox').fill('zephyrine');
	await expect(main.getByRole('status').first()).toHaveText('3 results for “zephyrine”.');
	// Pagefind orders them by relevance; which three they are is what is certain.
	await expect(main.locator('.result > a')).toHaveCount(3);
	expect((await main.locator('.result > a').allTextContents()).sort()).toEqual(['Alpha first', 'Beta first', 'Delta first']);
	const facets = main.locator('[data-facets] label');
	await expect(facets).toHaveText(['All themes', 'Alpha engines (1)', 'Beta orbits (1)', 'Gamma courts (0)', 'Delta harbours (1)', 'People and organisations (0)']);
});

test('the theme is an id in the URL and a title on screen; back and forward restore it', async ({ page }) => {
	await page.goto(site.url('/search/?q=zephyrine&theme=delta'));
	const main = page.getByRole('main');
	await expect(main.getByRole('radio', { name: /Delta harbours/ })).toBeChecked();
	await expect(main.getByRole('status').first()).toHaveText('1 result for “zephyrine” in Delta harbours.');
	await expect(main.locator('.result .theme')).toHaveText(['Delta harbours']);
	await main.getByRole('radio', { name: /Alpha engines/ }).check();
	await expect(page).toHaveURL(/[?&]theme=alpha(&|$)/);
	await expect(main.getByRole('status').first()).toHaveText('1 result for “zephyrine” in Alpha engines.');
	await page.goBack();
	await expect(page).toHaveURL(/[?&]theme=delta(&|$)/);
	await expect(main.getByRole('radio', { name: /Delta harbours/ })).toBeChecked();
});

test('a theme without a query lists all its pages', async ({ page }) => {
	await page.goto(site.url('/search/?theme=alpha'));
	const main = page.getByRole('main');
	await expect(main.getByRole('status').first()).toHaveText('2 results in Alpha engines.');
});

/**
 * The site reads Pagefind's index and reproduces its scores (src/lib/pagefind-index.ts) to show a first result
 * before Pagefind has loaded. This holds the model to the Pagefind it models, on words whose pages and counts
 * are fixed: any change to the index format or the scoring makes the early result disagree, and the message
 * says what to re-fit.
 */
test('the model of Pagefind scores every fixed query as Pagefind does', async ({ page }) => {
	const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies.pagefind;
	const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;
	const refit = `Pagefind ${installed} (package.json pins ${pinned}) no longer reads or scores as src/lib/pagefind-index.ts models it: re-fit the index reader (chunkRanges, decodeCbor, SIGNATURE_BYTES) and the scoring constants (TITLE_WEIGHT, B, SIMILARITY, TEXT_SCALE, idf) against this Pagefind, then pin its exact version in package.json`;
	expect(installed, 'package.json pins the exact Pagefind the model was fitted to').toBe(pinned);
	const queries = ['zephyrine', 'turbines', 'cranes', 'harbour', 'ruling', 'orbits', 'engines', 'testing', 'blades', 'cargo', 'zephyrine cranes', 'court ruling'];
	await page.goto(site.url('/'));
	const agreement = await firstResultAgreement(page, join(site.dir, 'dist'), queries);
	expect(agreement.shown, `${refit}. Queries the model answered: ${agreement.shown} of ${queries.length}`).toBeGreaterThanOrEqual(queries.length - 2);
	expect(agreement.scores, `${refit}. [query, model score, Pagefind score]`).toEqual([]);
	expect(agreement.differ, `${refit}. [query, early first, Pagefind first]`).toEqual([]);
});
