/**
 * The first result, before Pagefind has loaded. On a phone network Pagefind's WebAssembly, script, metadata
 * and index chunk (~115 KB) take most of a second to arrive; the page the reader most likely wants can be
 * known from far less. The build writes, next to the index, each indexed word's best pages (by the same
 * BM25 the search ranks with), in small files found from the word's first three letters
 * (`<base>pagefind/top/<n>.json`). A query's files are fetched the moment it is typed, then the best page's
 * fragment, and its title and excerpt are shown, marked as provisional, until Pagefind's full answer takes
 * their place. Pure functions only; the page script and the search element do the fetching.
 */
import { idf, indexedWordStream, pageStats, termScores, titleScore, wordScore, type IndexedWord } from './pagefind-index.ts';
import { HIGHLIGHT_PARAM, pagefindTerms, queryStarts, queryWords, shardKey, TOP_FILES } from './search-preload.ts';

/**
 * How many pages are kept per indexed word: all of them up to `ALL_UP_TO` (so a query of several words can be
 * answered exactly when its words are that rare), else the best `TOP_PER_WORD`.
 */
export const TOP_PER_WORD = 8;
export const ALL_UP_TO = 24;

/**
 * One file: the index's page count and mean page length, and for each indexed word whose key it is (see shardKey): the number of pages a query for it finds (see IndexedWord), whether all of its own pages follow (1) or only the best (0), then its best pages
 * as `hash, weighted count, page length, in title (0/1), weighted count on its own` (see IndexedWord), flattened.
 */
export interface TopShard {
	pages: number;
	avg: number;
	words: Record<string, (string | number)[]>;
}
/** How many values each page takes in a word's list. */
const HIT = 5;
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Builds the files from Pagefind's metadata and its index chunks (decoded, without their signature; in the
 * index's order, and best produced one at a time, see indexedWordStream): for every indexed word of three
 * letters or more, its pages (see TOP_PER_WORD). Each word is cut down to its best pages as it is read, so
 * memory holds the files, not the index. Returns `key → contents`, each file's words in the index's order.
 */
export function topShards(meta: unknown, chunks: Iterable<unknown>): Map<string, TopShard> {
	const { totalPages, avgLength } = pageStats(meta);
	const avg = Math.round(avgLength * 100) / 100;
	const read = new Map<string, [order: number, word: string, hits: (string | number)[]][]>(Array.from({ length: TOP_FILES }, (_, i) => [String(i), []]));
	for (const { word, order, indexed: { termPages, hits } } of indexedWordStream(meta, chunks)) {
		if (word.length < 3) continue;
		const termIdf = idf(termPages, totalPages);
		const best = hits
			.map((h) => [h, wordScore(h[1], h[2], avg, 0, termIdf) + (h[3] ? titleScore(termIdf) : 0)] as const)
			.sort((a, b) => b[1] - a[1])
			.slice(0, hits.length <= ALL_UP_TO ? ALL_UP_TO : TOP_PER_WORD);
		read.get(shardKey(word))!.push([order, word, [termPages, best.length === hits.length ? 1 : 0, ...best.flatMap(([[hash, frequency, length, inTitle, own]]) => [hash, round(frequency), length, inTitle, round(own)])]]);
	}
	return new Map([...read].map(([key, words]) => [key, { pages: totalPages, avg, words: Object.fromEntries(words.sort((a, b) => a[0] - b[0]).map(([, word, hits]) => [word, hits])) }]));
}

/** The page guessed first for a query, and the indexed words of it that matched (to mark in the excerpt). */
export interface TopGuess {
	hash: string;
	words: string[];
	/** The page's score as the model computes it: Pagefind's own score for it, while the model holds. */
	score: number;
}

/**
 * The page most likely to rank first for `query`, scored as Pagefind scores from the files its words are in
 * (`shards`, by key). Every word of the query must find the page, as in the search; undefined when no page is
 * known for all of them (Pagefind then answers on its own).
 */
export function topGuess(query: string, shards: ReadonlyMap<string, TopShard>): TopGuess | undefined {
	const words = new Map<string, IndexedWord>();
	let pages = 0;
	let avg = 0;
	// A file also holds words of other starts (its key is a hash): only those the query can find are read.
	const starts = new Set(queryStarts(query));
	for (const shard of shards.values()) {
		({ pages, avg } = shard);
		for (const [word, [termPages, complete, ...flat]] of Object.entries(shard.words)) {
			if (!starts.has(word.slice(0, 3))) continue;
			const hits: IndexedWord['hits'] = [];
			for (let i = 0; i + HIT - 1 < flat.length; i += HIT) hits.push([String(flat[i]), Number(flat[i + 1]), Number(flat[i + 2]), flat[i + 3] ? 1 : 0, Number(flat[i + 4])]);
			words.set(word, { termPages: Number(termPages), complete: complete === 1, hits });
		}
	}
	// Pagefind searches every term of the query, short ones ("12") too; the files hold words of three letters
	// or more, so a query with another term is left to Pagefind.
	const queried = queryWords(query);
	if (!pages || queried.length !== pagefindTerms(query).length || !queried.every((w) => /^[\p{L}\p{N}]+$/u.test(w))) return undefined;
	// Only a page known to be first is shown: one that every word of the query finds, whose score is at least
	// what any other page could have, counting for each what the words' unknown pages could add.
	const terms = queried.map((w) => termScores(w, words, pages, avg));
	// A page no word's known pages hold, if every word may have such pages.
	let rival = terms.every((t) => !t.complete) ? terms.reduce((sum, t) => sum + t.unknown(''), 0) : 0;
	const candidates: { page: string; known: number; most: number; sure: boolean }[] = [];
	for (const page of new Set(terms.flatMap((t) => [...t.scores.keys()]))) {
		let known = 0;
		let most = 0;
		let sure = true;
		for (const t of terms) {
			const s = t.scores.get(page);
			if (s === undefined && t.complete) [most, sure] = [-Infinity, false];
			known += s ?? 0;
			most += (s ?? 0) + t.unknown(page);
			if (!s) sure = false;
		}
		candidates.push({ page, known, most, sure });
	}
	// The best page every word finds, by its known score; every other page counts with the most it could score.
	const first = candidates.reduce<(typeof candidates)[number] | undefined>((a, c) => (c.sure && (!a || c.known > a.known) ? c : a), undefined);
	for (const c of candidates) if (c !== first) rival = Math.max(rival, c.most);
	const best = first && ([first.page, first.known] as const);
	return best && best[1] >= rival ? { hash: best[0], words: terms.flatMap((t) => t.matched), score: best[1] } : undefined;
}

/** What the page needs of a Pagefind fragment to show it as a result. */
export interface TopFragment {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** How Pagefind separates the words of a fragment's content (its word locations count these). */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;
const normal = (word: string) => word.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * An excerpt of `length` words where the matched words are densest, chosen as Pagefind chooses (the middle
 * of the densest windows), with them in `<mark>` and the rest escaped, as Pagefind writes its excerpts, so
 * the page renders both the same way. Every match counts the same here; Pagefind also weighs headings.
 */
export function topExcerpt(content: string, words: readonly string[], length: number, ellipsis = '…'): string {
	const all = content.replace(/\u200B/g, '').split(WORD_SEPARATORS);
	const hits = all.map((w) => { const n = normal(w); return n.length > 0 && words.some((s) => n.startsWith(s)) ? 1 : 0; });
	let start = 0;
	if (all.length > length) {
		let sum = hits.slice(0, length).reduce<number>((a, b) => a + b, 0);
		let best = sum;
		let at = [0];
		for (let i = 0; i < all.length; i++) {
			sum += (hits[i + length] ?? 0) - hits[i]!;
			if (sum > best) [best, at] = [sum, [i]];
			else if (sum === best && at[at.length - 1] === i - 1) at.push(i);
		}
		start = Math.max(0, Math.min(at[Math.floor(at.length / 2)]!, all.length - length));
	}
	const end = Math.min(all.length, start + length);
	const escape = (w: string) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const body = all.slice(start, end).map((w, i) => (hits[start + i] ? `<mark>${escape(w)}</mark>` : escape(w))).join(' ').trim();
	return `${start > 0 ? `${ellipsis} ` : ''}${body}${end < all.length ? ` ${ellipsis}` : ''}`;
}

/** A result's address as Pagefind gives it: under the base, with the highlight parameter set to each query term. */
export function topUrl(base: string, url: string, query: string): string {
	const full = /^(https?:)?\/\//.test(url) ? url : `${base}/${url}`.replace(/\/+/g, '/');
	const u = new URL(full, 'https://example.com');
	for (const term of pagefindTerms(query)) u.searchParams.append(HIGHLIGHT_PARAM, term);
	return /^(https?:)?\/\//.test(url) ? u.toString() : u.toString().replace(/^https:\/\/example\.com/, '');
}

/** Whether two of Pagefind's scores are the same, but for rounding (the order of equal scores means nothing). */
export const sameScore = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.abs(b);

/**
 * Pagefind's results with the page already shown first (`shown`, a page hash) kept first when it scores the
 * same as Pagefind's first: the order of equal scores means nothing, and the reader's first result then does
 * not move under them.
 */
export function keepShownFirst<T extends { id: string; score: number }>(results: readonly T[], shown: string | undefined): T[] {
	const i = shown ? results.findIndex((r) => r.id === shown) : -1;
	if (i <= 0 || !sameScore(results[i]!.score, results[0]!.score)) return [...results];
	return [results[i]!, ...results.slice(0, i), ...results.slice(i + 1)];
}
