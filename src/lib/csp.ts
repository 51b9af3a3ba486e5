/**
 * The Content-Security-Policy, defined once. Astro writes it into every page as a <meta> tag (with the
 * hashes of the inline scripts it emits), and the build writes the same policy into _headers for hosts that
 * send it as a header. Only same-origin files, WebAssembly for Pagefind, and the one hashed inline script
 * (the colour scheme, set before first paint) run.
 */

import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;

/** sha256 hashes, in CSP form, of every inline script in the given HTML documents. */
export function inlineScriptHashes(documents: Iterable<string>): string[] {
	const hashes = new Set<string>();
	for (const html of documents)
		for (const m of html.matchAll(INLINE_SCRIPT)) if (m[1]!.trim()) hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
	return [...hashes].sort();
}

/** Script sources beyond the inline scripts' hashes. Pagefind runs WebAssembly. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
/** Style sources: stylesheets are files, never inline. */
export const STYLE_SOURCES = ["'self'"] as const;
/** The other directives, as both the meta tag and the header carry them. */
export const DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] as const;
/** Directives a browser honours only in a header, never in a <meta> tag. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The policy as a header, given the hashes (in CSP form, 'sha256-…') of the inline scripts in the built pages. */
export function policyHeader(scriptHashes: readonly string[]): string {
	return [
		DIRECTIVES[0],
		[ 'script-src', ...SCRIPT_SOURCES, ...scriptHashes ].join(' '),
		['style-src', ...STYLE_SOURCES].join(' '),
		...DIRECTIVES.slice(1),
		...HEADER_ONLY_DIRECTIVES,
	].join('; ');
}
