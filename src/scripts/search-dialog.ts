/**
 * Opens the search dialog from the header entry, Ctrl/Cmd+K or "/" (not while typing in a field). The
 * search element itself is loaded on first use, so reading a page does not pay for it.
 */
import type { SearchElement } from '../components/search/search-element.ts';
import { chunkPath, chunksFor, entryTag, PRELOAD_FILE, searchLevers, shardKeys, shardPath, type PreloadManifest } from '../lib/search-preload.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const ui = dialog?.querySelector<SearchElement>('oca-search');

/**
 * Starts, on the reader's first sign of intent, every fetch Pagefind will make, all at once, instead of in
 * Pagefind's chain of one request after another: its script, its entry file and WebAssembly (fixed names),
 * and (from the build's small manifest) its metadata; once a query is known, the index chunks its words fall
 * in, and the fragments of the pages likely to rank first (see the search element). Pagefind's own requests
 * for those files are then answered with these responses: on intent the page wraps `fetch` so that a request
 * for a file it has already started gets that response (each caller a copy); every other request goes
 * through untouched. Nothing is fetched before intent. The benchmark can switch levers off through
 * `window.__ocaSearchLevers` to measure what each gives.
 */
const levers = searchLevers();
const searchElement = ui ?? document.querySelector<HTMLElement>('oca-search');
const bundle = `${(searchElement?.dataset.base ?? '/').replace(/\/?$/, '/')}pagefind/`;
const started = new Map<string, Promise<Response>>();
const absolute = (url: string) => new URL(url, location.href).href;
const pageFetch = window.fetch.bind(window);
/** Starts a file of the search bundle (once), for Pagefind to pick up. */
const share = (url: string): Promise<Response> => {
	const key = absolute(url);
	let response = started.get(key);
	if (!response) {
		started.set(key, (response = pageFetch(key)));
		response.catch(() => started.delete(key));
	}
	return response.then((r) => r.clone());
};
let manifest: Promise<PreloadManifest | undefined> | undefined;
const tag = entryTag();
const startSearch = () => {
	if (manifest || !levers.preload) return;
	window.fetch = (input, init) => {
		const key = typeof input === 'string' || input instanceof URL ? absolute(String(input)) : input.url;
		return !init && started.has(key) ? share(key) : pageFetch(input, init);
	};
	const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `${bundle}pagefind.js` });
	document.head.append(link);
	// The WebAssembly is the largest file and its name does not depend on the build: start it first.
	// (Known for the source language's bundle; another language's comes with the manifest below.)
	const wasm = searchElement?.dataset.wasm;
	if (wasm) void share(`${bundle}wasm.${wasm}.pagefind`).catch(() => {});
	void share(`${bundle}pagefind-entry.json?ts=${tag}`).catch(() => {});
	manifest = pageFetch(`${bundle}${PRELOAD_FILE}`)
		.then((r) => (r.ok ? (r.json() as Promise<PreloadManifest>) : undefined))
		.then((m) => {
			if (m) for (const file of [m.meta, m.wasm]) void share(bundle + file).catch(() => {});
			return m;
		})
		.catch(() => undefined);
};
window.__ocaSearch = {
	tag,
	start: startSearch,
	manifest: () => manifest,
	share: (path: string) => share(bundle + path),
	hint(query: string) {
		startSearch();
		// The first result's tables (see first-result.ts) are tiny and named after the query's words: start them first.
		if (levers.top) for (const key of shardKeys(query)) void share(bundle + shardPath(key)).catch(() => {});
		void manifest?.then((m) => { for (const hash of m ? chunksFor(query, m.chunks) : []) void share(bundle + chunkPath(hash)).catch(() => {}); });
	},
};
let loading: Promise<SearchElement> | undefined;
/** Loads the search element once; it upgrades <oca-search> in place. */
const load = () =>
	(loading ??= import('../components/search/search-element.ts').then(() => customElements.whenDefined('oca-search')).then(() => ui!));

if (dialog && ui && 'showModal' in dialog) {
	let opener: HTMLElement | null = null;
	let hinting = false;
	const open = () => {
		if (dialog.open) return;
		// Start search's fetches before anything else the dialog does.
		startSearch();
		opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		dialog.showModal();
		// The box takes focus (and typing) at once; the element catches up with what was typed when it loads.
		const input = dialog.querySelector<HTMLInputElement>('[data-input]')!;
		input.focus();
		// Until the element has loaded, what is typed already tells which index chunks to start.
		if (!hinting) {
			hinting = true;
			input.addEventListener('input', () => { if (!customElements.get('oca-search')) window.__ocaSearch?.hint(input.value); });
		}
		// The element comes alongside Pagefind and its files rather than before them.
		load().then((el) => el.warm());
	};
	dialog.addEventListener('close', () => opener?.focus());
	// Escape closes the dialog at once; in a search box it would otherwise first clear the query the reader may come back to.
	dialog.addEventListener('keydown', (e) => {
		if (e.key !== 'Escape' || e.isComposing) return;
		e.preventDefault();
		dialog.close();
	});
	dialog.querySelector('[data-close-search]')!.addEventListener('click', () => dialog.close());
	dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
	for (const entry of document.querySelectorAll<HTMLAnchorElement>('[data-open-search]')) {
		entry.setAttribute('role', 'button');
		entry.setAttribute('aria-haspopup', 'dialog');
		entry.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
		entry.addEventListener('click', (e) => { e.preventDefault(); open(); });
		entry.addEventListener('pointerenter', () => { startSearch(); load().then((el) => el.warm()); }, { once: true });
		entry.addEventListener('focus', () => { startSearch(); void load(); }, { once: true });
		entry.addEventListener('keydown', (e) => { if (e.key === ' ') { e.preventDefault(); open(); } });
	}
	const typing = (t: EventTarget | null) =>
		t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
	document.addEventListener('keydown', (e) => {
		if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey) {
			e.preventDefault();
			if (dialog.open) dialog.close(); else open();
		} else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target) && !dialog.open) {
			e.preventDefault();
			open();
		}
	});
}
