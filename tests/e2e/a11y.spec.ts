import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { inShard, sitemapPaths } from './support.ts';

test.describe.configure({ mode: 'parallel' });

/** The rule sets run on every page. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Split the sitemap so both workers share it, each part well inside its own time. */
const SHARDS = 4;

for (let shard = 0; shard < SHARDS; shard++) {
	test(`axe finds no violations on the sitemap's URLs, light and dark (part ${shard + 1} of ${SHARDS})`, async ({ page, request }) => {
		test.setTimeout(600_000);
		const all = [...(await sitemapPaths(request)), '/404/'];
		expect(all.length).toBeGreaterThan(20);
		const paths = all.filter(inShard(shard, SHARDS));
		const failures: string[] = [];
		// Legacy mode runs axe in the page itself, without opening a helper page per run (several times faster here).
		// WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices: naming the tags also turns on rules axe leaves
		// off by default, such as 2.2's target-size (2.5.8).
		const axe = () => new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS);
		const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		for (const path of paths) {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(path);
			const light = await background();
			for (const v of (await axe().analyze()).violations) failures.push(`${path} (light) ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
			// The same page in the dark scheme, with every rule again (colours change; sizes should not, but are checked).
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await background()).not.toBe(light);
			for (const v of (await axe().analyze()).violations) failures.push(`${path} (dark) ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
		}
		expect(failures).toEqual([]);
	});
}
