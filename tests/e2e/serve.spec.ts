/**
 * `npm start` ends in `npm run serve` (scripts/serve.mjs): the last build served as a static host serves it,
 * with every rule of dist/_headers applied by path. A reader gets the page; a host's headers come with it.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/project.ts';

let server: ChildProcess | undefined;
let origin = '';
const PORT = 4400 + Math.floor(Math.random() * 200);

test.beforeAll(async () => {
	server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
	const said = await new Promise<string>((resolve, reject) => {
		let out = '';
		server!.stdout!.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out); });
		server!.stderr!.on('data', (d) => reject(new Error(String(d))));
	});
	expect(said).toContain(`the site is at http://127.0.0.1:${PORT}/`);
	origin = `http://127.0.0.1:${PORT}`;
});
test.afterAll(() => { server?.kill(); });

test('serves the built site with the headers of dist/_headers', async ({ page, request }) => {
	const home = await request.get(`${origin}/`);
	expect(home.status()).toBe(200);
	const headers = home.headers();
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['cache-control']).toBe('public, max-age=300, must-revalidate');
	const asset = (await home.text()).match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
	expect(asset).toBeTruthy();
	expect((await request.get(`${origin}${asset}`)).headers()['cache-control']).toContain('immutable');
	const missing = await request.get(`${origin}/no-such-page/`);
	expect(missing.status()).toBe(404);
	expect(await missing.text()).toContain('<h1');
	await page.goto(`${origin}/rocketry/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rocketry');
});
