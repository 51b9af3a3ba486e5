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

/** Where the site is published, e.g. https://example.org. Used for canonical URLs and the sitemap. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** The sub-path it is served under, e.g. /atlas/. Defaults to the root. */
const base = `/${(process.env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	// Every stylesheet is a file, so the only inline code is the colour-scheme script, which Astro hashes.
	// Rendering one page at a time leaves the main thread idle ~40% of the time, waiting on file writes and
	// hashing; with several pages in flight it renders the 3,000-page benchmark in 8–11 s instead of 15.8 s.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
	security: {
		csp: {
			// Pagefind runs WebAssembly; nothing else needs more than same-origin files and the hashed inline script.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			styleDirective: { resources: ["'self'"] },
			directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
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
		build: {
			// Scripts stay in files (none inlined), so the colour-scheme script is the only inline code.
			assetsInlineLimit: 0,
			rollupOptions: {
				output: {
					// Each page's compiled MDX would otherwise be a chunk of its own: 3,000 files to write and load
					// for 3,000 pages. Grouped by theme, in chunks of up to ~2 MB, the build bundles ~20% faster.
					// Astro also wraps each entry in a tiny module that loads it lazily (`?astroPropagatedAssets`);
					// one chunk holds all of those, instead of a file each (the 3,000-page build: ~33 s → ~27 s).
					codeSplitting: {
						groups: [
							{ name: 'content-entries', test: /src\/content\/.*\.mdx\?astroPropagatedAssets$/ },
							{ name: (id) => `content-${/src\/content\/(?:docs\/)?([^/]+)/.exec(id)?.[1] ?? 'pages'}`, test: /src\/content\/.*\.mdx$/, maxSize: 2_000_000 },
						],
					},
				},
				// MDX modules carry Astro's "use astro:head-inject" directive; the bundler's notice about it is noise for editors.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
	// Build hooks run in this order. Pagefind indexes from the moment the pages are written, while the
	// sitemap and link check run; headers comes last so its cache rules cover the finished search bundle.
	integrations: [contentCheck(), mdx({ optimize: true }), sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), linkCheck(), pagefind(), headers()],
});
