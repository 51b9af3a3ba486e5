/**
 * How the compiled MDX pages are bundled for the build's render.
 *
 * **No wrapper per page.** Astro loads each MDX entry through a wrapper module of its own (its id ends in
 * `?astroPropagatedAssets`), which collects the styles and links of what the entry imports, for the page's
 * head. The pages here import nothing in their MDX: the content components come from the page
 * (`<Content components={…} />`), and the whole site's CSS is one stylesheet. So the build resolves each
 * wrapper to the page's own module (`contentEntriesDirect`), and Astro's render() takes that module's Content
 * as it does for an entry without a wrapper. The bundler then holds half the modules: Rolldown keeps every
 * module's syntax tree until the bundle is written, and at 10,000 pages the wrappers were a quarter of the
 * build's peak memory (docs/performance.md).
 *
 * **A few chunks, not a file per page.** The compiled pages are grouped by theme, in chunks of up to ~2 MB,
 * rather than thousands of files to write and then load one by one.
 *
 * The wrapper's query is Astro's internal business and could change. The guard fails the build loudly when a
 * content MDX file is bundled under any query, that is when the wrappers come back under another name.
 */
import type { Plugin } from 'vite';

/** Astro's wrapper of a content entry. */
const WRAPPER = /src\/content\/.*\.mdx\?astroPropagatedAssets$/;
/** A content MDX file bundled as a module of its own kind: a wrapper, whatever its query. */
const WRAPPED = /src\/content\/.*\.mdx\?/;
const ENTRY = /src\/content\/.*\.mdx$/;

/** The bundler's chunk groups for content (Rolldown's `output.codeSplitting.groups`). */
export const contentChunkGroups = [
	{ name: (id: string) => `content-${/src\/content\/(?:docs\/)?([^/]+)/.exec(id)?.[1] ?? 'pages'}`, test: ENTRY, maxSize: 2_000_000 },
];

/** Resolves each content MDX page's wrapper to the page's own module, in the build (see above). */
export function contentEntriesDirect(): Plugin {
	return {
		name: 'atlas:content-entries-direct',
		apply: 'build',
		enforce: 'pre',
		resolveId: {
			filter: { id: WRAPPER },
			handler(id, importer, options) {
				return this.resolve(id.slice(0, id.indexOf('?')), importer, { ...options, skipSelf: true });
			},
		},
	};
}

/** Fails a bundle that holds a content MDX page under a query: Astro's wrappers, under a name WRAPPER no longer matches. */
export function contentChunkGuard(): Plugin {
	return {
		name: 'atlas:content-chunk-guard',
		apply: 'build',
		generateBundle(_options, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				const wrapped = (chunk.moduleIds ?? Object.keys(chunk.modules ?? {})).find((id) => WRAPPED.test(id));
				if (wrapped)
					this.error(
						`The build bundled a content page under a query (${wrapped.slice(wrapped.indexOf('src/content/'))}): Astro wraps its content entries under a new id. ` +
							`Update WRAPPER in src/integrations/content-chunks.ts to it (the build still works, but the bundler holds a second module per page).`,
					);
			}
		},
	};
}
