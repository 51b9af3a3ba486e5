/**
 * Reading offline: what the service worker (src/offline/service-worker.ts), the page's control
 * (src/scripts/offline.ts) and the build (src/integrations/offline.ts) agree on. Pure data and functions.
 *
 * Pages a reader opens are kept as they were read. On request, the whole atlas of one build (every page, the
 * assets they use and the search index) is saved into a cache named after that build; a newer build is
 * saved into a new cache and replaces the old one only once it is complete, so an offline reader always
 * sees one consistent build.
 */

/** The service worker's file, under the base path. */
export const SERVICE_WORKER = 'sw.js';
/** The list of a build's files, under the base path, written by the build. */
export const OFFLINE_MANIFEST = 'offline.json';
/** The page shown for a page that is not saved, under the base path. */
export const OFFLINE_PAGE = 'offline/';

/** Cache names: pages and files as read, the saved atlas of one build, and which build is saved. */
export const CACHES = { read: 'atlas-read', savedPrefix: 'atlas-saved-', state: 'atlas-state', shellPrefix: 'atlas-shell-' } as const;

/** A build's files, as offline.json lists them. */
export interface OfflineManifest {
	/** A hash of every listed file's path and contents: a new build, a new id. */
	build: string;
	/** Every file to save, as URLs under the base path, with their sizes. */
	files: { url: string; bytes: number }[];
	/** The files the offline page needs, saved when the worker installs. */
	shell: string[];
	bytes: number;
}

/** What is saved: the build, when, and how much. */
export interface SavedState {
	build: string;
	savedAt: string;
	files: number;
	bytes: number;
}

/** Messages from a page to the worker, and what it answers. */
export type OfflineRequest = { type: 'status' } | { type: 'save' } | { type: 'remove' };
export type OfflineReply =
	| { type: 'status'; build: string; files: number; bytes: number; saved: SavedState | null; saving: boolean }
	| { type: 'progress'; done: number; total: number; bytes: number; totalBytes: number }
	| { type: 'saved'; saved: SavedState }
	| { type: 'removed' }
	| { type: 'failed'; message: string }
	| { type: 'outdated' };

/** Which built files a reader needs offline: pages, the assets they load and the search bundle; not social cards, feeds or maps. */
export function isOfflineFile(path: string): boolean {
	if (/^(og\/|_headers$|_redirects$|robots\.txt$|rss\.xml$|sitemap[^/]*\.xml$)/.test(path)) return false;
	return /\.(html|css|js|json|svg|woff2?|pagefind|pf_meta|pf_index|pf_fragment|pf_filter|wasm)$/.test(path) || path.startsWith('pagefind/');
}

/** The URL a built file is read at: `rocketry/nova/index.html` → `<base>rocketry/nova/`. */
export function fileUrl(base: string, path: string): string {
	return `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** "5.6 MB", "840 KB": a size for people. */
export function formatBytes(bytes: number): string {
	return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
