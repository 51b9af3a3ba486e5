import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './support';

test.describe.configure({ mode: 'parallel' });

/** Split the sitemap so both workers share it. */
const SHARDS = 2;

for (let shard = 0; shard < SHARDS; shard++) {
	test(`axe finds no violations on the sitemap's URLs, light and dark (part ${shard + 1} of ${SHARDS})`, async ({ page, request }) => {
		test.setTimeout(600_000);
		const all = [...(await sitemapPaths(request)), '/404/'];
		expect(all.length).toBeGreaterThan(20);
		const paths = all.filter((_, i) => i % SHARDS === shard);
		const failures: string[] = [];
		// Legacy mode runs axe in the page itself, without opening a helper page per run (several times faster here).
		const axe = () => new AxeBuilder({ page }).setLegacyMode(true);
		for (const path of paths) {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(path);
			for (const v of (await axe().analyze()).violations) failures.push(`${path} (light) ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
			// The dark scheme changes colours only, so it is checked for contrast in the same page.
			const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
			const light = await background();
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await background()).not.toBe(light);
			for (const v of (await axe().withRules(['color-contrast', 'link-in-text-block']).analyze()).violations)
				failures.push(`${path} (dark) ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
		}
		expect(failures).toEqual([]);
	});
}
