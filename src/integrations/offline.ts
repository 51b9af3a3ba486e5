/**
 * Reading offline, at build time: once the pages and the search bundle are in place, writes `offline.json`
 * (every file a reader needs offline, with its size, and an id that changes with any of them) and bundles the
 * service worker (src/offline/service-worker.ts, with Workbox) into `sw.js` with that id, the base path and
 * the offline page's files. A new build has a new id, so browsers install its worker, which saves the new
 * build whole before it replaces a saved copy (see src/lib/offline.ts).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'vite';
import { builtDigest } from './built-pages.ts';
import { DEFAULT_SITE_CONFIG, siteConfig, type SiteConfig } from './site-config.ts';
import { searchAfterBuild, type Logger } from './build-mode.ts';
import { fileUrl, isOfflineFile, OFFLINE_MANIFEST, OFFLINE_PAGE, SERVICE_WORKER, type OfflineManifest } from '../lib/offline.ts';

/** Files whose names change with their contents: Astro's assets and Pagefind's chunks. */
const HASHED_NAME = /^(_astro\/|pagefind\/(index|fragment|filter)\/)|\.pf_meta$/;

/**
 * The manifest of the built output in `out`, served under `base`. Its id hashes every file's path and
 * contents: a page's from the hash the one pass over the pages made (`pageHashes`), a file named after its
 * contents by its name, any other file (Pagefind's script and WebAssembly, the search files) read here.
 */
export function offlineManifest(out: string, base: string, pageHashes: ReadonlyMap<string, string> = new Map()): OfflineManifest {
	const paths = readdirSync(out, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split(sep).join('/'))
		.filter((f) => isOfflineFile(f) && f !== OFFLINE_MANIFEST && f !== SERVICE_WORKER && statSync(join(out, f)).isFile())
		.sort();
	const hash = createHash('sha256');
	const files = paths.map((path) => {
		const bytes = statSync(join(out, path)).size;
		hash.update(`${path}\0${bytes}\0`);
		const known = pageHashes.get(path);
		if (known) hash.update(known);
		else if (!HASHED_NAME.test(path)) hash.update(readFileSync(join(out, path)));
		return { url: fileUrl(base, path), bytes };
	});
	// The offline page and what it loads: its stylesheet and the site's icon.
	const page = readFileSync(join(out, OFFLINE_PAGE, 'index.html'), 'utf8');
	const assets = [...page.matchAll(/<link[^>]+href="([^"]+\.(?:css|svg))"/g)].map((m) => m[1]!);
	return { build: hash.digest('hex').slice(0, 16), files, shell: [`${base}${OFFLINE_PAGE}`, ...new Set(assets)], bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

/**
 * Writes the offline manifest of the output in `out` and bundles the service worker with its id. `pageHashes`
 * are the pages' hashes from the one pass over them (built-pages.ts).
 */
export async function writeOffline(out: string, { base, root }: Pick<SiteConfig, 'base' | 'root'>, pageHashes: ReadonlyMap<string, string>, logger: Logger): Promise<void> {
	const started = performance.now();
	const manifest = offlineManifest(out, base, pageHashes);
	writeFileSync(join(out, OFFLINE_MANIFEST), JSON.stringify(manifest));
	const staging = mkdtempSync(join(tmpdir(), 'atlas-sw-'));
	try {
		await bundle({
			configFile: false,
			root,
			logLevel: 'warn',
			define: {
				__BUILD__: JSON.stringify(manifest.build),
				__BASE__: JSON.stringify(base),
				__SHELL__: JSON.stringify(manifest.shell),
				__FILES__: JSON.stringify(manifest.files.length),
				__BYTES__: JSON.stringify(manifest.bytes),
				'process.env.NODE_ENV': JSON.stringify('production'),
			},
			build: {
				outDir: staging,
				emptyOutDir: true,
				copyPublicDir: false,
				lib: { entry: join(root, 'src/offline/service-worker.ts'), formats: ['iife'], name: 'atlasServiceWorker', fileName: () => SERVICE_WORKER },
			},
		});
		renameSync(join(staging, SERVICE_WORKER), join(out, SERVICE_WORKER));
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	logger.info(`Offline reading: ${manifest.files.length} files (${(manifest.bytes / 1e6).toFixed(1)} MB) in ${OFFLINE_MANIFEST}, build ${manifest.build}; service worker in ${Math.round(performance.now() - started)} ms.`);
}

export default function offline(): AstroIntegration {
	let config = DEFAULT_SITE_CONFIG;
	return {
		name: 'atlas:offline',
		hooks: {
			'astro:config:done': ({ config: resolved }) => {
				config = siteConfig(resolved);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (searchAfterBuild()) return;
				const out = fileURLToPath(dir);
				await writeOffline(out, config, (await builtDigest(out)).hashes, logger);
			},
		},
	};
}
