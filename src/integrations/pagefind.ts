/**
 * Builds the Pagefind search index from the built HTML, in `astro:build:done`, with Pagefind's
 * Node API, so `astro build` alone yields a searchable site and a failure stops the build.
 * Only elements marked `data-pagefind-body` are indexed. In `astro dev` the index is built in memory
 * instead (see pagefind-dev.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { serveDevIndex } from './pagefind-dev.ts';

/** Indexes a folder of built HTML and writes the bundle to `<dir>/pagefind`. Returns the page count. */
export async function indexSite(dir: string): Promise<number> {
	try {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
		if (added.page_count === 0) throw new Error(`Pagefind found no pages marked data-pagefind-body in ${dir}`);
		const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
		if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

export default function pagefindIntegration(): AstroIntegration {
	let base = '/';
	return {
		name: 'atlas:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server, logger }) => serveDevIndex(server, base, logger),
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const pages = await indexSite(fileURLToPath(dir));
				logger.info(`Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
			},
		},
	};
}
