/// <reference lib="webworker" />
/**
 * The atlas's service worker, bundled by the build into `<base>sw.js` (src/integrations/offline.ts) with its
 * build id, base path and offline-page files filled in. Fetching and caching go through Workbox's routing and
 * strategies:
 *
 * - a page: from the network, kept as read; offline, from the saved atlas, else as read, else the offline page;
 * - a content-hashed file (Astro's assets, Pagefind's chunks): from a cache, else the network;
 * - any other file of the site (Pagefind's script and WebAssembly, the search files): from the network,
 *   offline from a cache.
 *
 * Offline, a saved atlas is always read before pages kept as read, so a reader who saved it sees one build.
 * On request (a message from the page's control, src/scripts/offline.ts) it saves the whole atlas of its
 * build into a cache of its own, reporting progress, and only once that is complete makes it the saved copy
 * and deletes the one before.
 */
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { CACHES, OFFLINE_MANIFEST, OFFLINE_PAGE, SERVICE_WORKER, type OfflineManifest, type OfflineReply, type OfflineRequest, type SavedState } from '../lib/offline.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __BUILD__: string;
declare const __BASE__: string;
declare const __SHELL__: string[];
/** The size of this build's saved atlas. */
declare const __FILES__: number;
declare const __BYTES__: number;

const SAVED = `${CACHES.savedPrefix}${__BUILD__}`;
const SHELL = `${CACHES.shellPrefix}${__BUILD__}`;
const STATE_KEY = `${__BASE__}__saved-state`;
/** How many files are fetched at once while saving. */
const PARALLEL = 4;
/** How long a page waits for the network before the copy is shown. */
const NETWORK_SECONDS = 4;

let state: Promise<SavedState | null> | undefined;
/** What is saved, read once from its cache and kept until it changes. */
function savedState(): Promise<SavedState | null> {
	return (state ??= caches
		.open(CACHES.state)
		.then((c) => c.match(STATE_KEY))
		.then((r) => (r ? (r.json() as Promise<SavedState>) : null))
		.catch(() => null));
}

/** A static site's page and files are the same whatever the query (`/search/?q=…` is `/search/`). */
const MATCH = { ignoreSearch: true, ignoreVary: true };

/** Offline, the saved atlas comes before what the strategy's own cache holds. */
const savedFirst: WorkboxPlugin = {
	cachedResponseWillBeUsed: async ({ request, cachedResponse }) => {
		const saved = await savedState();
		const fromSaved = saved ? await caches.match(request, { ...MATCH, cacheName: `${CACHES.savedPrefix}${saved.build}` }) : undefined;
		return fromSaved ?? cachedResponse ?? null;
	},
};
/** A page neither saved nor read: the offline page, which says so and links to what is. */
const offlinePage: WorkboxPlugin = {
	handlerDidError: async () => (await caches.match(`${__BASE__}${OFFLINE_PAGE}`, { cacheName: SHELL })) ?? Response.error(),
};

const inSite = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith(__BASE__);
const hashed = (url: URL) => /\/(_astro|pagefind\/(index|fragment|filter))\/|\.pf_meta$/.test(url.pathname);

registerRoute(({ request, url }) => request.mode === 'navigate' && inSite(url), new NetworkFirst({ cacheName: CACHES.read, matchOptions: MATCH, networkTimeoutSeconds: NETWORK_SECONDS, plugins: [savedFirst, offlinePage] }));
registerRoute(({ url }) => inSite(url) && hashed(url), new CacheFirst({ cacheName: CACHES.read, matchOptions: MATCH, plugins: [savedFirst] }));
registerRoute(({ url }) => inSite(url) && !url.pathname.endsWith(`/${SERVICE_WORKER}`) && !url.pathname.endsWith(`/${OFFLINE_MANIFEST}`), new NetworkFirst({ cacheName: CACHES.read, matchOptions: MATCH, networkTimeoutSeconds: NETWORK_SECONDS, plugins: [savedFirst] }));

// A new build's worker takes over at once: open pages keep what they loaded and are told a new version is
// there (a saved copy stays the old build's until the new one is saved whole, so offline is never mixed).
self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(SHELL).then((c) => c.addAll(__SHELL__)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith(CACHES.shellPrefix) && key !== SHELL) await caches.delete(key);
			await self.clients.claim();
		})(),
	);
});

/** Tells every open page of the site. */
async function broadcast(message: OfflineReply) {
	for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

let saving: Promise<void> | undefined;
/** Saves every file of this build, then makes it the saved copy and lets the previous one go. */
async function save(): Promise<void> {
	const response = await fetch(`${__BASE__}${OFFLINE_MANIFEST}`, { cache: 'no-store' });
	if (!response.ok) throw new Error(`${OFFLINE_MANIFEST}: ${response.status}`);
	const manifest = (await response.json()) as OfflineManifest;
	// The site has a newer build than this worker: the page offers a reload, and saves with the new worker.
	if (manifest.build !== __BUILD__) return broadcast({ type: 'outdated' });
	const cache = await caches.open(SAVED);
	const queue = [...manifest.files];
	let done = 0;
	let bytes = 0;
	let told = 0;
	const next = async (): Promise<void> => {
		for (let file = queue.shift(); file; file = queue.shift()) {
			if (!(await cache.match(file.url))) {
				const got = await fetch(file.url, { cache: 'no-cache' });
				if (!got.ok) throw new Error(`${file.url}: ${got.status}`);
				await cache.put(file.url, got);
			}
			done++;
			bytes += file.bytes;
			if (done === manifest.files.length || Date.now() - told > 150) {
				told = Date.now();
				await broadcast({ type: 'progress', done, total: manifest.files.length, bytes, totalBytes: manifest.bytes });
			}
		}
	};
	await Promise.all(Array.from({ length: PARALLEL }, next));
	const saved: SavedState = { build: __BUILD__, savedAt: new Date().toISOString(), files: manifest.files.length, bytes: manifest.bytes };
	await (await caches.open(CACHES.state)).put(STATE_KEY, new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }));
	state = Promise.resolve(saved);
	for (const key of await caches.keys()) if (key.startsWith(CACHES.savedPrefix) && key !== SAVED) await caches.delete(key);
	await broadcast({ type: 'saved', saved });
}

/** Deletes the saved atlas (pages kept as read stay). */
async function remove(): Promise<void> {
	for (const key of await caches.keys()) if (key.startsWith(CACHES.savedPrefix) || key === CACHES.state) await caches.delete(key);
	state = Promise.resolve(null);
	await broadcast({ type: 'removed' });
}

self.addEventListener('message', (event) => {
	const request = event.data as OfflineRequest;
	const reply = (message: OfflineReply) => (event.source as Client | null)?.postMessage(message);
	if (request?.type === 'status') event.waitUntil(savedState().then((saved) => reply({ type: 'status', build: __BUILD__, files: __FILES__, bytes: __BYTES__, saved, saving: !!saving })));
	else if (request?.type === 'remove') event.waitUntil(remove());
	else if (request?.type === 'save') {
		saving ??= save()
			.catch((error: Error) => broadcast({ type: 'failed', message: error.message }))
			.finally(() => (saving = undefined));
		event.waitUntil(saving);
	}
});
