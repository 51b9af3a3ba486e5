/**
 * <oca-search>: search as you type over the Pagefind index, with theme facets, keyboard moves
 * between results, a live result count, and URL state on the search page. Every string from the
 * query or the index reaches the page as text nodes only.
 */
import { ui } from '../../scripts/ui.ts';
import { excerptSegments, readState, writeState, MAX_QUERY, type SearchState } from '../../lib/search-text.ts';
import type { Matcher, Vocabulary } from '../../lib/did-you-mean.ts';
import { chunkPath, chunksFor, entryTag, fragmentPath, HIGHLIGHT_PARAM, searchLevers, shardKeys, shardPath } from '../../lib/search-preload.ts';
import { decodeCbor, likelyPages, PAGEFIND_RANKING, SIGNATURE_BYTES } from '../../lib/pagefind-index.ts';
import { keepShownFirst, topExcerpt, topGuess, topUrl, type TopFragment, type TopShard } from '../../lib/first-result.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sub_results: { title: string; url: string; excerpt: string }[];
}
interface PagefindSearch {
	results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
	unfilteredResultCount: number;
	totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	init: () => Promise<void>;
	preload: (q: string) => Promise<void>;
	search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindSearch | null>;
	filters: () => Promise<Record<string, Record<string, number>>>;
}

const RESULTS_SHOWN = 10;
const SUBRESULTS_SHOWN = 3;
/** Fewer results than this, and "Did you mean" looks for a closer term. */
const FEW_RESULTS = 3;
const levers = searchLevers();
/** Words of the excerpt around the matches, as Pagefind is asked for (its `excerptLength`). */
const EXCERPT_WORDS = 24;
let pagefindPromise: Promise<Pagefind> | undefined;
/** Whether Pagefind has answered a search yet: until then its files may still be on their way. */
let pagefindReady = false;
const decoded = new Map<string, Promise<unknown>>();
/**
 * A file of the search bundle as the page started it (see search-dialog.ts), decoded once: Pagefind's data
 * files (gzip, a signature, then CBOR, or JSON for fragments) with `pagefind`, JSON with `json`.
 */
function readShared(path: string, as: 'pagefind' | 'json' = 'pagefind'): Promise<unknown> {
	let p = decoded.get(path);
	if (!p) {
		decoded.set(path, (p = window.__ocaSearch!.share(path).then(async (r) => {
			if (!r.ok) throw new Error(`${r.status} ${path}`);
			if (as === 'json') return r.json();
			let bytes = new Uint8Array(await r.arrayBuffer());
			if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
			bytes = bytes.subarray(SIGNATURE_BYTES);
			return path.endsWith('.pf_fragment') ? JSON.parse(new TextDecoder().decode(bytes)) : decodeCbor(bytes);
		})));
		p.catch(() => decoded.delete(path));
	}
	return p;
}
/**
 * While Pagefind is still loading, guesses from its metadata and index chunks (already on their way) which
 * pages will rank first for the query, and starts their fragments, so the first result does not wait for
 * one more round trip once Pagefind has searched. Pagefind still ranks; a wrong guess costs a few KB.
 */
async function guessFragments(query: string) {
	const started = window.__ocaSearch;
	const m = await started?.manifest();
	if (!started || !m || pagefindReady) return;
	try {
		const [meta, ...chunks] = await Promise.all([readShared(m.meta), ...chunksFor(query, m.chunks).map((h) => readShared(chunkPath(h)))]);
		if (pagefindReady) return;
		for (const hash of likelyPages(query, meta, chunks)) void started.share(fragmentPath(hash)).catch(() => {});
	} catch {
		// Only a head start: Pagefind fetches what it needs anyway.
	}
}

let vocabularyPromise: Promise<{ matcher: Matcher; suggest: typeof import('../../lib/did-you-mean.ts').suggest }> | undefined;
/** The site's vocabulary for "Did you mean", and the code that matches it: loaded the first time a query finds little. */
function loadVocabulary(base: string) {
	vocabularyPromise ??= Promise.all([
		import('../../lib/did-you-mean.ts'),
		fetch(`${base}pagefind/vocabulary.json`).then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json() as Promise<Vocabulary>; }),
	]).then(([lib, vocabulary]) => ({ matcher: lib.prepare(vocabulary), suggest: lib.suggest }));
	vocabularyPromise.catch(() => (vocabularyPromise = undefined));
	return vocabularyPromise;
}
/**
 * The longest a small search file may take to arrive for round trips to count as short. Once Pagefind has
 * loaded, a new query costs it two round trips (an index chunk, then a fragment); the early first result costs
 * two smaller ones, so it is worth its work only when round trips are long (a phone network).
 */
const SHORT_ROUND_TRIP_MS = 40;
/** How long the last few small search files fetched over the network took (Resource Timing), in ms. */
const recentFetches: number[] = [];
/** The quickest of them, for the round trip (a single fetch may have queued behind others): 0 until one has arrived. */
const roundTrip = () => (recentFetches.length ? Math.min(...recentFetches) : 0);
if (typeof PerformanceObserver !== 'undefined')
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as PerformanceResourceTiming[])
			if (e.name.includes('/pagefind/') && e.transferSize > 0 && e.encodedBodySize < 4096) {
				recentFetches.push(e.duration);
				if (recentFetches.length > 8) recentFetches.shift();
			}
	}).observe({ type: 'resource', buffered: true });

let filtersPromise: Promise<unknown> | undefined;
/** Loads the filter index once; from then on every search also reports per-theme counts. */
const loadFilters = (pf: Pagefind) => (filtersPromise ??= pf.filters().catch(() => (filtersPromise = undefined)));

/** Loads the Pagefind bundle that was built with the index, once per page. */
function loadPagefind(base: string): Promise<Pagefind> {
	pagefindPromise ??= (async () => {
		window.__ocaSearch?.start();
		const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
		// metaCacheTag: the entry file's URL is the one the page preloaded (Pagefind otherwise adds the time to it).
		// noWorker: on the main thread Pagefind's fetches find the page's preloads, and the worker's script is not needed.
		await pf.options({
			baseUrl: base, highlightParam: HIGHLIGHT_PARAM, excerptLength: EXCERPT_WORDS, ranking: PAGEFIND_RANKING,
			noWorker: !levers.worker, metaCacheTag: window.__ocaSearch?.tag ?? entryTag(),
		});
		await pf.init();
		// The filter index is loaded after the first search, not before it, so a first query is not kept waiting (see #update).
		return pf;
	})();
	pagefindPromise.catch(() => (pagefindPromise = undefined));
	return pagefindPromise;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
	const node = Object.assign(document.createElement(tag), props);
	node.append(...children);
	return node;
}

function excerpt(html: string): HTMLElement {
	const p = el('p', { className: 'excerpt' });
	for (const s of excerptSegments(html)) p.append(s.mark ? el('mark', {}, s.text) : s.text);
	return p;
}

class SearchElement extends HTMLElement {
	#base = '/';
	#input!: HTMLInputElement;
	#facets!: HTMLFieldSetElement;
	#status!: HTMLElement;
	#results!: HTMLElement;
	#dym!: HTMLElement;
	#pageMode = false;
	#run = 0;
	/** The query and theme whose results are on screen, once the index has answered for them. */
	#shown: string | undefined;
	/** The query and theme the latest update is working on. */
	#wanted: string | undefined;

	/**
	 * Whether the early first result may be shown: only where the build's model of Pagefind's scores holds,
	 * for the source language's index (`data-early`); elsewhere Pagefind's own first result is the first shown.
	 */
	#early = true;

	connectedCallback() {
		this.#base = (this.dataset.base ?? '/').replace(/\/?$/, '/');
		this.#early = this.dataset.early !== 'off';
		this.#input = this.querySelector('[data-input]')!;
		this.#facets = this.querySelector('[data-facets]')!;
		this.#status = this.querySelector('[data-status]')!;
		this.#results = this.querySelector('[data-results]')!;
		this.#dym = this.querySelector('[data-did-you-mean]')!;
		this.#pageMode = this.dataset.mode === 'page';
		// The facets are in the HTML, hidden (but taking their space) until this script can make them work.
		this.#facets.hidden = false;

		this.querySelector('form')!.addEventListener('submit', (e) => {
			e.preventDefault();
			if (this.#pageMode) this.#commit(true);
			// Enter in the box opens the first result; the Search button (or no result yet) opens the search page.
			else if (!e.submitter && this.#firstResult()) this.#firstResult()!.click();
			else location.href = `${this.#base}search/${writeState('', this.#state())}`;
		});
		this.#input.addEventListener('input', () => this.#update());
		this.#input.addEventListener('focus', () => this.warm(), { once: true });
		this.#facets.addEventListener('change', () => {
			this.#update();
			if (this.#pageMode) this.#commit(true);
		});
		this.addEventListener('keydown', (e) => this.#onKey(e));
		this.querySelector<HTMLAnchorElement>('[data-page-link]')?.addEventListener('click', (e) => {
			(e.currentTarget as HTMLAnchorElement).href = `${this.#base}search/${writeState('', this.#state())}`;
		});
		if (this.#pageMode) {
			addEventListener('popstate', () => this.#restore());
			this.#restore();
			// A reader on the search page came to search: load the index once the page is idle.
			if ('requestIdleCallback' in window) requestIdleCallback(() => this.warm());
			else setTimeout(() => this.warm(), 200);
		} else if (this.#input.value) this.#update();
	}

	/**
	 * Starts loading the index before the first keystroke, and fills in the facet counts. Results already
	 * on screen for the current query are left alone, so a reader's focus in them is never lost.
	 */
	warm() {
		loadPagefind(this.#base).then(() => this.#update(true), () => {});
	}

	#key(): string {
		const { q, theme } = this.#state();
		return `${q.trim()}\u0000${theme}`;
	}

	#state(): SearchState {
		const checked = this.#facets.querySelector<HTMLInputElement>('input:checked');
		return { q: this.#input.value.slice(0, MAX_QUERY), theme: checked?.value ?? '' };
	}

	#restore() {
		const state = readState(location.search);
		this.#input.value = state.q;
		const radios = [...this.#facets.querySelectorAll<HTMLInputElement>('input')];
		(radios.find((r) => r.value === state.theme) ?? radios[0]!).checked = true;
		this.#update();
	}

	/** Keeps ?q=&theme= in the URL: a new history entry for deliberate changes, a replacement while typing. */
	#commit(push: boolean) {
		const url = `${location.pathname}${writeState(location.search, this.#state())}${location.hash}`;
		if (url === `${location.pathname}${location.search}${location.hash}`) return;
		if (push) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	}

	/** What the arrow keys move through: the "Did you mean" links, then the results. */
	#links(): HTMLAnchorElement[] {
		return [...this.#dym.querySelectorAll<HTMLAnchorElement>('a[data-suggestion]'), ...this.#results.querySelectorAll<HTMLAnchorElement>('a[data-result]')];
	}
	#firstResult() {
		return this.#results.querySelector<HTMLAnchorElement>('a[data-result]') ?? undefined;
	}

	#onKey(e: KeyboardEvent) {
		if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
		const links = this.#links();
		if (!links.length) return;
		const i = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (e.target === this.#input && e.key === 'ArrowDown') links[0]!.focus();
		else if (i >= 0 && e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)]!.focus();
		else if (i > 0 && e.key === 'ArrowUp') links[i - 1]!.focus();
		else if (i === 0 && e.key === 'ArrowUp') this.#input.focus();
		else return;
		e.preventDefault();
	}

	async #update(onlyIfChanged = false) {
		const key = this.#key();
		// warm() runs as the index arrives; if the results for this query are shown or on their way, keep them.
		if (onlyIfChanged && (this.#shown === key || this.#wanted === key)) return;
		this.#wanted = key;
		const run = ++this.#run;
		const idle = !this.#input.value.trim() && !this.#state().theme;
		// An idle box does not load the index; warm() (focus, hover) or the first keystroke does.
		if (idle && !pagefindPromise) {
			this.#dym.replaceChildren();
			this.#results.replaceChildren();
			this.#status.textContent = '';
			this.#wanted = undefined;
			return;
		}
		// While Pagefind is still on its way, start the index chunks this query needs alongside it.
		if (!pagefindReady && this.#input.value.trim()) {
			window.__ocaSearch?.hint(this.#input.value);
			if (levers.top && this.#early) void this.#provisional(run, key);
			if (levers.guess) void guessFragments(this.#input.value);
		} else if (levers.top && this.#early && levers.topWarm && roundTrip() > SHORT_ROUND_TRIP_MS && this.#input.value.trim()) void this.#provisional(run, key);
		let pf: Pagefind;
		try {
			pf = await loadPagefind(this.#base);
		} catch {
			if (run === this.#run) {
				this.#wanted = undefined;
				this.#showError();
			}
			return;
		}
		if (run !== this.#run) return;
		const { q, theme } = this.#state();
		const query = q.trim();
		if (this.#pageMode) this.#commit(false);
		if (!query && !theme) {
			this.#dym.replaceChildren();
			this.#results.replaceChildren();
			this.#status.textContent = '';
			this.#shown = this.#key();
			this.#setCounts(await pf.filters());
			// Pagefind has answered: its files are in, so later queries need no head start.
			pagefindReady = true;
			return;
		}
		const search = await pf.search(query || null, theme ? { filters: { theme } } : {});
		pagefindReady = true;
		if (run !== this.#run || !search) return;
		const results = keepShownFirst(search.results, this.#results.querySelector<HTMLElement>('[data-provisional]')?.dataset.provisional);
		const total = results.length;
		this.#shown = this.#key();
		const list = this.#render(total, query, theme);
		if (query && total < FEW_RESULTS) void this.#didYouMean(run, pf, query, theme, total);
		else this.#dym.replaceChildren();
		const shown = list ? this.#showMore(run, list, results, 0) : Promise.resolve();
		// Facet counts say how many results each theme would give for this query (all pages when there is none).
		// The filter index is loaded once the first results are on screen, so it does not hold them up on a
		// slow network; the counts then follow a moment later.
		if (!query) this.#setCounts(await pf.filters());
		else if (search.totalFilters.theme) this.#setCounts(search.totalFilters);
		else
			void shown
				.then(() => loadFilters(pf))
				.then(() => pf.search(query, theme ? { filters: { theme } } : {}))
				.then((again) => { if (again && run === this.#run) this.#setCounts(again.totalFilters); });
		await shown;
	}

	/**
	 * While Pagefind is still loading (or, on a slow network, fetching the index chunk a new query needs), shows
	 * the page likely to rank first (from the build's per-word tables, see first-result.ts) with its title and
	 * excerpt, marked as provisional, so a reader on a slow network sees an answer before Pagefind can give one.
	 * Pagefind's results take its place once its first result is ready; nothing is shown when the tables know no
	 * page for every word of the query.
	 */
	async #provisional(run: number, key: string) {
		const { q, theme } = this.#state();
		const query = q.trim();
		try {
			const keys = shardKeys(query);
			const shards = new Map(await Promise.all(keys.map(async (k) => [k, (await readShared(shardPath(k), 'json')) as TopShard] as const)));
			// Pagefind has answered meanwhile (on a fast network, once it has loaded), or the reader has typed on.
			if (run !== this.#run || this.#shown === key) return;
			const guess = topGuess(query, shards);
			if (!guess) return;
			const page = (await readShared(fragmentPath(guess.hash))) as TopFragment;
			// Pagefind has answered meanwhile, or the reader has typed on, or the page is not in the chosen theme.
			if (run !== this.#run || this.#shown === key || (theme && !page.filters.theme?.includes(theme))) return;
			const item = this.#item({
				url: topUrl(this.#base, page.url, query), excerpt: topExcerpt(page.content, guess.words, EXCERPT_WORDS),
				meta: page.meta, filters: page.filters, sub_results: [],
			});
			item.dataset.provisional = guess.hash;
			this.#status.textContent = ui('bestMatch', { query, scope: this.#scope(theme) });
			this.#dym.replaceChildren();
			const list = el('ol', {}, item);
			list.setAttribute('aria-busy', 'true');
			this.#results.replaceChildren(list);
		} catch {
			// Only a head start: Pagefind answers anyway.
		}
	}

	/** Puts Pagefind's list in place of what is on screen, keeping the keyboard focus in the results if it was there. */
	#swapIn(list: HTMLOListElement) {
		const refocus = this.#results.contains(document.activeElement);
		this.#results.replaceChildren(list);
		if (refocus) list.querySelector<HTMLAnchorElement>('a[data-result]')?.focus();
	}

	/**
	 * Appends the next batch of results. The fragments of the first few (what is on screen first) are
	 * requested before the others, so on a slow network they do not share it with the tenth; each result is
	 * shown as soon as it and those above it have arrived.
	 */
	async #showMore(run: number, list: HTMLOListElement, results: PagefindSearch['results'], from: number) {
		this.#results.querySelector('.more')?.remove();
		const slice = results.slice(from, from + RESULTS_SHOWN);
		const head = Math.max(1, levers.firstFragments);
		const batch: Promise<PagefindResultData>[] = slice.slice(0, head).map((r) => r.data());
		const rest = batch[0]!.then(() => slice.slice(head).map((r) => r.data()), () => []);
		for (let i = head; i < slice.length; i++) batch.push(rest.then((ps) => ps[i - head]!));
		const first = list.children.length;
		for (const p of batch) {
			const d = await p;
			if (run !== this.#run) return;
			list.append(this.#item(d));
			// A provisional first result stays on screen until this one can take its place.
			if (!list.isConnected) this.#swapIn(list);
		}
		const shown = from + batch.length;
		if (shown < results.length) {
			const more = el('button', { type: 'button', className: 'more' }, ui('moreResults', { n: results.length - shown }));
			more.addEventListener('click', () => this.#showMore(run, list, results, shown));
			this.#results.append(more);
		}
		// After "Show more", keyboard users continue from the first new result.
		if (from > 0) list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
	}

	/** A theme's label, from its facet: the index and the URL hold theme ids, the reader sees titles. */
	#themeLabel(id: string): string {
		for (const input of this.#facets.querySelectorAll<HTMLInputElement>('input'))
			if (input.value === id) return input.closest('label')?.dataset.label ?? id;
		return id;
	}

	/** How the status names the chosen theme, if any: " in Rocketry". */
	#scope(theme: string): string {
		return theme ? ui('inTheme', { theme: this.#themeLabel(theme) }) : '';
	}

	/** Writes each theme's result count next to its facet. */
	#setCounts(counts: Record<string, Record<string, number>>) {
		const theme = counts.theme ?? {};
		for (const n of this.#facets.querySelectorAll<HTMLElement>('.n')) {
			const value = n.closest('label')!.querySelector('input')!.value;
			n.textContent = `(${theme[value] ?? 0})`;
		}
	}

	/** Shows the count and an empty list for the results to fill; undefined when there are none. */
	#render(total: number, query: string, theme: string): HTMLOListElement | undefined {
		const scope = this.#scope(theme);
		const about = query ? ui('forQuery', { query }) : '';
		if (!total) {
			this.#status.textContent = ui('noResults', { about, scope });
			this.#results.replaceChildren(this.#suggestions());
			return undefined;
		}
		this.#status.textContent = ui(total === 1 ? 'result' : 'results', { n: total, about, scope });
		const list = el('ol');
		// A provisional first result (see #provisional) stays until Pagefind's first result is ready (see #showMore).
		if (!this.#results.querySelector('[data-provisional]')) this.#results.replaceChildren(list);
		return list;
	}

	/** One result: title, theme, marked excerpt, and up to three sub-results that link to headings. */
	#item(d: PagefindResultData): HTMLLIElement {
		const item = el('li', { className: 'result' });
		const title = el('a', { href: d.url }, d.meta.title ?? d.url);
		title.dataset.result = '';
		item.append(title);
		for (const t of d.filters.theme ?? []) item.append(el('span', { className: 'theme' }, this.#themeLabel(t)));
		item.append(excerpt(d.excerpt));
		const subs = d.sub_results.filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, SUBRESULTS_SHOWN);
		if (subs.length) {
			const sub = el('ul', { className: 'sub' });
			for (const s of subs) {
				const a = el('a', { href: s.url }, s.title);
				a.dataset.result = '';
				sub.append(el('li', {}, a, excerpt(s.excerpt)));
			}
			item.append(sub);
		}
		return item;
	}

	/**
	 * "Did you mean": after a query that found fewer than three results, the closest terms of the site's
	 * vocabulary that find more, as links that run that search. The box keeps what the reader typed until
	 * they follow one. Written into a polite live region, so a screen reader announces it.
	 */
	async #didYouMean(run: number, pf: Pagefind, query: string, theme: string, total: number) {
		let dym: Awaited<ReturnType<typeof loadVocabulary>>;
		try {
			dym = await loadVocabulary(this.#base);
		} catch {
			return;
		}
		if (run !== this.#run) return;
		const found: { text: string; n: number }[] = [];
		for (const s of dym.suggest(query, dym.matcher, 5)) {
			const r = await pf.search(s.text, theme ? { filters: { theme } } : {});
			if (run !== this.#run) return;
			if (r && r.results.length > total) found.push({ text: s.text, n: r.results.length });
			if (found.length === 3) break;
		}
		if (!found.length) {
			this.#dym.replaceChildren();
			return;
		}
		const p = el('p', {}, ui('didYouMean'));
		found.forEach(({ text, n }, i) => {
			if (i > 0) p.append(i === found.length - 1 ? ui('or') : ui('comma'));
			const a = el('a', { href: `${this.#base}search/${writeState('', { q: text, theme })}` }, text);
			a.dataset.suggestion = '';
			a.addEventListener('click', (e) => {
				if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
				e.preventDefault();
				this.#input.value = text;
				this.#input.focus();
				this.#update();
				if (this.#pageMode) this.#commit(true);
			});
			p.append(a, el('span', { className: 'n' }, ui(n === 1 ? 'countOne' : 'count', { n })));
		});
		p.append(ui('questionMark'));
		this.#dym.replaceChildren(p);
	}

	/** Links to the themes, rendered by the server into a <template> so they stay base-aware. */
	#suggestionList(): Node {
		return this.querySelector<HTMLTemplateElement>('template[data-suggestions]')!.content.cloneNode(true);
	}

	#suggestions(): HTMLElement {
		return el('div', { className: 'suggest-box' }, el('p', {}, ui('tryOther')), this.#suggestionList());
	}

	#showError() {
		this.#status.textContent = ui('unavailable');
		const box = el('div', { className: 'error' }, el('p', {}, ui('indexFailed')));
		box.append(this.#suggestionList());
		this.#results.replaceChildren(box);
	}
}

customElements.define('oca-search', SearchElement);
export type { SearchElement };
