/**
 * What search will fetch, known before Pagefind asks for it. The build writes a small manifest next to
 * the index (`<base>pagefind/preload.json`: the metadata and WebAssembly file names, and the word range
 * of every index chunk). On the reader's first sign of intent the page fetches the manifest, then starts
 * every file Pagefind needs at once, instead of Pagefind's chain of one request after another; once a
 * query is known, the index chunks its words fall in are started too, and the first-result files its words
 * are in (see first-result.ts). Every page's script loads this module, so it holds only what names those
 * files; reading and ranking the index is in pagefind-index.ts. Pure functions only, but for searchLevers,
 * which reads the benchmark's switches from the page.
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

/** The URL parameter a result link carries the query's terms in, for the page it opens to mark them. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The language the index is built for (Pagefind's `forceLanguage`), and so its WebAssembly's name, `wasm.en.pagefind`. */
export const PAGEFIND_LANGUAGE = 'en';
export const PAGEFIND_WASM = PAGEFIND_LANGUAGE;

/** The language Pagefind indexes a translation as, from its BCP 47 tag: "es" → "es", "zh-CN" → "zh-cn". */
export function pagefindLanguage(tag: string): string {
	return tag.toLowerCase();
}

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
export const stemFloor = (word: string) => Math.max(3, Math.ceil(word.length / 2));

/** The forms a word's stem may start: the word, and for a word ending in "y" the English stemmer's "i" ("memory" → "memori"). */
export const stemForms = (word: string) => (word.endsWith('y') ? [word, `${word.slice(0, -1)}i`] : [word]);

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
	/** Once Pagefind has loaded, still show that page from the tables while Pagefind fetches what a new query needs, when round trips are long (default true). */
	topWarm?: boolean;
}

/** The levers in force: each one's default (see SearchLevers), unless the benchmark set it. */
export const searchLevers = (): Required<SearchLevers> => ({ preload: true, worker: false, firstFragments: 1, guess: true, top: true, topWarm: true, ...window.__ocaSearchLevers });

/** The tag on Pagefind's entry URL (its `metaCacheTag`): the same for five minutes, as long as a host caches the entry. */
export const entryTag = () => String(Math.floor(Date.now() / 300_000));

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

/** The folder of the files, inside the Pagefind bundle. */
export const TOP_DIR = 'top';

/**
 * How many files the tables are spread over. A fixed number, and every one of them is written (empty if need
 * be), so any file a query asks for exists: a static host answers a missing one with an error.
 */
export const TOP_FILES = 512;

/** The file an indexed (or query) word is in: a hash (FNV-1a) of its first three letters. */
export function shardKey(word: string): string {
	let h = 0x811c9dc5;
	for (const c of word.slice(0, 3)) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
	return String(h % TOP_FILES);
}

/**
 * The first three letters of every indexed word that can answer `query`: a query word's stem, its extensions and
 * shorter forms start as the word does, or as its stem form does where it ends in "i" for the word's "y" ("why" is
 * indexed as "whi").
 */
export function queryStarts(query: string): string[] {
	return [...new Set(queryWords(query).flatMap((w) => stemForms(w).map((f) => f.slice(0, 3))))];
}

/** The keys of the files a query needs (see queryStarts). */
export function shardKeys(query: string): string[] {
	return [...new Set(queryStarts(query).map(shardKey))];
}

/** A file's path inside the Pagefind bundle. */
export const shardPath = (key: string) => `${TOP_DIR}/${key}.json`;

/** An index chunk's path inside the Pagefind bundle, by its hash (as the manifest and the metadata name it). */
export const chunkPath = (hash: string) => `index/${hash}.pf_index`;

/** A page's fragment (its URL, title, text and filters) inside the Pagefind bundle, by its hash. */
export const fragmentPath = (hash: string) => `fragment/${hash}.pf_fragment`;
