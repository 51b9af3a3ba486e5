import { expect, test } from '@playwright/test';

test('table-of-contents links land on their headings, and the current section is marked', async ({ page }) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await page.goto('/rocketry/nova/');
	const toc = page.getByRole('navigation', { name: 'On this page' });
	const links = toc.getByRole('link');
	const count = await links.count();
	expect(count).toBeGreaterThan(2);
	for (let i = 0; i < count; i++) {
		const link = links.nth(i);
		const hash = (await link.getAttribute('href'))!;
		await link.click();
		await expect(page).toHaveURL(new RegExp(`${hash}$`));
		const heading = page.locator(`article :is(h2,h3)[id="${hash.slice(1)}"]`);
		await expect(heading).toHaveText((await link.textContent())!.trim());
		await expect(heading).toBeInViewport();
	}
	const last = links.nth(count - 1);
	await expect(last).toHaveAttribute('aria-current', 'true');
	await page.evaluate(() => window.scrollTo(0, 0));
	await expect(links.first()).toHaveAttribute('aria-current', 'true');
	await expect(last).not.toHaveAttribute('aria-current', 'true');
});

test('the table of contents works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	await page.goto('/space-data-centres/heat-and-radiation/');
	const link = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').nth(1);
	const hash = (await link.getAttribute('href'))!;
	await link.click();
	await expect(page.locator(`[id="${hash.slice(1)}"]`)).toBeInViewport();
	await context.close();
});

test('the colour scheme follows the OS, and a choice persists across pages and reloads', async ({ browser }) => {
	const context = await browser.newContext({ colorScheme: 'dark' });
	const page = await context.newPage();
	await page.goto('/');
	const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const darkBg = await bg();
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();

	const select = page.getByRole('combobox', { name: 'Colour scheme' });
	await expect(select).toHaveValue('auto');
	await select.selectOption('light');
	expect(await bg()).not.toBe(darkBg);
	const lightBg = await bg();

	await page.getByRole('link', { name: 'Rivalry', exact: true }).first().click();
	await expect(page).toHaveURL(/\/rivalry\/$/);
	await expect(page.getByRole('combobox', { name: 'Colour scheme' })).toHaveValue('light');
	expect(await bg()).toBe(lightBg);
	await page.reload();
	expect(await bg()).toBe(lightBg);

	// No flash: the saved scheme is on <html> before the body is parsed.
	await page.addInitScript(() => {
		document.addEventListener('readystatechange', () => {
			if (document.readyState === 'interactive') (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.dataset.theme ?? '';
		});
		new MutationObserver((_, obs) => {
			if (document.body) {
				(window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? '';
				obs.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	});
	await page.reload();
	expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('light');

	await page.getByRole('combobox', { name: 'Colour scheme' }).selectOption('auto');
	await page.reload();
	expect(await bg()).toBe(darkBg);
	await context.close();
});

test.describe('small screens', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('the sidebar folds behind a menu control', async ({ page }) => {
		await page.goto('/rocketry/nova/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav).toBeHidden();
		await page.getByText('Menu', { exact: true }).click();
		await expect(nav).toBeVisible();
		await nav.getByRole('link', { name: 'Rivalry', exact: true }).click();
		await expect(page).toHaveURL(/\/rivalry\/$/);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});

	test('the menu works without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		await page.goto('/rivalry/lawsuits/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav).toBeHidden();
		await page.getByText('Menu', { exact: true }).click();
		await expect(nav).toBeVisible();
		await expect(nav.locator('[aria-current="page"]')).toHaveText(await page.getByRole('heading', { level: 1 }).textContent() ?? '');
		await context.close();
	});
});

test('reading needs no JavaScript: content, citations and charts are in the HTML', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/rocketry/launch-economics/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('article sup.cite').first()).toBeVisible();
	await expect(page.getByRole('img', { name: /Launch cost per kilogram/ })).toBeVisible();
	await context.close();
});
