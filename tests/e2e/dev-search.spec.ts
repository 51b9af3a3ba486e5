/**
 * Search while writing: `astro dev` serves a real index built from the content, and a page added while
 * the server runs becomes searchable without a production build.
 */
import { entities, titleOf } from '../support/content.ts';
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, removeProject } from '../support/project.ts';
import { firstResultQuery, holdSearchEngine } from './support.ts';

// Beside the browser tests' own port (PORT), so runs from several checkouts do not meet on one dev server.
const PORT = (Number(process.env.PORT) || 4321) + 77;
// One dev server for the file's tests, in one worker.
test.describe.configure({ mode: 'serial' });
let dir: string;
let dev: ChildProcess;
let log = '';
let origin = '';

/** Resolves when the dev server has logged its n-th search index. */
function indexBuilt(n: number, timeout = 90_000): Promise<void> {
	return new Promise((resolve, reject) => {
		const deadline = setTimeout(() => reject(new Error(`no dev search index after ${timeout} ms:\n${log}`)), timeout);
		const check = () => {
			if ((log.match(/Search index for dev: \d+ files/g) ?? []).length >= n) {
				clearTimeout(deadline);
				resolve();
			} else setTimeout(check, 200);
		};
		check();
	});
}

/** What the dev server said, less the line it logs for each request (the crawl alone makes hundreds). */
const serverLog = () => log.split('\n').filter((line) => !/\[\d{3}\] \//.test(line)).slice(-80).join('\n');

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = copyProject('atlas-dev-');
	dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	dev.stdout!.on('data', (d) => (log += d));
	dev.stderr!.on('data', (d) => (log += d));
	await indexBuilt(1);
	// Astro moves to the next free port when this one is taken: talk to the server this test started.
	origin = `http://127.0.0.1:${/http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1] ?? PORT}`;
});
test.afterAll(async () => {
	dev?.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 300));
	if (dir) removeProject(dir);
});

test('the dev server finds existing pages and a page added while it runs', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`${origin}/search/?q=${encodeURIComponent(titleOf('rocketry/nova'))}`);
	await expect(page.locator('main .result > a').filter({ hasText: titleOf('rocketry/nova') })).toBeVisible({ timeout: 20_000 });

	writeFileSync(
		join(dir, 'src/content/docs/rocketry/dev-added.mdx'),
		'---\ntitle: Page written during dev\ndescription: Added while the dev server runs.\n---\n\nIt mentions the word quasarwhisk<Cite id="s1" />.\n',
	);
	// The index is rebuilt shortly after the file appears; reload the search page until it has caught up.
	await expect
		.poll(async () => {
			// The dev server reloads open pages when content changes, which may abort this navigation or the read
			// after it: then look again.
			try {
				await page.goto(`${origin}/search/?q=quasarwhisk`);
				await page.locator('main [role="status"]').filter({ hasText: /result/ }).waitFor({ timeout: 10_000 }).catch(() => {});
				return await page.locator('main .result > a').allTextContents();
			} catch {
				return [];
			}
		}, { timeout: 90_000, intervals: [1_000, 2_000, 3_000] })
		.toEqual(['Page written during dev'])
		.catch((e) => { throw new Error(`${e.message}\n--- dev server log, without its request lines ---\n${serverLog()}`); });
	expect(log).toMatch(/Search index for dev: \d+ files/);
});

test('the dev server serves the first-result files, and the first result shows there before Pagefind has loaded', async ({ page, request }) => {
	const query = await firstResultQuery(request, `${origin}/pagefind/`);
	const release = await holdSearchEngine(page);
	await page.goto(`${origin}/search/?q=${query}`);
	await expect(page.getByRole('main').getByRole('status')).toHaveText(`Best match for “${query}”; more results are loading.`, { timeout: 20_000 });
	release();
	await expect(page.getByRole('main').getByRole('status')).toHaveText(new RegExp(`^\\d+ results? for “${query}”\\.$`), { timeout: 20_000 });
});

test('the dev server serves the vocabulary and the preload manifest, and "Did you mean" works there', async ({ page, request }) => {
	const vocab = (await (await request.get(`${origin}/pagefind/vocabulary.json`)).json()) as { version: number; terms: [string, number][] };
	expect(vocab.version).toBe(1);
	const manifest = (await (await request.get(`${origin}/pagefind/preload.json`)).json()) as { meta: string; chunks: unknown[] };
	expect((await request.get(`${origin}/pagefind/${manifest.meta}`)).ok()).toBe(true);
	expect(manifest.chunks.length).toBeGreaterThan(0);
	// A one-word entity name (an indexed page carries it) that the vocabulary holds, misspelt by one letter.
	const terms = new Set(vocab.terms.map((t) => t[0]));
	const name = entities().map((e) => e.name).find((n) => /^[A-Z][a-z]{7,}$/.test(n) && terms.has(n))!;
	expect(name).toBeTruthy();
	await page.goto(`${origin}/search/?q=${encodeURIComponent(name.slice(0, 4) + name.slice(5))}`);
	await expect(page.locator('main [data-did-you-mean]').getByRole('link', { name, exact: true })).toBeVisible({ timeout: 20_000 });
});
