// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { atlasMarkdown } from './src/integrations/markdown-atlas.ts';
import pagefind from './src/integrations/pagefind.ts';
import linkCheck from './src/integrations/link-check.ts';
import contentCheck from './src/integrations/content-check.ts';
import headers from './src/integrations/headers.ts';
import builtPages from './src/integrations/built-pages.ts';
import offline from './src/integrations/offline.ts';
import machineReadable from './src/integrations/machine-readable.ts';
import memoryStages from './src/integrations/memory-stages.ts';
import searchHandover from './src/integrations/search-after-build.ts';
import { DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './src/lib/csp.ts';
import { contentChunkGroups, contentChunkGuard, contentEntriesDirect } from './src/integrations/content-chunks.ts';
import { sitemapLocales } from './src/integrations/site-config.ts';

/** Where the site is published, e.g. https://example.org. Used for canonical URLs and the sitemap. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** The sub-path it is served under, e.g. /atlas/. Defaults to the root. */
const base = `/${(process.env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	// Astro's prefetch, driven by src/scripts/prefetch.ts (the pager, and links a reader points at); no link
	// opts in by itself, so nothing else is fetched ahead.
	prefetch: { prefetchAll: false },
	// Every stylesheet is a file, so the only inline code is the colour-scheme script, which Astro hashes.
	// Several pages render at once: one at a time leaves the main thread idle, waiting on file writes and
	// hashing (docs/performance.md).
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
	// The policy is defined in src/lib/csp.ts; Astro writes it into each page's meta tag with the inline script's hash.
	security: {
		csp: {
			scriptDirective: { resources: [...SCRIPT_SOURCES] },
			styleDirective: { resources: [...STYLE_SOURCES] },
			directives: [...DIRECTIVES],
		},
	},
	markdown: {
		// Sätteri compiles Markdown and MDX in Rust; it is what keeps a 3,000-page build fast.
		processor: satteri({
			hastPlugins: [atlasMarkdown({ root: fileURLToPath(new URL('.', import.meta.url)), base })],
		}),
		// Prism marks code with classes, not inline styles, so code blocks need no CSP exception.
		syntaxHighlight: 'prism',
	},
	vite: {
		plugins: [contentEntriesDirect(), contentChunkGuard()],
		build: {
			// Scripts stay in files (none inlined), so the colour-scheme script is the only inline code.
			assetsInlineLimit: 0,
			// One stylesheet for the whole site: a page waits on one request, not one per component, and the
			// file is cached from page to page.
			cssCodeSplit: false,
			rollupOptions: {
				output: {
					// A few chunks of compiled pages rather than a file per page (see content-chunks.ts).
					codeSplitting: { groups: contentChunkGroups },
				},
				// MDX modules carry Astro's "use astro:head-inject" directive; the bundler's notice about it is noise for editors.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
	// Build hooks run in this order. Pagefind indexes from the moment the pages are written, while the
	// sitemap and link check run; machineReadable writes llms.txt from the pages' Markdown twins; offline lists
	// the finished output, search bundle included, for saving and
	// bundles the service worker; headers comes after them so its cache rules cover every file; when the
	// search step runs after the build (scripts/build.mjs), those three leave their work to it and
	// searchHandover hands it what it needs of the pages; builtPages
	// lets the pages' digest, read once for the link check and the CSP, go when the others are done.
	integrations: [contentCheck(), mdx({ optimize: true }), sitemap({ filter: (page) => !/\/(404|offline|translations)\/?$/.test(page), i18n: sitemapLocales(fileURLToPath(new URL('.', import.meta.url))) }), linkCheck(), pagefind(), machineReadable(), offline(), headers(), searchHandover(), builtPages(), memoryStages()],
});
