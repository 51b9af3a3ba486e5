/**
 * Reading Pagefind's index, and ranking pages from it as Pagefind does: its data files (CBOR), the words and
 * their places on each page, and Pagefind 1.6's scores. Used by the build (the first-result files, see
 * first-result.ts) and, once search is under way, by the search element (its guesses while Pagefind loads).
 * Kept apart from search-preload.ts, which every page's script loads. Pure functions only.
 */
import { queryStarts, queryWords, stemFloor, stemForms, type ChunkRange } from './search-preload.ts';

/** How much more a title word counts than a body word, in the search (its `metaWeights`) and in the guesses. */
export const TITLE_WEIGHT = 12;

/** Pagefind's `ranking` option as the site sets it; the scores below follow it. */
export const PAGEFIND_RANKING = { metaWeights: { title: TITLE_WEIGHT } };

/** Pagefind's data files are gzip'd; inside, this many bytes of signature come before the CBOR (or a fragment's JSON). */
export const SIGNATURE_BYTES = 12;

/** One page's postings for a word in an index chunk: page number delta, word locations, metadata locations. */
export type Posting = [delta: number, locations: number[], metaLocations: number[]];

/**
 * A page's places of an indexed word in its text, as `position → weight`: a number below zero sets the weight
 * (in 24ths) of the locations after it, which count on from zero again. A place listed twice counts once, at
 * the lower weight.
 */
export function wordPlaces(locations: readonly number[]): Map<number, number> {
	const out = new Map<number, number>();
	let weight = 1;
	let at = 0;
	for (const x of locations) {
		if (x < 0) [weight, at] = [(-x - 1) / 24, 0];
		else {
			const before = out.get((at += x));
			out.set(at, before === undefined ? weight : Math.min(before, weight));
		}
	}
	return out;
}

/**
 * An indexed word's pages: how many pages a query for it finds, whether `hits` lists all of its own, and some or all of them as
 * `[page, weighted count, page length, in title, weighted count on its own]`. The first count leaves out the
 * places the word shares with a shorter indexed word it starts with (see indexedWords); the last keeps them,
 * for a query that finds this word but not the shorter one.
 */
export interface IndexedWord {
	/** The pages a query word whose stem is this word finds: those of every indexed word that starts with it. */
	termPages: number;
	complete: boolean;
	hits: [page: string, frequency: number, length: number, inTitle: 0 | 1, own: number][];
}

/** Pagefind's default ranking weights: term saturation (k1), page length (b), term similarity. */
const K1 = 1.4;
const B = 0.75;
const SIMILARITY = 1;
/**
 * The scale of the text's BM25 part against the title's part in Pagefind 1.6's scores. Not documented: fitted
 * to the scores it returns (`result.score`), which this model then reproduces to about 0.1 %.
 */
const TEXT_SCALE = 1.8;

/** Inverse document frequency of a word on `pageCount` of `totalPages` pages, as Pagefind computes it. */
export const idf = (pageCount: number, totalPages: number) => Math.log((totalPages - pageCount + 0.5) / (pageCount + 0.5) + 1);

/**
 * Pagefind's score of one indexed word in one page's text: BM25 of its weighted count, with the length bonus
 * that favours words close to the query word's stem in length, times the query word's inverse document
 * frequency (`termIdf`: Pagefind 1.6 weighs every form a query word finds by the rarity of the query word).
 */
export function wordScore(frequency: number, length: number, avgLength: number, lengthDifference: number, termIdf: number): number {
	const d = lengthDifference + 1;
	const bonus = Math.exp(Math.exp((-0.5 * d * d) / 4) * SIMILARITY) / Math.exp(SIMILARITY);
	const tf = frequency * bonus;
	return (termIdf * TEXT_SCALE * (K1 + 1) * tf) / (K1 * (1 - B + (B * length) / avgLength) + tf);
}

/** What a page's title adds for a query word it has: the title's weight times the query word's inverse document frequency. */
export const titleScore = (termIdf: number) => TITLE_WEIGHT * termIdf;

/**
 * The indexed words a query word finds, as Pagefind looks them up: every indexed word that starts with its
 * stem, or, when there is none, the longest indexed word its stem starts with. The stem is not computed here
 * (that needs Pagefind's stemmer): it is the longest indexed start of the word of at least half its length
 * ("radiators" → "radiat", "cooling" → "cool"), or the word itself when there is none ("radi" while typing).
 */
export function findWords(word: string, indexed: Iterable<string>): { stem: string; words: string[] } {
	const keys = [...indexed];
	const forms = stemForms(word);
	const floor = stemFloor(word);
	let stem = '';
	for (const k of keys) if (k.length >= floor && k.length > stem.length && forms.some((f) => f.startsWith(k))) stem = k;
	stem ||= word;
	return { stem, words: keys.filter((k) => k.startsWith(stem)) };
}

/** How long a shorter indexed word must be for a longer one's shared places to count with it (see baseWord). */
const BASE_WORD_MIN = 3;

/** The longest shorter indexed word (BASE_WORD_MIN letters or more) that `word` starts with, if any. */
function baseWord(word: string, indexed: ReadonlyMap<string, unknown>): string | undefined {
	for (let n = word.length - 1; n >= BASE_WORD_MIN; n--) if (indexed.has(word.slice(0, n))) return word.slice(0, n);
	return undefined;
}

/** What one word of a query gives each page it finds (see termScores). */
export interface TermScores {
	/** The indexed words it finds. */
	matched: string[];
	/** Each page's score for it, as far as the words' known pages go. */
	scores: Map<string, number>;
	/** At most what it can add to a page's known score, from the words whose known pages miss it (0 when all pages are known). */
	unknown: (page: string) => number;
	/** Whether every page it finds is in `scores`. */
	complete: boolean;
}

/**
 * The score each page gets from one word of a query, as Pagefind scores it (see wordScore and titleScore). When
 * only a word's best pages are known (`complete: false`), a page missing from them gets at most what the
 * last of them gets.
 */
export function termScores(word: string, words: ReadonlyMap<string, IndexedWord>, totalPages: number, avgLength: number): TermScores {
	const found = findWords(word, words.keys());
	// The pages the query word finds: known for a stem that is an indexed word, else at least those of its most common form.
	const termIdf = idf(words.get(found.stem)?.termPages ?? Math.max(0, ...found.words.map((w) => words.get(w)!.termPages)), totalPages);
	const scores = new Map<string, number>();
	const title = new Set<string>();
	const partial: [pages: Set<string>, last: number][] = [];
	// Pages where two or more of the found words stand: where they share a place ("Starcloud-2" is indexed as
	// "starcloud" and "starcloud2" at one position), Pagefind adds their weights together rather than counting
	// the place once, as the files do; by how much depends on which word it meets first. So such a page may
	// score more than its known score, by at most each word's own count scored again.
	const forms = new Map<string, number>();
	const compound = new Map<string, number>();
	for (const w of found.words) {
		const { hits, complete } = words.get(w)!;
		// The places this word shares with a shorter one count with that one when the query finds it too (see indexedWords).
		const alone = !found.words.includes(baseWord(w, words) ?? w);
		const score = ([, frequency, length, inTitle, own]: IndexedWord['hits'][number]) =>
			wordScore(alone ? own : frequency, length, avgLength, Math.abs(w.length - found.stem.length), termIdf) + (inTitle ? titleScore(termIdf) : 0);
		for (const hit of hits) {
			// The title counts once for the query word, however many of its forms it holds.
			const s = score(hit) - (hit[3] && title.has(hit[0]) ? titleScore(termIdf) : 0);
			if (hit[3]) title.add(hit[0]);
			scores.set(hit[0], (scores.get(hit[0]) ?? 0) + s);
			forms.set(hit[0], (forms.get(hit[0]) ?? 0) + 1);
			compound.set(hit[0], (compound.get(hit[0]) ?? 0) + wordScore(hit[4], hit[2], avgLength, Math.abs(w.length - found.stem.length), termIdf));
		}
		if (!complete && hits.length) partial.push([new Set(hits.map((h) => h[0])), score(hits[hits.length - 1]!)]);
	}
	const unknown = (page: string) =>
		partial.reduce((sum, [pages, last]) => sum + (pages.has(page) ? 0 : last), 0) + ((forms.get(page) ?? 0) > 1 ? compound.get(page)! : 0);
	return { matched: found.words, scores, unknown, complete: !partial.length };
}

/**
 * The pages a query finds, best first, scored as Pagefind scores them, from what is known of the indexed
 * words (`words`: all of them in the chunks at hand, or each one's best pages). A page must be found by every
 * word of the query. Also returns the indexed words that matched, to mark in an excerpt.
 */
export function rankPages(query: string, words: ReadonlyMap<string, IndexedWord>, totalPages: number, avgLength: number): { pages: [page: string, score: number][]; matched: string[] } {
	let total: Map<string, number> | undefined;
	const matched: string[] = [];
	for (const word of queryWords(query)) {
		const term = termScores(word, words, totalPages, avgLength);
		matched.push(...term.matched);
		if (!total) total = term.scores;
		else for (const [page, s] of total) if (term.scores.has(page)) total.set(page, s + term.scores.get(page)!); else total.delete(page);
		if (!total.size) break;
	}
	return { pages: [...(total ?? [])].sort((a, b) => b[1] - a[1]), matched };
}

/** The index chunk ranges of Pagefind's metadata (decoded, without its signature). */
export function chunkRanges(meta: unknown): ChunkRange[] {
	if (!Array.isArray(meta) || !Array.isArray(meta[2])) throw new Error('Unexpected Pagefind metadata layout');
	return (meta[2] as unknown[]).map((c) => {
		const [from, to, hash] = c as [string, string, string];
		if (typeof from !== 'string' || typeof to !== 'string' || typeof hash !== 'string') throw new Error('Unexpected Pagefind index chunk entry');
		return [from, to, hash];
	});
}

/** A minimal CBOR decoder: unsigned and negative integers, byte and text strings, arrays, maps, simple values. */
export function decodeCbor(bytes: Uint8Array): unknown {
	let i = 0;
	const text = new TextDecoder();
	const length = (info: number): number => {
		if (info < 24) return info;
		let n = 0;
		const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : -1;
		if (size < 0) throw new Error(`CBOR: unsupported length ${info}`);
		for (let k = 0; k < size; k++) n = n * 256 + bytes[i++]!;
		return n;
	};
	// Most strings of an index are short words in ASCII: read those without a TextDecoder call each.
	const str = (n: number): string => {
		let out = '';
		for (let k = i; k < i + n; k++) {
			const b = bytes[k]!;
			if (b > 0x7f || n > 64) return text.decode(bytes.subarray(i, (i += n)));
			out += String.fromCharCode(b);
		}
		i += n;
		return out;
	};
	const item = (): unknown => {
		const head = bytes[i++];
		if (head === undefined) throw new Error('CBOR: unexpected end');
		const major = head >> 5;
		const info = head & 31;
		if (major === 7) return info === 20 ? false : info === 21 ? true : info === 22 ? null : undefined;
		const n = length(info);
		switch (major) {
			case 0: return n;
			case 1: return -1 - n;
			case 2: return bytes.subarray(i, (i += n));
			case 3: return str(n);
			case 4: { const a = new Array<unknown>(n); for (let k = 0; k < n; k++) a[k] = item(); return a; }
			case 5: { const o: Record<string, unknown> = {}; for (let k = 0; k < n; k++) { const key = String(item()); o[key] = item(); } return o; }
			default: throw new Error(`CBOR: unsupported type ${major}`);
		}
	};
	return item();
}

/** Code point order, the order Pagefind sorts its words in (Rust's, of UTF-8 bytes): negative when `a` comes first. */
export function compareWords(a: string, b: string): number {
	for (let i = 0; ; ) {
		const x = a.codePointAt(i);
		const y = b.codePointAt(i);
		if (x === undefined || y === undefined) return (x === undefined ? 0 : 1) - (y === undefined ? 0 : 1);
		if (x !== y) return x - y;
		i += x > 0xffff ? 2 : 1;
	}
}

/** The page count and mean page length (in words) of Pagefind's metadata (decoded, without its signature). */
export function pageStats(meta: unknown): { pages: [hash: string, words: number][]; totalPages: number; avgLength: number } {
	const pages = ((meta as unknown[])[1] ?? []) as [string, number][];
	return { pages, totalPages: pages.length, avgLength: pages.reduce((s, p) => s + p[1], 0) / (pages.length || 1) };
}

/** An indexed word being read, while the words that start with it (which follow it in the index) are. */
interface OpenWord {
	word: string;
	/** Its place among the words read: the order the index lists them in. */
	order: number;
	/** Page number → its posting there. */
	onPages: Map<number, Posting>;
	/** Page number → [weighted count, weighted count on its own]; the longer words that share its places add to the first. */
	counts: Map<number, [number, number]>;
	/** Its pages and those of every word read since that starts with it. */
	found: Set<number>;
}

/**
 * The indexed words of Pagefind's metadata and index chunks (decoded, without their signature), one at a
 * time, with their place in the index's order (`order`). The chunks are read in turn, and may be produced
 * one at a time (a generator), so memory holds one chunk and the words still open, never the whole index:
 * the words are read in Pagefind's order, where a word comes just before the words that start with it, so
 * a word is complete (its pages and those of every longer word that starts with it) once a word that does not
 * start with it is read. Chunks must come in the index's order; the words of a chunk are put in that order.
 *
 * Pagefind indexes a compound or possessive token under its whole form and its first part at the same place
 * ("Stoke’s" as "stoke’" and "stoke"); a query that finds both counts that place once, for the shorter word
 * (twice its weight when both weigh the same, else the lower weight). The counts here do the same. `keep`
 * limits the words read (see queryStarts).
 */
export function* indexedWordStream(meta: unknown, chunks: Iterable<unknown>, keep: (word: string) => boolean = () => true): Generator<{ word: string; order: number; indexed: IndexedWord }> {
	const { pages } = pageStats(meta);
	// The words read that the current word starts with, shortest first: each starts with the one before it.
	const open: OpenWord[] = [];
	const close = () => {
		const o = open.pop()!;
		const parent = open.at(-1);
		if (parent) for (const page of o.found) parent.found.add(page);
		const hits: IndexedWord['hits'] = [];
		for (const [page, [, , metaLocations]] of o.onPages) {
			const p = pages[page];
			const [frequency, own] = o.counts.get(page)!;
			if (p) hits.push([p[0], frequency, p[1], metaLocations.some((x) => x >= 0) ? 1 : 0, own]);
		}
		return { word: o.word, order: o.order, indexed: { termPages: o.found.size, complete: true, hits } };
	};
	let previous: string | undefined;
	let order = 0;
	for (const chunk of chunks) {
		const entries = (((chunk as unknown[])[0] ?? []) as [string, Posting[]][]).filter(([word]) => keep(word)).sort((a, b) => compareWords(a[0], b[0]));
		for (const [word, list] of entries) {
			if (previous !== undefined && compareWords(previous, word) >= 0)
				throw new Error(`Pagefind's index lists "${word}" after "${previous}": its chunks are no longer in word order. Re-fit indexedWordStream in src/lib/pagefind-index.ts to the new index format.`);
			previous = word;
			while (open.length && !word.startsWith(open.at(-1)!.word)) yield close();
			const onPages = new Map<number, Posting>();
			let page = 0;
			for (const posting of list) onPages.set((page += posting[0]), posting);
			// Its base word (see baseWord): the open words are all the shorter indexed words it starts with.
			const base = open.findLast((o) => o.word.length >= BASE_WORD_MIN);
			const counts = new Map<number, [number, number]>();
			for (const [p, [, locations]] of onPages) {
				const basePosting = base?.onPages.get(p);
				const shared = basePosting ? wordPlaces(basePosting[1]) : undefined;
				let tf = 0;
				let all = 0;
				for (const [position, weight] of wordPlaces(locations)) {
					all += weight;
					const other = shared?.get(position);
					if (other === undefined) tf += weight;
					else if (weight <= other) base!.counts.get(p)![0] += weight === other ? weight : weight - other;
				}
				counts.set(p, [tf, all]);
			}
			open.push({ word, order: order++, onPages, counts, found: new Set(onPages.keys()) });
		}
	}
	while (open.length) yield close();
}

/**
 * Every indexed word of Pagefind's metadata and the index chunks at hand, in the index's order, for rankPages
 * (see indexedWordStream; the chunks may be in any order).
 */
export function indexedWords(meta: unknown, chunks: readonly unknown[], keep: (word: string) => boolean = () => true): { words: Map<string, IndexedWord>; totalPages: number; avgLength: number } {
	const { totalPages, avgLength } = pageStats(meta);
	const first = (chunk: unknown) => (((chunk as unknown[])[0] ?? []) as [string][]).reduce<string | undefined>((a, [w]) => (a === undefined || compareWords(w, a) < 0 ? w : a), undefined) ?? '';
	const inOrder = [...chunks].map((c) => [first(c), c] as const).sort((a, b) => compareWords(a[0], b[0])).map(([, c]) => c);
	const read = [...indexedWordStream(meta, inOrder, keep)].sort((a, b) => a.order - b.order);
	return { words: new Map(read.map((r) => [r.word, r.indexed])), totalPages, avgLength };
}

/**
 * The pages most likely to rank first for `query`, guessed from Pagefind's metadata and the index chunks its
 * words fall in (both decoded, without their signature), so their fragments can be fetched while Pagefind's
 * WebAssembly is still on its way. Pagefind still ranks; a wrong guess costs only the bytes of a few
 * fragments. Returns page hashes, best first.
 */
export function likelyPages(query: string, meta: unknown, chunks: unknown[], n = 3): string[] {
	// Only the words that can answer the query: this runs on the page while Pagefind loads.
	const starts = new Set(queryStarts(query));
	const { words, totalPages, avgLength } = indexedWords(meta, chunks, (w) => starts.has(w.slice(0, 3)));
	return rankPages(query, words, totalPages, avgLength).pages.slice(0, n).map(([hash]) => hash);
}
