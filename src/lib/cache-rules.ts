/**
 * Cache-Control rules for hosts that read a `_headers` file (Netlify, Cloudflare Pages). Pure functions,
 * unit-tested with a reader of that file that applies it as those hosts do (scripts/lib/headers.ts).
 *
 * Those hosts apply every rule whose path matches a request, and a header named in two matching rules
 * is sent with both values joined ("max-age=31536000, immutable, max-age=300"). So the rules here never
 * overlap: one rule per top-level entry of the output, and inside the Pagefind bundle one per folder or
 * file. Only content-hashed files are cached for good; anything whose name survives a rebuild with new
 * contents (pages, pagefind.js, its worker and WebAssembly) is revalidated after five minutes.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300, must-revalidate';
/** The service worker's script: browsers check it for a new build on every visit, so it is never kept. */
export const NO_CACHE = 'no-cache';

/** An entry in a folder of the output: its name and whether it is a folder. */
export interface Entry {
	name: string;
	dir: boolean;
}

/** Pagefind names index chunks, fragments, filters and the metadata file after their contents. */
const PAGEFIND_HASHED_DIRS = new Set(['index', 'fragment', 'filter']);
const PAGEFIND_HASHED_FILE = /\.pf_meta$/;

/**
 * The Cache-Control rules, as `[path pattern, value]`, for an output whose top level is `root` and whose
 * Pagefind bundle holds `pagefind`. `_astro/` holds Astro's hashed assets.
 */
export function cacheRules(root: readonly Entry[], pagefind: readonly Entry[]): [string, string][] {
	const rules: [string, string][] = [['/', SHORT]];
	for (const e of root) {
		if (e.name === 'pagefind' && e.dir) {
			for (const p of pagefind) {
				const hashed = p.dir ? PAGEFIND_HASHED_DIRS.has(p.name) : PAGEFIND_HASHED_FILE.test(p.name);
				rules.push([`/pagefind/${p.name}${p.dir ? '/*' : ''}`, hashed ? IMMUTABLE : SHORT]);
			}
		} else if (e.name !== '_headers' && e.name !== '_redirects') {
			rules.push([`/${e.name}${e.dir ? '/*' : ''}`, e.name === '_astro' && e.dir ? IMMUTABLE : e.name === 'sw.js' && !e.dir ? NO_CACHE : SHORT]);
		}
	}
	return rules;
}

/** Formats rules as `_headers` blocks. */
export function formatRules(rules: readonly [string, string][], header = 'Cache-Control'): string {
	return rules.map(([path, value]) => `${path}\n  ${header}: ${value}\n`).join('');
}
