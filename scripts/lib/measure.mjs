// Measuring a built site in headless Chromium: bytes a reader downloads, and search timings.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
	let executablePath;
	try { if (!existsSync(chromium.executablePath())) executablePath = candidates.find((c) => existsSync(c)); } catch { executablePath = candidates.find((c) => existsSync(c)); }
	return chromium.launch({ executablePath, args: ARGS });
}

/** Loads a page and sums the gzip'd size of every response by kind (html, css, js, other). */
export async function pageWeight(browser, url) {
	const page = await browser.newPage();
	const bytes = { html: 0, css: 0, js: 0, other: 0 };
	const pending = [];
	page.on('response', (res) => {
		pending.push((async () => {
			const type = res.headers()['content-type'] ?? '';
			const body = await res.body().catch(() => Buffer.alloc(0));
			const kind = type.includes('html') ? 'html' : type.includes('css') ? 'css' : type.includes('javascript') ? 'js' : 'other';
			bytes[kind] += gzipSync(body).length;
		})());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await page.close();
	return { ...bytes, total: bytes.html + bytes.css + bytes.js + bytes.other };
}

/** Types a query into the search page and measures keystroke → first result, and bytes from /pagefind/. */
export async function searchTiming(browser, origin, queries) {
	const page = await browser.newPage();
	let pagefindBytes = 0;
	page.on('response', async (res) => { if (res.url().includes('/pagefind/')) pagefindBytes += (await res.body().catch(() => Buffer.alloc(0))).length; });
	await page.goto(`${origin}search/`, { waitUntil: 'networkidle' });
	const box = page.getByRole('main').getByRole('searchbox');
	const runs = [];
	for (const q of queries) {
		const before = pagefindBytes;
		await box.fill('');
		await page.waitForFunction(() => !document.querySelector('main [data-results] .result'));
		await box.focus();
		const ms = await page.evaluate(async (query) => {
			const input = document.querySelector('main [data-input]');
			const results = document.querySelector('main [data-results]');
			const start = performance.now();
			const done = new Promise((resolve) => {
				const obs = new MutationObserver(() => { if (results.querySelector('.result')) { obs.disconnect(); resolve(performance.now() - start); } });
				obs.observe(results, { childList: true, subtree: true });
			});
			input.value = query;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			return done;
		}, q);
		await page.waitForTimeout(150);
		runs.push({ query: q, ms, bytes: pagefindBytes - before });
	}
	await page.close();
	return runs;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
