/**
 * The search step after the build, for a site too large to index beside it within the build's memory
 * budget (see scripts/build.mjs, scripts/lib/build-memory.mjs and build-mode.ts). Pagefind's indexer holds every page's words at once, about as much
 * memory as the build's own process at its peak; after the build has exited it runs with the memory to
 * itself. The build hands over, in one JSON file, what the step needs of the pages' one pass (built-pages.ts):
 * each language's "Did you mean" vocabulary, the pages' hashes (the offline id) and the inline scripts' CSP
 * hashes. The step then does what the build would have done after its pages were indexed, with the same
 * functions in the same order: the bundles, offline.json and the service worker, _headers. The output is
 * the same, file for file.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtDigest } from './built-pages.ts';
import { searchAfterBuild, type Logger } from './build-mode.ts';
import { indexBuiltSite, stagingFolder, vocabularyFiles } from './pagefind.ts';
import { writeHeaders } from './headers.ts';
import { DEFAULT_SITE_CONFIG, siteConfig } from './site-config.ts';

/** What the build hands over to the search step after it. */
export interface SearchHandover {
	base: string;
	root: string;
	/** Where the bundles are written before they are moved into the output. */
	staging: string;
	/** Each language's vocabulary file, by its folder. */
	vocabularies: [string, string][];
	/** Each page's hash, by its path in the output. */
	hashes: [string, string][];
	scriptHashes: string[];
}

/** Writes the hand-over file when the build leaves its search step until after it: listed after the steps that read the digest, before built-pages clears it. */
export default function searchHandover(): AstroIntegration {
	let config = DEFAULT_SITE_CONFIG;
	let staging = '';
	return {
		name: 'atlas:search-handover',
		hooks: {
			'astro:config:done': ({ config: resolved }) => {
				config = siteConfig(resolved);
				staging = stagingFolder(resolved.cacheDir);
			},
			'astro:build:done': async ({ dir }) => {
				const file = searchAfterBuild();
				if (!file) return;
				const out = fileURLToPath(dir);
				const digest = await builtDigest(out);
				const handover: SearchHandover = {
					base: config.base,
					root: config.root,
					staging,
					vocabularies: [...(await vocabularyFiles(out))],
					hashes: [...digest.hashes],
					scriptHashes: digest.scriptHashes,
				};
				writeFileSync(file, JSON.stringify(handover));
			},
		},
	};
}

/** The search step after a build that handed over to it in `file`: indexes the output in `out` and finishes it. */
export async function searchAfter(out: string, file: string, logger: Logger): Promise<void> {
	const handover = JSON.parse(readFileSync(file, 'utf8')) as SearchHandover;
	rmSync(file, { force: true });
	await indexBuiltSite(out, handover.staging, handover.root, new Map(handover.vocabularies), logger);
	// The service worker's bundler (Vite) is loaded only now, so Pagefind has the memory it would take meanwhile.
	const { writeOffline } = await import('./offline.ts');
	await writeOffline(out, handover, new Map(handover.hashes), logger);
	writeHeaders(out, handover.scriptHashes, logger);
}
