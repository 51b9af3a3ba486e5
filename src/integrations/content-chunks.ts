/**
 * How the compiled MDX pages are bundled for the build's render. Each page would otherwise be a chunk of its
 * own: thousands of files to write and then load one by one. They are grouped by theme, in chunks of up to
 * ~2 MB, and Astro's tiny per-entry wrapper modules (which load an entry lazily) go into one chunk together.
 *
 * The wrappers are recognised by a query Astro adds to their ids (`?astroPropagatedAssets`), which is Astro's
 * internal business and could change. The guard makes the build fail loudly when the grouping stops matching,
 * rather than letting the build silently slow down. docs/performance.md has the measurements.
 */
import type { Plugin } from 'vite';

/** The wrappers' chunk. */
export const ENTRY_WRAPPERS_CHUNK = 'content-entries';
const WRAPPER = /src\/content\/.*\.mdx\?astroPropagatedAssets$/;
const ENTRY = /src\/content\/.*\.mdx$/;

/** The bundler's chunk groups for content (Rolldown's `output.codeSplitting.groups`). */
export const contentChunkGroups = [
	{ name: ENTRY_WRAPPERS_CHUNK, test: WRAPPER },
	{ name: (id: string) => `content-${/src\/content\/(?:docs\/)?([^/]+)/.exec(id)?.[1] ?? 'pages'}`, test: ENTRY, maxSize: 2_000_000 },
];

/** Fails a bundle that holds compiled MDX pages but whose wrappers did not land in their chunk. */
export function contentChunkGuard(): Plugin {
	return {
		name: 'atlas:content-chunk-guard',
		apply: 'build',
		generateBundle(_options, bundle) {
			const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
			const ids = (c: (typeof chunks)[number]) => c.moduleIds ?? Object.keys(c.modules ?? {});
			if (!chunks.some((c) => ids(c).some((id) => ENTRY.test(id)))) return;
			if (!chunks.some((c) => c.name === ENTRY_WRAPPERS_CHUNK && ids(c).some((id) => WRAPPER.test(id))))
				this.error(
					`The content chunk grouping matched no entry wrapper: Astro no longer marks them with "?astroPropagatedAssets". ` +
						`Update WRAPPER in src/integrations/content-chunks.ts to the ids it now uses (the build still works, but bundles a file per page).`,
				);
		},
	};
}
