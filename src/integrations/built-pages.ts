/**
 * The built pages and their HTML, read from the output folder once per build and shared by every step that
 * needs them after the render (the CSP hashes in headers.ts, the link check). The integration clears them
 * when a build starts and once the build is done, so no build sees another's pages.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The built pages, as paths relative to the output folder with "/" separators (Pagefind's bundle excluded). */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split(sep).join('/'))
		.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
}

const read = new Map<string, Map<string, string>>();

/** Every built page's HTML by its path in `dir`, read on first use in a build. */
export function builtPages(dir: string): Map<string, string> {
	let pages = read.get(dir);
	if (!pages) read.set(dir, (pages = new Map(htmlFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))));
	return pages;
}

/** Lets the pages go at the start and the end of each build: listed after the integrations that read them. */
export default function builtPagesCache(): AstroIntegration {
	return {
		name: 'atlas:built-pages',
		hooks: {
			'astro:build:start': () => read.clear(),
			'astro:build:done': () => read.clear(),
		},
	};
}
