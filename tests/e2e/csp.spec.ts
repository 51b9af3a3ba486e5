/**
 * The whole site works under a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'
 * for scripts): the policy the build writes into _headers, sent as a real header by a plain server.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/project.ts';
import { titleOf } from '../support/content.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

let server: StaticServer;
let policy: string;

test.beforeAll(async () => {
	const headers = readFileSync(join(ROOT, 'dist/_headers'), 'utf8');
	policy = headers.match(/Content-Security-Policy: (.+)/)![1]!;
	server = await serveStatic(join(ROOT, 'dist'), '/', { 'Content-Security-Policy': policy });
});
test.afterAll(() => server.close());

/** Records every CSP violation the browser reports, from the first byte of every page. */
async function watchViolations(page: Page) {
	const violations: string[] = [];
	await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
		);
	});
	page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
	return violations;
}

test('the policy is strict', () => {
	const script = policy.match(/script-src ([^;]+)/)![1]!;
	expect(script).not.toContain("'unsafe-inline'");
	expect(script).not.toContain("'unsafe-eval'");
	expect(script).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
	expect(policy).toContain("default-src 'self'");
});

test('reading, colour scheme, menu, search and highlighting work with no violation', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto(`${server.url}/rocketry/nova/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf('rocketry/nova'));

	const select = page.getByRole('combobox', { name: 'Colour scheme' });
	await select.selectOption('dark');
	await page.reload();
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

	await page.setViewportSize({ width: 375, height: 740 });
	await page.getByText('Menu', { exact: true }).click();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await dialog.getByRole('searchbox').fill('Kairos');
	await expect(dialog.locator('.result').first()).toBeVisible();
	await dialog.locator('.result > a').first().click();
	await expect(page.locator('article mark').first()).toBeVisible();

	await page.goto(`${server.url}/timeline/`);
	await page.getByRole('radio', { name: 'Rocketry' }).check();
	await page.goto(`${server.url}/search/?q=Neuralink`);
	await expect(page.locator('main .result').first()).toBeVisible();
	expect(violations).toEqual([]);
});
