/**
 * Writes `preload.json` into a Pagefind bundle: the metadata and WebAssembly names and each index
 * chunk's word range, so the page can start all of search's fetches at once (see src/lib/search-preload.ts).
 */
import { gunzipSync } from 'node:zlib';
import { chunksFromMeta, type PreloadManifest } from '../lib/search-preload.ts';

/** Builds the manifest from the bundle's files (`name → bytes`, names relative to the bundle folder). */
export function preloadManifest(read: (name: string) => Uint8Array | undefined): PreloadManifest {
	const entryBytes = read('pagefind-entry.json');
	if (!entryBytes) throw new Error('The Pagefind bundle has no pagefind-entry.json');
	const entry = JSON.parse(new TextDecoder().decode(entryBytes)) as { languages: Record<string, { hash: string; wasm?: string; page_count: number }> };
	const [lang] = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count);
	if (!lang) throw new Error('The Pagefind bundle lists no language');
	const meta = `pagefind.${lang.hash}.pf_meta`;
	const metaBytes = read(meta);
	if (!metaBytes) throw new Error(`The Pagefind bundle has no ${meta}`);
	const raw = gunzipSync(metaBytes);
	return { meta, wasm: `wasm.${lang.wasm ?? 'unknown'}.pagefind`, chunks: chunksFromMeta(raw.subarray(12)) };
}
