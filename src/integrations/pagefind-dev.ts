/**
 * Search while writing: in `astro dev`, builds a real Pagefind index in memory from the pages the dev
 * server renders, serves it at <base>pagefind/, and rebuilds it when content changes, so an editor's
 * new page shows up in search without a production build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as pagefind from 'pagefind';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { internalTarget, scanHtml } from '../lib/links.ts';
import { buildVocabulary, VOCABULARY_FILE } from './search-vocabulary.ts';
import { preloadManifest } from './search-manifest.ts';
import { PAGEFIND_LANGUAGE, PRELOAD_FILE } from '../lib/search-preload.ts';

/** The newest modification time of any file below `dir` (0 when there is none). */
function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	return newest;
}

/** The longest the dev index waits for Astro's content sync before it crawls anyway. */
const SYNC_WAIT_MS = 5_000;

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm' };

/** Fetches every page reachable from the home page, following internal links under the base. */
async function crawl(origin: string, base: string): Promise<{ url: string; html: string }[]> {
	const seen = new Set<string>([base]);
	const queue = [base];
	const pages: { url: string; html: string }[] = [];
	while (queue.length) {
		const batch = queue.splice(0, 6);
		await Promise.all(
			batch.map(async (path) => {
				const res = await fetch(origin + path, { headers: { accept: 'text/html' } }).catch(() => undefined);
				if (!res?.ok || !res.headers.get('content-type')?.includes('text/html')) return;
				const html = await res.text();
				pages.push({ url: path, html });
				for (const link of scanHtml(html).links) {
					const t = internalTarget(link, path, base);
					if (!t?.underBase || !t.path.endsWith('/') || t.path.startsWith('/pagefind/')) continue;
					const next = base + t.path.slice(1);
					if (!seen.has(next)) {
						seen.add(next);
						queue.push(next);
					}
				}
			}),
		);
	}
	return pages;
}

/** Indexes HTML in memory and returns the bundle's files by path. */
async function buildIndex(pages: { url: string; html: string }[], base: string, root: string): Promise<Map<string, Uint8Array>> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
	if (!index) throw new Error(errors.join('; '));
	try {
		for (const p of pages) await index.addHTMLFile({ url: p.url.slice(base.length - 1), content: p.html });
		const { files, errors: fileErrors } = await index.getFiles();
		if (fileErrors.length) throw new Error(fileErrors.join('; '));
		const map = new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
		map.set(PRELOAD_FILE, new TextEncoder().encode(JSON.stringify(preloadManifest((name) => map.get(name)))));
		map.set(VOCABULARY_FILE, new TextEncoder().encode(JSON.stringify(buildVocabulary(pages.map((p) => p.html), root))));
		return map;
	} finally {
		await index.deleteIndex();
	}
}

/**
 * Serves the dev index. `refreshContent` is Astro's own (from `astro:server:setup`): it queues a sync of the
 * content layer and resolves once the data store holds the change, which tells when to crawl again.
 */
export function serveDevIndex(server: ViteDevServer, base: string, root: string, logger: AstroIntegrationLogger, refreshContent?: () => Promise<void>) {
	let files: Promise<Map<string, Uint8Array>> | undefined;
	let pending: Promise<void> | undefined;
	let again = false;
	const prefix = `${base}pagefind/`;

	/** When the content the current index was built from was last changed (the newest file under src/content). */
	let indexedContent = 0;
	const contentChanged = () => newestMtime(join(root, 'src/content'));

	const rebuild = () => {
		indexedContent = contentChanged();
		const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '').replace(new RegExp(`${base.replace(/\/$/, '')}$`), '');
		if (!origin) return;
		const started = performance.now();
		const next = crawl(origin, base).then((pages) => buildIndex(pages, base, root)).then((map) => {
			logger.info(`Search index for dev: ${map.size} files in ${Math.round(performance.now() - started)} ms.`);
			return map;
		});
		next.catch((e) => logger.warn(`Search index for dev failed: ${e instanceof Error ? e.message : e}`));
		files = next;
	};
	// A changed content file reaches the pages only once the content layer has synced it: wait for that (the
	// sync Astro queues for the change runs first), then crawl. Changes that arrive meanwhile fold into one
	// more round, so a burst of saves costs at most two crawls.
	const schedule = (content: boolean) => {
		if (pending) {
			again = true;
			return;
		}
		pending = (async () => {
			do {
				again = false;
				// Bounded, so a sync that never settles cannot stop the dev index for good.
				if (content && refreshContent)
					await Promise.race([
						refreshContent().catch((e: unknown) => logger.warn(`Content sync failed: ${e instanceof Error ? e.message : e}`)),
						new Promise((resolve) => setTimeout(resolve, SYNC_WAIT_MS)),
					]);
				rebuild();
				await files?.catch(() => undefined);
			} while (again);
		})().finally(() => (pending = undefined));
	};

	server.httpServer?.once('listening', () => rebuild());
	for (const event of ['add', 'change', 'unlink'] as const)
		server.watcher.on(event, (path: string) => {
			const m = /[\\/]src[\\/](content|pages|components|layouts)[\\/]/.exec(path);
			if (m) schedule(m[1] === 'content');
		});
	server.httpServer?.once('close', () => void pagefind.close());

	server.middlewares.use(async (req, res, next) => {
		const url = req.url?.split('?')[0] ?? '';
		if (!url.startsWith(prefix)) return next();
		if (!files) rebuild();
		// A watcher can miss events (a machine short of inotify instances, say): the page that fetches the index
		// asks for its entry file first, and if content is newer than the index, it is brought up to date first.
		else if (url.endsWith('pagefind-entry.json') && contentChanged() > indexedContent) {
			schedule(true);
			await pending;
		}
		try {
			const body = (await files!).get(decodeURIComponent(url.slice(prefix.length)));
			if (!body) {
				res.statusCode = 404;
				return res.end('Not in the dev search index');
			}
			res.setHeader('Content-Type', TYPES[url.split('.').pop() ?? ''] ?? 'application/octet-stream');
			res.setHeader('Cache-Control', 'no-store');
			res.end(body);
		} catch {
			res.statusCode = 503;
			res.end('The dev search index could not be built; see the terminal.');
		}
	});
}
