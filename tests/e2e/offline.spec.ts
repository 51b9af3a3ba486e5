/**
 * Reading offline, on the fixture site under /sub/ served as a static host serves it: the pages a reader
 * opens are kept without asking; "Save the atlas" keeps every page and search (facets and Did you mean
 * included) for a reader who then goes offline; a page neither saved nor read says so, with links to what
 * is; and a second build is taken up whole: the reader is told and offered a reload, and the saved copy is
 * replaced by the new build's, never mixed with it.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureProject } from '../support/fixture.ts';
import { removeProject, runBuild } from '../support/project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow' });
const BASE = '/sub/';
let dir: string;
let hosted: string;
let server: StaticServer;
const url = (path: string) => `${server.url}${BASE}${path.replace(/^\//, '')}`;

/** Builds the fixture and puts the output where the server serves from (a link it follows, as a host swaps a deploy). */
function deploy(label: string) {
	const { code, output } = runBuild(dir, { BASE_PATH: BASE });
	expect(code, output).toBe(0);
	const copy = join(hosted, label);
	cpSync(join(dir, 'dist'), copy, { recursive: true });
	rmSync(join(hosted, 'current'), { force: true });
	symlinkSync(copy, join(hosted, 'current'));
}

test.beforeAll(async () => {
	test.setTimeout(240_000);
	dir = fixtureProject('four-themes');
	hosted = mkdtempSync(join(tmpdir(), 'atlas-hosted-'));
	deploy('first');
	server = await serveStatic(join(hosted, 'current'), BASE, {}, { host: true });
});
test.afterAll(async () => {
	await server?.close();
	if (dir) removeProject(dir);
	if (hosted) rmSync(hosted, { recursive: true, force: true });
});

const control = (page: Page) => page.getByRole('region', { name: 'Offline reading' });
/** Opens a page and waits until the service worker controls it. */
async function openControlled(page: Page, path: string) {
	await page.goto(url(path));
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

test('a page read online opens offline; one neither read nor saved says so and links to what is', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await openControlled(page, '/');
	await expect(control(page)).toBeVisible();
	await page.goto(url('/alpha/first/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha first');
	await context.setOffline(true);
	await page.goto(url('/alpha/first/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha first');
	await page.goto(url('/gamma/first/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline reading');
	await expect(page.locator('[data-offline-pages]').getByRole('link')).toContainText(['Home', 'alpha › first']);
	await context.close();
});

test('saving the atlas shows its size and progress; offline, pages never opened and search work', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await openControlled(page, '/');
	const save = control(page).getByRole('button', { name: /^Save the atlas for offline reading \(\d+(\.\d)? (KB|MB), \d+ files\)$/ });
	await save.click();
	await expect(control(page)).toContainText(/The atlas is available offline: every page and search, \d+(\.\d)? (KB|MB), saved /, { timeout: 30_000 });
	await expect(control(page).getByRole('button', { name: 'Remove the offline copy' })).toBeVisible();
	await context.setOffline(true);
	for (const [path, title] of <[string, string][]>[['/beta/first/', 'Beta first'], ['/gamma/first/', 'Gamma first'], ['/delta/first/', 'Delta first'], ['/timeline/', 'Timeline'], ['/open-questions/', 'Open questions']]) {
		await page.goto(url(path));
		await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(title);
	}
	await page.goto(url('/search/?q=zephyrine'));
	const main = page.getByRole('main');
	await expect(main.getByRole('status').first()).toHaveText('3 results for “zephyrine”.');
	await expect(main.locator('[data-facets] label')).toContainText(['All themes', 'Alpha engines (1)']);
	await page.goto(url('/search/?q=zephyrne'));
	await expect(main.locator('[data-did-you-mean]').getByRole('link', { name: 'zephyrine' })).toBeVisible();
	await context.close();
});

test('a new build is taken up whole: the reader is offered a reload, and the saved copy becomes the new build', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await openControlled(page, '/');
	await control(page).getByRole('button', { name: /^Save the atlas/ }).click();
	await expect(control(page)).toContainText('The atlas is available offline', { timeout: 30_000 });
	// A second build, with a page renamed and the sources' horizon moved.
	const delta = join(dir, 'src/content/docs/delta/first.mdx');
	writeFileSync(delta, readFileSync(delta, 'utf8').replace('title: Delta first', 'title: Delta first, revised'));
	const atlas = join(dir, 'src/content/data/atlas.yaml');
	writeFileSync(atlas, readFileSync(atlas, 'utf8').replace('2025-03-01', '2025-05-20'));
	deploy('second');
	await page.goto(url('/alpha/first/'));
	const reload = control(page).getByRole('button', { name: 'Reload to the new version' });
	await expect(reload).toBeVisible({ timeout: 20_000 });
	// The saved copy is brought up to date by itself, and replaces the old one once complete.
	await expect(control(page)).toContainText('The atlas is available offline', { timeout: 30_000 });
	await reload.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha first');
	await expect(control(page)).toContainText('The atlas is available offline', { timeout: 20_000 });
	await context.setOffline(true);
	await page.goto(url('/delta/first/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delta first, revised');
	for (const path of ['/alpha/second/', '/story/', '/beta/first/']) {
		await page.goto(url(path));
		await expect(page.locator('.page-dates'), path).toContainText('Sources read to 20 May 2025');
	}
	// One saved copy, of the new build.
	expect((await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('atlas-saved-'))).toHaveLength(1);
	await context.close();
});
