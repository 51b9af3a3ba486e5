/**
 * The files the build adds to a Pagefind bundle so that search starts fast on a slow network:
 * `preload.json`, the metadata and WebAssembly names and each index chunk's word range, so the page can
 * start all of search's fetches at once (see src/lib/search-preload.ts); and `top/*.json`, each indexed
 * word's best pages, so the first result can be shown before Pagefind has loaded (see src/lib/first-result.ts).
 */
import { gunzipSync } from 'node:zlib';
import { chunkPath, PRELOAD_FILE, shardPath, type PreloadManifest } from '../lib/search-preload.ts';
import { chunkRanges, decodeCbor, SIGNATURE_BYTES } from '../lib/pagefind-index.ts';
import { topShards } from '../lib/first-result.ts';

/** Reads a file of the bundle; undefined when it is not there. Names are relative to the bundle folder. */
type Read = (name: string) => Uint8Array | undefined;

/** A Pagefind data file's contents: gzip, then its signature, then CBOR. */
const pagefindData = (bytes: Uint8Array) => gunzipSync(bytes).subarray(SIGNATURE_BYTES);

/** Every file the build adds to the bundle: name (relative to the bundle folder) → contents. */
export function searchFiles(read: Read): Map<string, string> {
	const entryBytes = read('pagefind-entry.json');
	if (!entryBytes) throw new Error('The Pagefind bundle has no pagefind-entry.json');
	const entry = JSON.parse(new TextDecoder().decode(entryBytes)) as { languages: Record<string, { hash: string; wasm?: string; page_count: number }> };
	const [lang] = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count);
	if (!lang) throw new Error('The Pagefind bundle lists no language');
	const metaFile = `pagefind.${lang.hash}.pf_meta`;
	const metaBytes = read(metaFile);
	if (!metaBytes) throw new Error(`The Pagefind bundle has no ${metaFile}`);
	// The metadata is decoded once: the manifest takes its chunk ranges, the first-result files its pages.
	const meta = decodeCbor(pagefindData(metaBytes));
	const manifest: PreloadManifest = { meta: metaFile, wasm: `wasm.${lang.wasm ?? 'unknown'}.pagefind`, chunks: chunkRanges(meta) };
	const files = new Map([[PRELOAD_FILE, JSON.stringify(manifest)]]);
	// The chunks are decoded one at a time as the first-result files read them, so the whole index is never in
	// memory at once (at 30,000 pages, decoded, it is gigabytes).
	function* chunks() {
		for (const [, , hash] of manifest.chunks) {
			const bytes = read(chunkPath(hash));
			if (!bytes) throw new Error(`The Pagefind bundle has no ${chunkPath(hash)}`);
			yield decodeCbor(pagefindData(bytes));
		}
	}
	for (const [key, shard] of topShards(meta, chunks())) files.set(shardPath(key), JSON.stringify(shard));
	return files;
}
