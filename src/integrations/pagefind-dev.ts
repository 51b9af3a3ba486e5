/**
 * Search while writing: in `astro dev`, builds a real Pagefind index in memory from the pages the dev
 * server renders, serves it at <base>pagefind/, and rebuilds it when content changes, so an editor's
 * new page shows up in search without a production build.
 */
import { languageFolders } from './built-pages.ts';
import { readPages } from '../lib/content-model.ts';
import { docPath } from '../lib/url.ts';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import * as pagefind from 'pagefind';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { internalTarget, scanHtml } from '../lib/links.ts';
import { buildVocabulary, VOCABULARY_FILE } from './search-vocabulary.ts';
import { searchFiles } from './search-manifest.ts';
import { PAGEFIND_LANGUAGE, PRELOAD_FILE } from '../lib/search-preload.ts';

/** The longest the dev index waits for one page while it crawls. */
const PAGE_WAIT_MS = 10_000;

/** The source folders whose changes change the pages (and so the index), under src/. */
const SOURCE_DIRS = ['content', 'pages', 'components', 'layouts'];
const SOURCE_PATH = new RegExp(`[\\\\/]src[\\\\/](${SOURCE_DIRS.join('|')})[\\\\/]`);

/** Each file under the source folders, with its modification time. */
export function sourceFiles(root: string): Map<string, number> {
	const files = new Map<string, number>();
	for (const dir of SOURCE_DIRS) {
		let entries;
		try {
			entries = readdirSync(join(root, 'src', dir), { recursive: true, withFileTypes: true });
		} catch {
			continue;
		}
		for (const e of entries) {
			if (!e.isFile()) continue;
			const path = join(e.parentPath, e.name);
			try {
				files.set(path, statSync(path).mtimeMs);
			} catch {
				// Removed between the listing and the stat: the next look sees it gone.
			}
		}
	}
	return files;
}

/** The file events that turn `before` into `now`: new files added, changed times changed, missing files unlinked. */
export function missedEvents(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): ['add' | 'change' | 'unlink', string][] {
	const events: ['add' | 'change' | 'unlink', string][] = [];
	for (const [path, time] of now) {
		const was = before.get(path);
		if (was === undefined) events.push(['add', path]);
		else if (was !== time) events.push(['change', path]);
	}
	for (const path of before.keys()) if (!now.has(path)) events.push(['unlink', path]);
	return events;
}

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm' };

/**
 * Fetches every page reachable from the home page, following internal links under the base, in the source
 * language: the dev index is the source language's, as in the build (other languages' folders are skipped).
 */
async function crawl(origin: string, base: string, skip: readonly string[] = []): Promise<{ url: string; html: string }[]> {
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
					if (!t?.underBase || !t.path.endsWith('/') || t.path.startsWith('/pagefind/') || skip.some((folder) => t.path.startsWith(`/${folder}/`))) continue;
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
 *
 * A file watcher can miss an event (seen once in CI: a page added while the server ran was never reported,
 * so neither Astro's content layer nor this index saw it). When a page starts a search, the source files are
 * compared with what the watcher last reported, and what it missed is replayed on it, so Astro and this index
 * both catch up; the search waits for the rebuild that follows.
 */
export function serveDevIndex(server: ViteDevServer, base: string, root: string, logger: AstroIntegrationLogger) {
	let files: Promise<Map<string, Uint8Array>> | undefined;
	let timers: ReturnType<typeof setTimeout>[] = [];
	/** Settles when the next scheduled rebuild (the soon one) has finished; undefined when none is scheduled. */
	let soon: PromiseWithResolvers<void> | undefined;
	/** The source files as the watcher has reported them. */
	const seen = sourceFiles(root);
	const prefix = `${base}pagefind/`;
	/** The first file a page's search asks for, whichever search path it takes. */
	const starts = new Set([`${prefix}pagefind-entry.json`, `${prefix}${PRELOAD_FILE}`]);

	/** Crawls that found a content page missing and were tried again, since the last change. */
	let retries = 0;
	const rebuild = () => {
		const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '').replace(new RegExp(`${base.replace(/\/$/, '')}$`), '');
		if (!origin) return;
		const started = performance.now();
		const next = crawl(origin, base, languageFolders(root)).then((pages) => {
			// Every content page (drafts are served in dev) should have been reached; if one was not, Astro's routes
			// had not caught up with the content yet: index again shortly, a few times at most.
			const crawled = new Set(pages.map((p) => p.url));
			if (readPages(root).some((p) => !crawled.has(`${base}${docPath(p.id).slice(1)}`)) && retries++ < 5) setTimeout(rebuild, 2000);
			return buildIndex(pages, base, root);
		}).then((map) => {
			logger.info(`Search index for dev: ${map.size} files in ${Math.round(performance.now() - started)} ms.`);
			return map;
		});
		next.catch((e) => logger.warn(`Search index for dev failed: ${e instanceof Error ? e.message : e}`));
		files = next;
	};
	// Astro's content layer picks up a changed file a moment after the watcher reports it, so index soon
	// (the usual case) and once more a little later, in case the first crawl ran before the content caught up;
	// a crawl that still misses a content page (the routes had not caught up) is followed by another.
	const schedule = () => {
		for (const t of timers) clearTimeout(t);
		soon ??= Promise.withResolvers<void>();
		timers = [
			setTimeout(() => {
				const waiting = soon;
				soon = undefined;
				rebuild();
				void files?.then(() => waiting?.resolve(), () => waiting?.resolve());
			}, 400),
			setTimeout(rebuild, 2500),
		];
		retries = 0;
	};

	server.httpServer?.once('listening', () => setTimeout(rebuild, 200));
	for (const event of ['add', 'change', 'unlink'] as const)
		server.watcher.on(event, (path: string) => {
			if (!SOURCE_PATH.test(path)) return;
			if (event === 'unlink') seen.delete(path);
			else {
				try {
					seen.set(path, statSync(path).mtimeMs);
				} catch {
					seen.delete(path);
				}
			}
			schedule();
		});
	server.httpServer?.once('close', () => void pagefind.close());

	/** Replays on the watcher the source changes it did not report; true when there were any. */
	const catchUp = () => {
		const missed = missedEvents(seen, sourceFiles(root));
		if (!missed.length) return false;
		logger.info(`The file watcher missed ${missed.length} change(s) (${missed.slice(0, 3).map(([e, p]) => `${e} ${p.slice(root.length)}`).join(', ')}); replaying them.`);
		for (const [event, path] of missed) server.watcher.emit(event, path);
		return true;
	};

	server.middlewares.use(async (req, res, next) => {
		const url = req.url?.split('?')[0] ?? '';
		if (!url.startsWith(prefix)) return next();
		if (!files) rebuild();
		else if (starts.has(url) && catchUp()) await soon?.promise;
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
