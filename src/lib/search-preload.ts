/**
 * What search will fetch, known before Pagefind asks for it. The build writes a small manifest next to
 * the index (`<base>pagefind/preload.json`: the metadata and WebAssembly file names, and the word range
 * of every index chunk). On the reader's first sign of intent the page fetches the manifest, then starts
 * every file Pagefind needs at once, instead of Pagefind's chain of one request after another; once a
 * query is known, the index chunks its words fall in are started too. Pure functions only.
 */

/** `[first word, last word, hash]` of one index chunk, in Pagefind's order. */
export type ChunkRange = [from: string, to: string, hash: string];

export interface PreloadManifest {
	/** The metadata file, e.g. `pagefind.en_6d17a08e85.pf_meta`. */
	meta: string;
	/** The WebAssembly file, e.g. `wasm.en.pagefind`. */
	wasm: string;
	chunks: ChunkRange[];
}

/** Its name inside the Pagefind bundle folder. */
export const PRELOAD_FILE = 'preload.json';

/** The language the index is built for (Pagefind's `forceLanguage`), and so its WebAssembly's name, `wasm.en.pagefind`. */
export const PAGEFIND_LANGUAGE = 'en';
export const PAGEFIND_WASM = PAGEFIND_LANGUAGE;

/**
 * The index chunks a query's words fall in. Pagefind looks words up by their stem, which is the word or
 * a shorter start of it ("radiators" → "radiat"), and the last word as a prefix (search as you type), so
 * each word needs the chunks whose range meets [its first ~60 %, the word and anything after it]. At most
 * `limit` chunks, so a long query does not fetch half the index on a guess.
 */
export function chunksFor(query: string, chunks: readonly ChunkRange[], limit = 4): string[] {
	const out: string[] = [];
	for (const word of queryWords(query)) {
		const low = word.slice(0, stemFloor(word));
		const high = `${word}\uffff`;
		for (const [from, to, hash] of chunks) {
			if (to < low || from > high) continue;
			if (!out.includes(hash)) out.push(hash);
			if (out.length >= limit) return out;
		}
	}
	return out;
}

/**
 * A query's terms as Pagefind searches them: punctuation dropped ("S-1" → "s1", "Stoke’s" → "stokes"), lower
 * case, split on spaces. Accents are kept, as Pagefind puts them in the result links.
 */
export function pagefindTerms(query: string): string[] {
	return query
		.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
		.toLocaleLowerCase()
		.split(/\s+/)
		.filter(Boolean);
}

/** A query's words as Pagefind's index holds them: its terms without accents, three letters or more. */
export function queryWords(query: string): string[] {
	return pagefindTerms(query)
		.map((t) => t.normalize('NFKD').replace(/\p{M}+/gu, ''))
		.filter((w) => w.length >= 3);
}

/** The shortest stem of `word` Pagefind may have indexed it under ("cooling" → "cool"): about half of it. */
const stemFloor = (word: string) => Math.max(3, Math.ceil(word.length / 2));

/** How much more a title word counts than a body word, in the search (its `metaWeights`) and in the guesses. */
export const TITLE_WEIGHT = 12;

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
	// The English stemmer ends some words in "i" ("memory" → "memori").
	const forms = word.endsWith('y') ? [word, `${word.slice(0, -1)}i`] : [word];
	const floor = stemFloor(word);
	let stem = '';
	for (const k of keys) if (k.length >= floor && k.length > stem.length && forms.some((f) => f.startsWith(k))) stem = k;
	stem ||= word;
	return { stem, words: keys.filter((k) => k.startsWith(stem)) };
}

/** The longest shorter indexed word (three letters or more) that `word` starts with, if any. */
function baseWord(word: string, indexed: ReadonlyMap<string, unknown>): string | undefined {
	for (let n = word.length - 1; n >= 3; n--) if (indexed.has(word.slice(0, n))) return word.slice(0, n);
	return undefined;
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
		const scores = new Map<string, number>();
		const title = new Map<string, number>();
		const found = findWords(word, words.keys());
		// The pages the query word finds: known for a stem that is an indexed word, else at least those of its most common form.
		const termIdf = idf(words.get(found.stem)?.termPages ?? Math.max(0, ...found.words.map((w) => words.get(w)!.termPages)), totalPages);
		for (const w of found.words) {
			matched.push(w);
			// The places this word shares with a shorter one count with that one when the query finds it too (see indexedWords).
			const alone = !found.words.includes(baseWord(w, words) ?? w);
			for (const [page, frequency, length, inTitle, own] of words.get(w)!.hits) {
				scores.set(page, (scores.get(page) ?? 0) + wordScore(alone ? own : frequency, length, avgLength, Math.abs(w.length - found.stem.length), termIdf));
				// The title counts once for the query word, however many of its forms it holds.
				if (inTitle) title.set(page, titleScore(termIdf));
			}
		}
		for (const [page, t] of title) scores.set(page, scores.get(page)! + t);
		if (!total) total = scores;
		else for (const [page, s] of total) if (scores.has(page)) total.set(page, s + scores.get(page)!); else total.delete(page);
		if (!total.size) break;
	}
	return { pages: [...(total ?? [])].sort((a, b) => b[1] - a[1]), matched };
}

/** Reads the chunk ranges out of Pagefind's metadata (decompressed, without its 12-byte signature). */
export function chunksFromMeta(meta: Uint8Array): ChunkRange[] {
	const root = decodeCbor(meta);
	if (!Array.isArray(root) || !Array.isArray(root[2])) throw new Error('Unexpected Pagefind metadata layout');
	return (root[2] as unknown[]).map((c) => {
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

/** Switches for the benchmark (`scripts/bench-search.mjs --levers`), to measure what each lever gives. */
export interface SearchLevers {
	/** Start Pagefind's fetches on intent, in parallel (default true). */
	preload?: boolean;
	/** Run Pagefind in a Web Worker (default false: on a slow network the worker's script costs more than it saves). */
	worker?: boolean;
	/** How many results' fragments to request before the rest (default 1: the first result is what the reader waits for). */
	firstFragments?: number;
	/** Fetch the fragments of the pages likely to rank first while Pagefind loads (default true). */
	guess?: boolean;
	/** Show the page likely to rank first, from the build's per-word tables, until Pagefind answers (default true). */
	top?: boolean;
}

declare global {
	interface Window {
		__ocaSearchLevers?: SearchLevers;
		/** Set by the page script: starts search's fetches, and the index chunks for a query. */
		__ocaSearch?: {
			tag: string;
			start: () => void;
			hint: (query: string) => void;
			manifest: () => Promise<PreloadManifest | undefined> | undefined;
			/** Starts (once) a file of the search bundle, by its path inside it; resolves with a copy of the response. */
			share: (path: string) => Promise<Response>;
		};
	}
}

/**
 * The indexed words of Pagefind's metadata and index chunks (decoded, without their signature), for rankPages.
 * Pagefind indexes a compound or possessive token under its whole form and its first part at the same place
 * ("Stoke’s" as "stoke’" and "stoke"); a query that finds both counts that place once, for the shorter word
 * (twice its weight when both weigh the same, else the lower weight). The counts here do the same.
 */
export function indexedWords(meta: unknown, chunks: readonly unknown[]): { words: Map<string, IndexedWord>; totalPages: number; avgLength: number } {
	const pages = ((meta as unknown[])[1] ?? []) as [string, number][];
	const avgLength = pages.reduce((s, p) => s + p[1], 0) / (pages.length || 1);
	// word → page number → its posting there
	const postings = new Map<string, Map<number, Posting>>();
	for (const chunk of chunks) {
		for (const [word, list] of ((chunk as unknown[])[0] ?? []) as [string, Posting[]][]) {
			const onPages = new Map<number, Posting>();
			let page = 0;
			for (const posting of list) onPages.set((page += posting[0]), posting);
			postings.set(word, onPages);
		}
	}
	// word → page number → [weighted count, weighted count on its own]. Shorter words first, so a word's
	// count exists before a longer one that shares its places adds to it.
	const counts = new Map<string, Map<number, [number, number]>>();
	for (const word of [...postings.keys()].sort((a, b) => a.length - b.length)) {
		const base = baseWord(word, postings);
		const mine = new Map<number, [number, number]>();
		for (const [page, [, locations]] of postings.get(word)!) {
			const basePosting = base ? postings.get(base)!.get(page) : undefined;
			const shared = basePosting ? wordPlaces(basePosting[1]) : undefined;
			let tf = 0;
			let all = 0;
			for (const [position, weight] of wordPlaces(locations)) {
				all += weight;
				const other = shared?.get(position);
				if (other === undefined) tf += weight;
				else if (weight <= other) counts.get(base!)!.get(page)![0] += weight === other ? weight : weight - other;
			}
			mine.set(page, [tf, all]);
		}
		counts.set(word, mine);
	}
	// The pages of every word that starts with a word: sorted, those follow it.
	const sorted = [...postings.keys()].sort();
	const termPages = new Map<string, number>();
	sorted.forEach((word, i) => {
		const found = new Set(postings.get(word)!.keys());
		for (let k = i + 1; k < sorted.length && sorted[k]!.startsWith(word); k++) for (const page of postings.get(sorted[k]!)!.keys()) found.add(page);
		termPages.set(word, found.size);
	});
	const words = new Map<string, IndexedWord>();
	for (const [word, onPages] of postings) {
		const hits: IndexedWord['hits'] = [];
		for (const [page, [, , metaLocations]] of onPages) {
			const p = pages[page];
			const [frequency, own] = counts.get(word)!.get(page)!;
			if (p) hits.push([p[0], frequency, p[1], metaLocations.some((x) => x >= 0) ? 1 : 0, own]);
		}
		words.set(word, { termPages: termPages.get(word)!, complete: true, hits });
	}
	return { words, totalPages: pages.length, avgLength };
}

/**
 * The pages most likely to rank first for `query`, guessed from Pagefind's metadata and the index chunks its
 * words fall in (both decoded, without their signature), so their fragments can be fetched while Pagefind's
 * WebAssembly is still on its way. Pagefind still ranks; a wrong guess costs only the bytes of a few
 * fragments. Returns page hashes, best first.
 */
export function likelyPages(query: string, meta: unknown, chunks: unknown[], n = 3): string[] {
	const { words, totalPages, avgLength } = indexedWords(meta, chunks);
	return rankPages(query, words, totalPages, avgLength).pages.slice(0, n).map(([hash]) => hash);
}
