/**
 * A site too large to build and index at once in the memory there is gets its search index after the build
 * (scripts/build.mjs, src/integrations/search-after-build.ts). ATLAS_BUILD_MEMORY_MB=1 forces that way here,
 * on the four-themes fixture: the output is the same, file for file, as the usual build's, search works on
 * it in the browser, and mistakes still fail the build with one clear message and no dist/.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureProject } from '../support/fixture.ts';
import { removeProject, runBuild } from '../support/project.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

test.describe.configure({ mode: 'serial' });
const AFTER = { ATLAS_BUILD_MEMORY_MB: '1' };
let usual: string;
let after: string;
let afterOutput: string;

/** Every file of a folder, by its path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
	return new Map(readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false }).sort().flatMap((f) => {
		const path = join(dir, f);
		try {
			return [[f, readFileSync(path)] as [string, Buffer]];
		} catch {
			return []; // a folder
		}
	}));
}

test.beforeAll(() => {
	test.setTimeout(240_000);
	usual = fixtureProject('four-themes');
	after = fixtureProject('four-themes');
	const a = runBuild(usual);
	expect(a.code, a.output).toBe(0);
	expect(a.output).not.toContain('building first, then indexing');
	const b = runBuild(after, AFTER);
	expect(b.code, b.output).toBe(0);
	afterOutput = b.output;
});
test.afterAll(() => {
	for (const dir of [usual, after]) if (dir) removeProject(dir);
});

test('the build says it indexes after, and why', () => {
	expect(afterOutput).toMatch(/Search: about \d+ pages need about [\d,]+ MB to be built and indexed at once, more than the 1 MB allowed by ATLAS_BUILD_MEMORY_MB; building first, then indexing/);
	expect(afterOutput).toMatch(/\[atlas:search-after-build\] Indexed \d+( \+ \d+)* pages in \d+ ms, after the build/);
	expect(afterOutput).toMatch(/\[atlas:search-after-build\] Offline reading: \d+ files/);
});

test('indexing after the build gives the same output, file for file', () => {
	const one = tree(join(usual, 'dist'));
	const two = tree(join(after, 'dist'));
	expect([...two.keys()]).toEqual([...one.keys()]);
	expect([...one.keys()].some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
	const differ = [...one].filter(([f, bytes]) => !bytes.equals(two.get(f)!)).map(([f]) => f);
	expect(differ).toEqual([]);
	// The hand-over file is gone once it is used.
	expect(existsSync(join(after, 'node_modules/.astro/search-handover.json'))).toBe(false);
});

test('a reader searches the site indexed after the build', async ({ page }) => {
	const server = await serveStatic(join(after, 'dist'));
	try {
		await page.goto(`${server.url}/search/`);
		const main = page.getByRole('main');
		await main.getByRole('searchbox').fill('zephyrine');
		await expect(main.getByRole('status').first()).toHaveText('3 results for “zephyrine”.');
		await expect(main.locator('.result > a')).toHaveCount(3);
	} finally {
		await server.close();
	}
});

test('an editor’s mistake still fails the build with one clear message and no dist/', () => {
	const file = join(after, 'src/content/docs/alpha/first.mdx');
	const text = readFileSync(file, 'utf8');
	writeFileSync(file, `${text}\nSee [this](/alpha/no-such-page/).\n`);
	try {
		const { code, output } = runBuild(after, AFTER);
		expect(code).toBe(1);
		expect(output).toMatch(/src\/content\/docs\/alpha\/first\.mdx \(\/alpha\/first\/\): broken link "\/alpha\/no-such-page\/"/);
		expect(output).toContain('Nothing was written to dist/.');
		expect(output).not.toMatch(/^\s+at\s/m);
		expect(existsSync(join(after, 'dist'))).toBe(false);
	} finally {
		writeFileSync(file, text);
	}
});

test('a memory budget that is not a number fails the build, naming the variable', () => {
	const { code, output } = runBuild(after, { ATLAS_BUILD_MEMORY_MB: '8GB' });
	expect(code).toBe(1);
	expect(output).toContain('ATLAS_BUILD_MEMORY_MB must be a number of megabytes, like 8000; it is "8GB".');
	expect(output).not.toMatch(/^\s+at\s/m);
	expect(existsSync(join(after, 'dist'))).toBe(false);
});
