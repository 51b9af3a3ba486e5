/**
 * Search while writing: in `astro dev`, builds a real Pagefind index in memory from the pages the dev
 * server renders, serves it at <base>pagefind/, and rebuilds it when content changes, so an editor's
 * new page shows up in search without a production build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as pagefind from 'pagefind';
import { internalTarget, scanHtml } from '../lib/links.ts';
import { buildVocabulary, VOCABULARY_FILE } from './search-vocabulary.ts';
import { searchFiles } from './search-manifest.ts';
import { PAGEFIND_LANGUAGE } from '../lib/search-preload.ts';

/** The longest the dev index waits for one page while it crawls. */
const PAGE_WAIT_MS = 10_000;

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
				// Bounded: a page the dev server never answers (it may be reloading) must not hold up the index, and
				// the next change or search request indexes again.
				const res = await fetch(origin + path, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(PAGE_WAIT_MS) }).catch(() => undefined);
				if (!res?.ok || !res.headers.get('content-type')?.includes('text/html')) return;
				const html = await res.text().catch(() => undefined);
				if (html === undefined) return;
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
		for (const [name, text] of searchFiles((name) => map.get(name))) map.set(name, new TextEncoder().encode(text));
		map.set(VOCABULARY_FILE, new TextEncoder().encode(JSON.stringify(buildVocabulary(pages.map((p) => p.html), root))));
		return map;
	} finally {
		await index.deleteIndex();
	}
}

/**
 * Serves the dev index, rebuilt after changes. Astro's `refreshContent()` (from `astro:server:setup`) was tried
 * as the signal that the content layer has caught up; in about one run in three the change never reached the
 * index that way (the cause was not found), so the index is rebuilt on timers: soon, and once more later.
 */
export function serveDevIndex(server: ViteDevServer, base: string, root: string, logger: AstroIntegrationLogger) {
	let files: Promise<Map<string, Uint8Array>> | undefined;
	let timers: ReturnType<typeof setTimeout>[] = [];
	const prefix = `${base}pagefind/`;

	const rebuild = () => {
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
	// Astro's content layer picks up a changed file a moment after the watcher reports it, so index soon
	// (the usual case) and once more a little later, in case the first crawl ran before the content caught up.
	const schedule = () => {
		for (const t of timers) clearTimeout(t);
		timers = [setTimeout(rebuild, 400), setTimeout(rebuild, 2500)];
	};

	server.httpServer?.once('listening', () => setTimeout(rebuild, 200));
	for (const event of ['add', 'change', 'unlink'] as const)
		server.watcher.on(event, (path: string) => { if (/[\\/]src[\\/](content|pages|components|layouts)[\\/]/.test(path)) schedule(); });
	server.httpServer?.once('close', () => void pagefind.close());

	server.middlewares.use(async (req, res, next) => {
		const url = req.url?.split('?')[0] ?? '';
		if (!url.startsWith(prefix)) return next();
		if (!files) rebuild();
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
