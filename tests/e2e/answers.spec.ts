/**
 * A reader who asks the atlas a question through its search lands on the page that owns the answer: each
 * fact has one home, so the home page ranks first.
 */
import { expect, test } from '@playwright/test';
import { searchInDialog } from './support';

const questions = [
	{ query: 'trial verdict', home: '/rivalry/trial-and-verdict/' },
	{ query: 'jury verdict Musk OpenAI', home: '/rivalry/trial-and-verdict/' },
	{ query: 'SpaceX S-1', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'SpaceX S-1 orbital compute risk', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'Anthropic compute contract', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'who filed orbital data centre satellites FCC', home: '/space-data-centres/orbital-filings/' },
	{ query: 'FCC filings orbital data centres', home: '/space-data-centres/orbital-filings/' },
	{ query: 'Project Sunrise', home: '/space-data-centres/orbital-filings/' },
	{ query: 'Starship V3 first flight', home: '/rocketry/launch-in-2026/' },
	{ query: 'New Glenn NG-3', home: '/rocketry/launch-in-2026/' },
	{ query: 'Merge Labs launch', home: '/rivalry/merge-labs-vs-neuralink/' },
];

for (const { query, home } of questions) {
	test(`searching “${query}” puts ${home} first`, async ({ page }) => {
		await page.goto('/');
		const dialog = await searchInDialog(page, query);
		const first = dialog.locator('.result > a').first();
		await expect(first).toBeVisible();
		expect(new URL((await first.getAttribute('href'))!, page.url()).pathname).toBe(home);
	});
}
