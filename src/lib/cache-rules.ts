/**
 * Cache-Control rules for hosts that read a `_headers` file (Netlify, Cloudflare Pages), and a reader
 * of that file that applies it as those hosts do. Pure functions, so they are unit-tested.
 *
 * Those hosts apply every rule whose path matches a request, and a header named in two matching rules
 * is sent with both values joined ("max-age=31536000, immutable, max-age=300"). So the rules here never
 * overlap: one rule per top-level entry of the output, and inside the Pagefind bundle one per folder or
 * file. Only content-hashed files are cached for good; anything whose name survives a rebuild with new
 * contents (pages, pagefind.js, its worker and WebAssembly) is revalidated after five minutes.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300, must-revalidate';

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
			rules.push([`/${e.name}${e.dir ? '/*' : ''}`, e.name === '_astro' && e.dir ? IMMUTABLE : SHORT]);
		}
	}
	return rules;
}

/** Formats rules as `_headers` blocks. */
export function formatRules(rules: readonly [string, string][], header = 'Cache-Control'): string {
	return rules.map(([path, value]) => `${path}\n  ${header}: ${value}\n`).join('');
}

/** A `_headers` file as its blocks: a path pattern and the headers under it. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
	const blocks: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) blocks.push({ pattern: line.trim(), headers: [] });
		else {
			const at = line.indexOf(':');
			if (at > 0 && blocks.length) blocks.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
		}
	}
	return blocks;
}

/** Whether a `_headers` path pattern matches a request path; `*` matches any run of characters, "/" included. */
export function patternMatches(pattern: string, path: string): boolean {
	const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
	return re.test(path);
}

/** Every value a host would send for `header` on `path`: one per matching rule that sets it. */
export function headerValues(blocks: ReturnType<typeof parseHeaders>, path: string, header: string): string[] {
	const name = header.toLowerCase();
	return blocks.filter((b) => patternMatches(b.pattern, path)).flatMap((b) => b.headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v));
}
