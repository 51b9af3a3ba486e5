/**
 * Base-aware URLs. Every internal link in the site goes through `href()`, so the output works
 * at the root of a host or under a sub-path (BASE_PATH=/sub/).
 */

/** A base path with its trailing slash, as Astro may give it without: "/sub" → "/sub/". */
export function slashed(base: string): string {
	return base.endsWith('/') ? base : `${base}/`;
}

/** The configured base path, with its trailing slash: "/" or "/sub/". */
export const siteBase = (): string => slashed(import.meta.env.BASE_URL);

/** Joins a base ("/" or "/sub/") and a site path ("/rocketry/nova/") without doubling slashes. */
export function joinBase(base: string, path: string): string {
	const b = slashed(base);
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
	if (path.startsWith('#') || path.startsWith('?')) return path;
	return b + path.replace(/^\/+/, '');
}

/** The site-relative URL for a path, under the configured base. */
export function href(path: string): string {
	return joinBase(import.meta.env.BASE_URL, path);
}

/** The site path of a content page from its id: "rocketry/nova" → "/rocketry/nova/", "story" → "/story/". */
export function docPath(id: string): string {
	return `/${id.replace(/^\/+|\/+$/g, '')}/`;
}

import { SHARED_PATHS } from '../consts.ts';

/** The path of a site page in a language: ("/rocketry/nova/", "es") → "/es/rocketry/nova/"; the source language keeps it. */
export function localizedPath(path: string, language: { id: string; source: boolean }): string {
	if (language.source || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#')) return path;
	if (SHARED_PATHS.some((shared) => path === shared || (shared.endsWith('/') && path.startsWith(shared)))) return path;
	return `/${language.id}${path.startsWith('/') ? path : `/${path}`}`;
}
