/**
 * Opens the search dialog from the header entry, Ctrl/Cmd+K or "/" (not while typing in a field). The
 * search element itself is loaded on first use, so reading a page does not pay for it.
 */
import type { SearchElement } from '../components/search/search-element';
import { chunksFor, PAGEFIND_WASM, PRELOAD_FILE, type PreloadManifest } from '../lib/search-preload';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const ui = dialog?.querySelector<SearchElement>('oca-search');

/**
 * Starts, on the reader's first sign of intent, every fetch Pagefind will make, all at once: its script,
 * its entry file and WebAssembly (fixed names), and (from the build's small manifest) its metadata; once a query is
 * known, the index chunks its words fall in. Pagefind's own requests then find them preloaded instead of
 * waiting for one another. Nothing is fetched before intent. The benchmark can switch levers off through
 * `window.__ocaSearchLevers` to measure what each gives.
 */
const levers = { preload: true, ...window.__ocaSearchLevers };
const bundle = `${(ui?.dataset.base ?? document.querySelector<HTMLElement>('oca-search')?.dataset.base ?? '/').replace(/\/?$/, '/')}pagefind/`;
const preloaded = new Set<string>();
function preloadLink(href: string, module = false) {
	if (preloaded.has(href)) return;
	preloaded.add(href);
	const link = document.createElement('link');
	if (module) link.rel = 'modulepreload';
	else Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
	link.href = href;
	document.head.append(link);
}
let manifest: Promise<PreloadManifest | undefined> | undefined;
/** The tag on Pagefind's entry URL (its `metaCacheTag`): the same for five minutes, as long as a host caches the entry. */
const tag = String(Math.floor(Date.now() / 300_000));
const startSearch = () => {
	if (manifest || !levers.preload) return;
	preloadLink(`${bundle}pagefind.js`, true);
	preloadLink(`${bundle}pagefind-entry.json?ts=${tag}`);
	// The WebAssembly is the largest file and its name does not depend on the build: start it first.
	preloadLink(`${bundle}wasm.${PAGEFIND_WASM}.pagefind`);
	manifest = fetch(`${bundle}${PRELOAD_FILE}`)
		.then((r) => (r.ok ? (r.json() as Promise<PreloadManifest>) : undefined))
		.then((m) => {
			if (m) for (const file of [m.meta, m.wasm]) preloadLink(bundle + file);
			return m;
		})
		.catch(() => undefined);
};
window.__ocaSearch = {
	tag,
	start: startSearch,
	hint(query: string) {
		startSearch();
		void manifest?.then((m) => { for (const hash of m ? chunksFor(query, m.chunks) : []) preloadLink(`${bundle}index/${hash}.pf_index`); });
	},
};
let loading: Promise<SearchElement> | undefined;
/** Loads the search element once; it upgrades <oca-search> in place. */
const load = () =>
	(loading ??= import('../components/search/search-element').then(() => customElements.whenDefined('oca-search')).then(() => ui!));

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
