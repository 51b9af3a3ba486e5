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
	const words = query
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 3);
	for (const word of words) {
		const low = word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
		const high = `${word}\uffff`;
		for (const [from, to, hash] of chunks) {
			if (to < low || from > high) continue;
			if (!out.includes(hash)) out.push(hash);
			if (out.length >= limit) return out;
		}
	}
	return out;
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
			case 3: return text.decode(bytes.subarray(i, (i += n)));
			case 4: return Array.from({ length: n }, item);
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
 * The pages most likely to rank first for `query`, guessed from Pagefind's metadata and the index chunks its
 * words fall in (both decoded, without their signature), so their fragments can be fetched while Pagefind's
 * WebAssembly is still on its way. A guess after BM25 with the title weighted like the search does; Pagefind
 * still ranks, and a wrong guess costs only the bytes of a few fragments. Returns page hashes, best first.
 */
export function likelyPages(query: string, meta: unknown, chunks: unknown[], n = 3, titleWeight = 12): string[] {
	const pages = (meta as unknown[])[1] as [string, number][];
	if (!Array.isArray(pages) || !pages.length) return [];
	const avg = pages.reduce((s, p) => s + p[1], 0) / pages.length;
	const score = new Map<number, number>();
	const words = query.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
	for (const word of words) {
		const low = Math.max(3, Math.ceil(word.length * 0.6));
		for (const chunk of chunks) {
			for (const [w, postings] of ((chunk as unknown[])[0] ?? []) as [string, [number, number[], number[]][]][]) {
				if (!(word.startsWith(w) && w.length >= low) && !w.startsWith(word)) continue;
				let page = 0;
				for (const [delta, locations, metaLocations] of postings) {
					page += delta;
					let weight = 1;
					let tf = 0;
					for (const x of locations) if (x < 0) weight = (-x - 1) / 24; else tf += weight;
					tf += titleWeight * metaLocations.filter((x) => x >= 0).length;
					if (w.length > word.length) tf /= 2;
					const length = pages[page]?.[1] ?? avg;
					score.set(page, (score.get(page) ?? 0) + (tf * 2.4) / (tf + 1.4 * (0.25 + (0.75 * length) / avg)));
				}
			}
		}
	}
	return [...score].sort((a, b) => b[1] - a[1]).slice(0, n).map(([p]) => pages[p]?.[0]).filter((h): h is string => !!h);
}
