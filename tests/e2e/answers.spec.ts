/**
 * A reader who asks the atlas a question through its search lands on the page that owns the answer: each
 * fact has one home, so the home page ranks first.
 */
import { expect, test } from '@playwright/test';
import { searchInDialog } from './support.ts';

const questions = [
	// How did the trial end?
	{ query: 'trial verdict', home: '/rivalry/trial-and-verdict/' },
	{ query: 'jury verdict Musk OpenAI', home: '/rivalry/trial-and-verdict/' },
	{ query: 'Musk appeal Ninth Circuit', home: '/rivalry/trial-and-verdict/' },
	// What does SpaceX's filing say about orbital compute?
	{ query: 'SpaceX S-1', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'SpaceX S-1 orbital compute risk', home: '/space-data-centres/spacex-goes-public/' },
	// Who else filed for orbital data centres?
	{ query: 'FCC filings orbital data centres', home: '/space-data-centres/orbital-filings/' },
	{ query: 'who filed orbital data centre satellites FCC', home: '/space-data-centres/orbital-filings/' },
	{ query: 'Project Sunrise', home: '/space-data-centres/orbital-filings/' },
	{ query: 'Starcloud 88,000 satellites', home: '/space-data-centres/orbital-filings/' },
	// Other developments after the article, and a name, which finds the person's page.
	{ query: 'Starship Flight 12 mishap', home: '/rocketry/launch-in-2026/' },
	{ query: 'NG-3 BlueBird', home: '/rocketry/blue-origin-new-glenn/' },
	{ query: 'Merge Labs seed round', home: '/rivalry/merge-labs-vs-neuralink/' },
	{ query: 'Gwynne Shotwell', home: '/people/gwynne-shotwell/' },
	// What the sources added to early July 2026 (the fact sheet's §9), each on the page that owns it.
	{ query: 'New Glenn pad explosion', home: '/rocketry/blue-origin-new-glenn/' },
	{ query: 'Starcloud Starlink lasers', home: '/space-data-centres/real-projects/' },
	{ query: 'bond five tranches', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'Nasdaq-100 inclusion', home: '/space-data-centres/spacex-goes-public/' },
	{ query: 'Anthropic IPO filing', home: '/rivalry/competitive-context/' },
	{ query: 'GPT-5.6 release', home: '/rivalry/competitive-context/' },
	{ query: 'Texas antitrust case', home: '/rivalry/lawsuits/' },
	{ query: 'Starfall capsule', home: '/rocketry/launch-in-2026/' },
	{ query: 'Ship 40 static fire', home: '/rocketry/launch-in-2026/' },
	{ query: 'Kepler Twilight rideshare', home: '/space-data-centres/real-projects/' },
	{ query: 'Amazon Leo waiver', home: '/space-data-centres/orbital-filings/' },
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
