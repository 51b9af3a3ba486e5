/**
 * Link integrity over built HTML: every internal link, asset and #fragment must resolve to a file
 * in the output and an id in that file. Pure functions over strings, so they are unit-tested.
 */

/** What a page links to and which ids it defines. */
export interface PageLinks {
	links: string[];
	ids: Set<string>;
}

/** The elements whose attributes load or link something, and those attributes (every one of them on an element). */
const TAG = /<(?:a|link|img|script|source|use|iframe|form)\b([^>]*)>/gi;
const ATTR = /\s(href|src|action|srcset)\s*=\s*("([^"]*)"|'([^']*)')/gi;
/** A fragment's target: any element's id, or the name of an <a> (HTML's legacy anchors; a <meta name> is no target). */
const ID = /\sid\s*=\s*("([^"]*)"|'([^']*)')|<a\b[^>]*?\sname\s*=\s*("([^"]*)"|'([^']*)')/gi;

/** Decodes the few character references that appear in attribute values. */
function unescapeAttr(v: string): string {
	return v.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Extracts link targets and ids from an HTML document. `<template>` contents count as links too. */
export function scanHtml(html: string): PageLinks {
	const links: string[] = [];
	for (const tag of html.matchAll(TAG))
		for (const m of tag[1]!.matchAll(ATTR)) {
			const value = unescapeAttr(m[3] ?? m[4] ?? '');
			if (m[1]!.toLowerCase() === 'srcset') links.push(...value.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
			else links.push(value);
		}
	const ids = new Set<string>();
	for (const m of html.matchAll(ID)) ids.add(unescapeAttr(m[2] ?? m[3] ?? m[5] ?? m[6] ?? ''));
	return { links, ids };
}

/** Where an internal link leads. */
export interface Target {
	/** The site path without the base, e.g. "/rocketry/nova/". */
	path: string;
	fragment: string;
	/** False when a root-relative link forgot the base path, so it would leave the site on a sub-path host. */
	underBase: boolean;
}

/** Resolves a link found on `pagePath` (which includes the base). Undefined for external links. */
export function internalTarget(link: string, pagePath: string, base: string): Target | undefined {
	if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return undefined;
	const url = new URL(link, `http://site.invalid${pagePath}`);
	const full = decodeURIComponent(url.pathname);
	const underBase = full.startsWith(base) || `${full}/` === base;
	return { path: underBase ? `/${full.slice(base.length)}` : full, fragment: decodeURIComponent(url.hash.slice(1)), underBase };
}

/** The output file a site path is served from with directory indexes: "/a/" → "a/index.html". */
export function fileForPath(path: string): string[] {
	const clean = path.replace(/^\/+/, '');
	if (clean === '' || clean.endsWith('/')) return [`${clean}index.html`];
	return [clean, `${clean}/index.html`];
}
