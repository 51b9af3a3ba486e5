// Measuring a built site in headless Chromium: bytes a reader downloads, and search timings.
import { chromium } from '@playwright/test';
import { chromiumPath, LAUNCH_ARGS } from './chromium.ts';
import { gzipSync } from 'node:zlib';
import { serveStatic } from './static-server.ts';
import { NETWORKS } from './networks.ts';
import { QUERY_WORDS } from './synthetic.mjs';

/**
 * Every page and context the benchmarks open blocks service workers: network emulation applies to the page,
 * not to a worker's own requests, so a worker answering for the page would escape the throttling (and a
 * first visit, which these measure, has none yet).
 */
export const CONTEXT = { serviceWorkers: 'block' };

export async function launch() {
	return chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
}

/** Loads a page and sums the gzip'd size of every response by kind (html, css, js, other). */
export async function pageWeight(browser, url) {
	const page = await browser.newPage(CONTEXT);
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
	const page = await browser.newPage(CONTEXT);
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
	const page = await browser.newPage(CONTEXT);
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

// Search timings that work the same on this site and on a peer's (Starlight), fast or throttled.

export { NETWORKS };

/**
 * Where each site's search lives: the shortcut that opens it, its box, a result, the line that names the query,
 * and a result of the search's full list (ours may first show one result before Pagefind has loaded).
 */
export const SITES = {
	ours: { next: '.prev-next a[rel="next"]', key: 'Control+k', input: 'dialog[open] [data-input]', result: 'dialog[open] [data-results] .result', message: 'dialog[open] [data-status]', full: 'dialog[open] [data-results] ol:not([aria-busy]) .result' },
	starlight: { next: '.pagination-links a[rel="next"]', key: 'Control+k', input: 'dialog[open] .pagefind-ui__search-input', result: 'dialog[open] .pagefind-ui__result', message: 'dialog[open] .pagefind-ui__message', full: 'dialog[open] .pagefind-ui__result' },
};

/** How long a search may take before a run counts as failed (a result that never comes would hang the bench). */
const GIVE_UP_MS = 60_000;
/** `promise`, or a rejection naming `what` once GIVE_UP_MS have passed. */
function within(promise, what) {
	let timer;
	return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result within ${GIVE_UP_MS / 1000} s: ${what}`)), GIVE_UP_MS); })]).finally(() => clearTimeout(timer));
}

/** A page with the network profile applied, counting the bytes it transfers (as sent, compressed or not). */
async function throttledPage(context, network, init) {
	const page = await context.newPage();
	if (init) await page.addInitScript(init);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	if (network) await cdp.send('Network.emulateNetworkConditions', network);
	// Playwright reports the requests of the page's workers on the page too (Pagefind's worker fetches the index).
	const counter = { bytes: 0, requests: 0 };
	page.on('requestfinished', (req) => {
		counter.requests++;
		req.sizes().then((s) => { counter.bytes += s.responseBodySize + s.responseHeadersSize; }, () => {});
	});
	return { page, counter };
}

/**
 * Arms the page: from the next `start` event (a keydown, or the box's input), wait for the first result whose
 * message names `query`, then for the search's full list. Returns a function that resolves with the ms to the
 * first result, and sets `window.__benchFull` to the ms to the list.
 */
async function resultAfter(page, site, query, start = 'keydown') {
	await page.evaluate(([site, query, start]) => {
		window.__benchResult = new Promise((resolve) => {
			let t0 = 0;
			let first = 0;
			const check = () => {
				if (!t0) return;
				const named = (document.querySelector(site.message)?.textContent ?? '').includes(query);
				if (!first && document.querySelector(site.result) && named) {
					first = performance.now() - t0;
					resolve(first);
				}
				if (first && document.querySelector(site.full) && named) {
					obs.disconnect();
					window.__benchFull = performance.now() - t0;
				}
			};
			const obs = new MutationObserver(check);
			obs.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
			addEventListener(start, () => { t0 = performance.now(); setTimeout(check, 0); }, { capture: true, once: true });
		});
	}, [site, query, start]);
	return () => page.evaluate(() => window.__benchResult);
}

/**
 * One cold run on a fresh context: load an article, press the shortcut and enter `query` at once (as soon as
 * the box is there). The time runs from the key to the first result; the bytes are all that were
 * transferred from the key on. Nothing is cached.
 */
export async function coldSearch(browser, url, site, query, network, init) {
	const context = await browser.newContext(CONTEXT);
	try {
		const { page, counter } = await throttledPage(context, network, init);
		// The reader has been on the page a moment: whatever the page itself loads after 'load' has arrived.
		await page.goto(url, { waitUntil: 'networkidle' });
		const before = counter.bytes;
		const timing = await resultAfter(page, site, query);
		await page.keyboard.press(site.key);
		// The query goes in as soon as the box is there and takes input, as a paste would.
		await page.locator(site.input).fill(query);
		const ms = await within(timing(), `cold “${query}” on ${url}`);
		await page.waitForTimeout(network ? 3000 : 500);
		const fullMs = await page.evaluate(() => window.__benchFull ?? NaN);
		const kb = (counter.bytes - before) / 1024;
		return { ms, fullMs, kb };
	} finally {
		await context.close().catch(() => {});
	}
}

/**
 * Typed at a natural speed (8 characters a second) right after opening the dialog: ms from the last key to
 * the first result for the whole query. Then warm: a new query on the same page, entered at once.
 */
export async function typedSearch(browser, url, site, query, warmQuery, network, init) {
	const context = await browser.newContext(CONTEXT);
	try {
		const { page } = await throttledPage(context, network, init);
		// The reader has been on the page a moment: whatever the page itself loads after 'load' has arrived.
		await page.goto(url, { waitUntil: 'networkidle' });
		await page.keyboard.press(site.key);
		await page.locator(site.input).waitFor({ state: 'visible' });
		await page.keyboard.type(query.slice(0, -1), { delay: 125 });
		await page.waitForTimeout(125);
		const typed = await resultAfter(page, site, query);
		await page.keyboard.type(query.slice(-1));
		const typedMs = await within(typed(), `typed “${query}” on ${url}`);
		await page.waitForTimeout(network ? 2000 : 300);
		const warm = await resultAfter(page, site, warmQuery, 'input');
		await page.locator(site.input).fill(warmQuery);
		const warmMs = await within(warm(), `warm “${warmQuery}” on ${url}`);
		return { typedMs, warmMs };
	} finally {
		await context.close().catch(() => {});
	}
}

/** Median and range of a list of numbers, rounded. */
export function summary(xs, of = xs.length) {
	const s = [...xs].sort((a, b) => a - b);
	return { median: Math.round(median(s)), min: Math.round(s[0]), max: Math.round(s[s.length - 1]), n: s.length, of };
}
export const fmt = (s) => (s.n ? `${s.median} ms (${s.min}–${s.max})${s.n < s.of ? `, ${s.n} of ${s.of} runs` : ''}` : 'no result');

/** Measures search on a built site: cold, typed and warm (and the search page's first query). Used by bench:search and bench:peer. */
export async function measureSearch({ root, site, network, runs, init, searchPage = false, words = QUERY_WORDS }) {
	const server = await serveStatic(root, '/', {}, { host: true });
	const browser = await launch();
	const cold = [], coldFull = [], coldKB = [], typed = [], warm = [], first = [];
	const article = (r) => `${server.url}/${['rocketry', 'space-data-centres', 'rivalry'][r % 3]}/bench-${String(r * 3 + (r % 3)).padStart(5, '0')}/`;
	// A run that shows no result within GIVE_UP_MS is left out of the figures and counted here.
	const failed = [];
	const attempt = (p) => p.catch((e) => { failed.push(e.message.split('\n')[0]); console.error(`  ${e.message.split('\n')[0]}`); });
	// One untimed run first, so the server has compressed the files once (a host serves them compressed already).
	await coldSearch(browser, article(runs + 1), site, words[0], null, init).catch((e) => console.error(`  untimed run: ${e.message.split('\n')[0]}`));
	for (let r = 0; r < runs; r++) {
		const c = await attempt(coldSearch(browser, article(r), site, words[(r + 7) % words.length], NETWORKS[network], init));
		if (c) {
			cold.push(c.ms);
			coldFull.push(c.fullMs);
			coldKB.push(c.kb);
		}
		const t = await attempt(typedSearch(browser, article(r + 1), site, words[r % words.length], words[(r + 13) % words.length], NETWORKS[network], init));
		if (t) {
			typed.push(t.typedMs);
			warm.push(t.warmMs);
		}
		if (searchPage) {
			const context = await browser.newContext(CONTEXT);
			if (init) await context.addInitScript(init);
			first.push((await searchTiming(context, `${server.url}/`, [words[(r + 3) % words.length]]))[0].ms);
			await context.close();
		}
	}
	await browser.close();
	await server.close();
	return { cold: summary(cold, runs), coldFull: summary(coldFull, runs), coldKB: +median(coldKB).toFixed(1), typed: summary(typed, runs), warm: summary(warm, runs), ...(searchPage ? { searchPage: summary(first, runs) } : {}), failed };
}

/** How long the reader reads before scrolling on, and rests at the end of the page before tapping "Next". */
const READ_MS = 3000;
const AT_END_MS = 1000;

/**
 * Going to the next page, as a reader on a phone network does: open a generated article (throttled), read for
 * 3 s, scroll to the end, rest 1 s, tap "Next"; the time from the tap (the new page's navigation start) to its
 * first contentful paint, the heading with it, as the new page's Paint Timing reports it. Medians of `runs`
 * runs, each in a fresh browser context (nothing cached).
 */
export async function measureNavigation({ root, site, network, runs }) {
	const server = await serveStatic(root, '/', {}, { host: true });
	const browser = await launch();
	const times = [];
	const failed = [];
	for (let r = 0; r < runs; r++) {
		const context = await browser.newContext({ ...CONTEXT, hasTouch: true });
		try {
			const { page } = await throttledPage(context, NETWORKS[network]);
			await page.goto(`${server.url}/${['rocketry', 'space-data-centres', 'rivalry'][r % 3]}/bench-${String(30 + r * 3 + (r % 3)).padStart(5, '0')}/`, { waitUntil: 'load' });
			await page.waitForTimeout(READ_MS);
			await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
			await page.waitForTimeout(AT_END_MS);
			const next = page.locator(site.next).first();
			const target = await next.getAttribute('href');
			await within(Promise.all([page.waitForURL((url) => url.pathname === new URL(target, page.url()).pathname, { waitUntil: 'load' }), next.tap()]), `navigation to ${target}`);
			const ms = await within(page.evaluate(() => new Promise((resolve) => {
				const paint = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
				if (paint()) return resolve(paint().startTime);
				new PerformanceObserver(() => paint() && resolve(paint().startTime)).observe({ type: 'paint', buffered: true });
			})), 'the next page\'s first paint');
			times.push(ms);
		} catch (e) {
			failed.push(e.message.split('\n')[0]);
		} finally {
			await context.close();
		}
	}
	await browser.close();
	await server.close();
	return { next: summary(times, runs), failed };
}
