/**
 * Builds the Pagefind search index from the built HTML with Pagefind's Node API, so `astro build` alone
 * yields a searchable site and a failure stops the build. Only elements marked `data-pagefind-body` are
 * indexed. Pagefind runs in a process of its own: it starts as soon as the pages are written and works
 * on the second core while the sitemap and the link check run here. In `astro dev` the index is
 * built in memory instead (see pagefind-dev.ts).
 */
import type { AstroIntegration } from 'astro';
import { slashed } from '../lib/url.ts';
import { readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { serveDevIndex } from './pagefind-dev.ts';
import { builtDigest } from './built-pages.ts';
import { VOCABULARY_FILE } from './search-vocabulary.ts';
import { searchFiles } from './search-manifest.ts';
import { PAGEFIND_LANGUAGE } from '../lib/search-preload.ts';

/** Indexes a folder of built HTML and writes the bundle to `outputPath` (by default `<dir>/pagefind`). Returns the page count. */
export async function indexSite(dir: string, outputPath = `${dir.replace(/\/$/, '')}/pagefind`): Promise<number> {
	try {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
		if (added.page_count === 0) throw new Error(`Pagefind found no pages marked data-pagefind-body in ${dir}`);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

/** Moves a finished bundle into place; a copy when the two folders are on different file systems. */
async function moveInto(from: string, to: string) {
	await rm(to, { recursive: true, force: true });
	await rename(from, to).catch(async (e: NodeJS.ErrnoException) => {
		if (e.code !== 'EXDEV') throw e;
		await cp(from, to, { recursive: true });
		await rm(from, { recursive: true, force: true });
	});
}

export default function pagefindIntegration(): AstroIntegration {
	let base = '/';
	let staging = '';
	let indexing: Promise<number> | undefined;
	let started = 0;
	let root: URL;
	/** The built pages' HTML, taken from the read the CSP hashing and the link check share. */
	/** Starts indexing the written pages into the staging folder. */
	const start = async (out: string) => {
		started = performance.now();
		await rm(staging, { recursive: true, force: true });
		return indexSite(out, staging);
	};
	return {
		name: 'atlas:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = slashed(config.base);
				root = config.root;
				staging = fileURLToPath(new URL('pagefind-staging/', config.cacheDir));
			},
			'astro:server:setup': ({ server, logger }) => serveDevIndex(server, base, fileURLToPath(root), logger),
			// Start once the pages are written, while the sitemap and the link check run; build:done waits
			// for it. A rejection is held until then, so a failed index still fails the build. The bundle is
			// written outside dist/ and moved in only when the build succeeds, so a build that fails meanwhile
			// leaves nothing of it in dist/. (Handing Pagefind each page while Astro renders was measured too:
			// on two cores it slowed the render by more than it saved.)
			'astro:build:generated': ({ dir }) => {
				const out = fileURLToPath(dir);
				indexing = start(out);
				indexing.catch(() => {});
				// One pass over the pages, for the "Did you mean" vocabulary, the CSP hashing and the link check.
				builtDigest(out);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				// The "Did you mean" vocabulary, while Pagefind finishes in its own process.
				const vocabStarted = performance.now();
				const vocabulary = JSON.stringify(builtDigest(out).vocabulary.build());
				const vocabMs = Math.round(performance.now() - vocabStarted);
				const pages = await (indexing ?? start(out));
				indexing = undefined;
				await moveInto(staging, join(out, 'pagefind'));
				await writeFile(join(out, 'pagefind', VOCABULARY_FILE), vocabulary);
				const bundle = join(out, 'pagefind');
				const extraStarted = performance.now();
				const extra = searchFiles((name) => { try { return readFileSync(join(bundle, name)); } catch { return undefined; } });
				for (const folder of new Set([...extra.keys()].map((name) => dirname(join(bundle, name))))) await mkdir(folder, { recursive: true });
				await Promise.all([...extra].map(([name, text]) => writeFile(join(bundle, name), text)));
				const extraMs = Math.round(performance.now() - extraStarted);
				logger.info(`Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms (vocabulary: ${Math.round(vocabulary.length / 1024)} KB in ${vocabMs} ms; preload and first-result files: ${extra.size} in ${extraMs} ms).`);
			},
		},
	};
}
