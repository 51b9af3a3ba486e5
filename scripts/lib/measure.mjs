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

/** Counts the bytes of every response from the Pagefind bundle a page fetches. */
function pagefindBytes(page) {
	const counter = { bytes: 0, pending: [], last: Date.now() };
	page.on('request', () => { counter.last = Date.now(); });
	page.on('response', (res) => {
		counter.last = Date.now();
		if (res.url().includes('/pagefind/')) counter.pending.push(res.body().then((b) => { counter.bytes += b.length; }, () => {}));
	});
	return {
		/** The bytes so far, once the page has made no request for 300 ms. */
		async settled() {
			while (Date.now() - counter.last < 300) await new Promise((r) => setTimeout(r, 50));
			await Promise.all(counter.pending);
			return counter.bytes;
		},
	};
}

/** Sets the box's value in one input event and resolves with the ms until the first result is in the DOM. */
function typeAndTime(page, scope, query) {
	return page.evaluate(async ([scope, query]) => {
		const input = document.querySelector(`${scope} [data-input]`);
		const results = document.querySelector(`${scope} [data-results]`);
		const start = performance.now();
		const done = new Promise((resolve) => {
			const obs = new MutationObserver(() => { if (results.querySelector('.result')) { obs.disconnect(); resolve(performance.now() - start); } });
			obs.observe(results, { childList: true, subtree: true });
		});
		input.value = query;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		return done;
	}, [scope, query]);
}

/**
 * Cold: a reader on an article presses "/" and types at once. Nothing of search is loaded yet (the
 * dialog's script, Pagefind, its WebAssembly, the index), so the time and bytes include all of it.
 */
export async function coldDialogTiming(browser, url, query) {
	const page = await browser.newPage();
	const counter = pagefindBytes(page);
	await page.goto(url, { waitUntil: 'load' });
	await page.keyboard.press('/');
	const ms = await typeAndTime(page, 'dialog', query);
	const bytes = await counter.settled();
	await page.close();
	return { query, ms, bytes };
}

/**
 * The search page: it loads the index while idle, as a reader looks at it. Once it has (the theme
 * counts are filled in), each query is timed from the input event to the first result rendered.
 */
export async function searchTiming(browser, origin, queries) {
	const page = await browser.newPage();
	const counter = pagefindBytes(page);
	await page.goto(`${origin}search/`, { waitUntil: 'load' });
	await page.waitForFunction(() => /\d/.test(document.querySelector('main [data-facets] .n')?.textContent ?? ''));
	const box = page.getByRole('main').getByRole('searchbox');
	const runs = [];
	for (const q of queries) {
		await box.fill('');
		await page.waitForFunction(() => !document.querySelector('main [data-results] .result'));
		const before = await counter.settled();
		const ms = await typeAndTime(page, 'main', q);
		runs.push({ query: q, ms, bytes: (await counter.settled()) - before });
	}
	await page.close();
	return runs;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
