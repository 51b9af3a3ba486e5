/**
 * Builds the Pagefind search index from the built HTML with Pagefind's Node API, so `astro build` alone
 * yields a searchable site and a failure stops the build. Only elements marked `data-pagefind-body` are
 * indexed. Pagefind runs in a process of its own: it starts as soon as the pages are written and works
 * on the second core while the sitemap and the link check run here. In `astro dev` the index is
 * built in memory instead (see pagefind-dev.ts).
 */
import type { AstroIntegration } from 'astro';
import { slashed } from '../lib/url.ts';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { serveDevIndex } from './pagefind-dev.ts';
import { builtDigest } from './built-pages.ts';
import { readData } from '../lib/content-model.ts';
import { VOCABULARY_FILE } from './search-vocabulary.ts';
import { searchFiles } from './search-manifest.ts';
import { PAGEFIND_LANGUAGE, pagefindLanguage } from '../lib/search-preload.ts';
import { searchAfterBuild, type Logger } from './build-mode.ts';

/** jemalloc's settings for Pagefind's indexer: return freed pages to the system within half a second. */
const PAGEFIND_ALLOCATOR = 'dirty_decay_ms:500,muzzy_decay_ms:0';

/** A language's Pagefind bundle: its output folder ("" at the root, "es", …) and the language Pagefind indexes it as. */
export interface SearchLanguage {
	folder: string;
	pagefind: string;
}

/** The bundles a site needs, one per language: from languages.yaml, the source language first (at the root). */
export function searchLanguages(root: string): SearchLanguage[] {
	return readData(root, 'languages').map((l, i) => (i === 0 ? { folder: '', pagefind: PAGEFIND_LANGUAGE } : { folder: l.id, pagefind: pagefindLanguage(String(l.lang)) }));
}

/**
 * The files of the source language's pages, as a Pagefind glob: everything at the top of the output but the
 * other languages' folders (and the bundle itself); undefined (Pagefind's default, every page) when there are
 * no other languages.
 */
export function sourceGlob(dir: string, folders: readonly string[]): string | undefined {
	if (!folders.length) return undefined;
	const top = readdirSync(dir, { withFileTypes: true }).filter((e) => !folders.includes(e.name) && e.name !== 'pagefind');
	return `{${top.flatMap((e) => (e.isDirectory() ? [`${e.name}/**/*.html`] : e.name.endsWith('.html') ? [e.name] : [])).join(',')}}`;
}

/** What Pagefind indexes for one language: the folder it reads, the glob within it, where it writes the bundle. */
interface IndexJob {
	language: SearchLanguage;
	path: string;
	glob?: string;
	output: string;
}

function indexJobs(dir: string, outputRoot: string, languages: readonly SearchLanguage[]): IndexJob[] {
	const folders = languages.map((l) => l.folder).filter(Boolean);
	return languages.map((language) => {
		const glob = language.folder ? undefined : sourceGlob(dir, folders);
		return { language, path: join(dir, language.folder), ...(glob ? { glob } : {}), output: join(outputRoot, language.folder, 'pagefind') };
	});
}

/** A language's page count, or the error that says its folder had nothing to index. */
function indexedPages(pages: number, job: IndexJob): number {
	if (pages === 0) throw new Error(`Pagefind found no pages marked data-pagefind-body in ${job.path}`);
	return pages;
}

/**
 * Indexes the built HTML of each language on its own, as Pagefind does for a multilingual site, but as one
 * bundle per language in that language's folder (/pagefind/, /es/pagefind/): a search from a Spanish page
 * loads only the Spanish index, and the build's extra search files (preload manifest, first-result tables,
 * vocabulary) stay one set per bundle. Pagefind reads the files itself (its directory walk, in Rust): a
 * language's folder, or for the source language every page outside the other languages' folders. Writes each
 * bundle to `<outputRoot>/<folder>/pagefind`. Returns the page count of each language.
 */
export async function indexSite(dir: string, outputRoot = dir, languages: readonly SearchLanguage[] = [{ folder: '', pagefind: PAGEFIND_LANGUAGE }]): Promise<number[]> {
	// Pagefind's indexer (jemalloc) keeps freed memory resident for ten seconds by default, through a build
	// whose data structures are made and dropped within that time: returning it within half a second took
	// its peak from about 3.2 to 2.6 GB at 10,000 pages and from 8.6 to 7.8 GB at 30,000, at no
	// measurable cost in time (docs/performance.md).
	// Read when the service starts; an allocator setting of the caller's own is kept.
	process.env._RJEM_MALLOC_CONF ??= PAGEFIND_ALLOCATOR;
	const counts: number[] = [];
	try {
		for (const job of indexJobs(dir, outputRoot, languages)) {
			const { index, errors } = await pagefind.createIndex({ forceLanguage: job.language.pagefind });
			if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
			const added = await index.addDirectory({ path: job.path, ...(job.glob ? { glob: job.glob } : {}) });
			if (added.errors.length) throw new Error(`Pagefind could not index ${job.path}: ${added.errors.join('; ')}`);
			const pages = indexedPages(added.page_count, job);
			const written = await index.writeFiles({ outputPath: job.output });
			if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
			// The service keeps every index it made until it closes: free this one before the next language's,
			// so Pagefind holds one language at a time.
			await index.deleteIndex();
			counts.push(pages);
		}
		return counts;
	} finally {
		await pagefind.close();
	}
}

/**
 * The same indexing as indexSite, with the same Pagefind, run as its command line rather than its service:
 * for the search step after the build, where nothing runs beside it and the memory is what matters. The
 * step peaked at 8,288 MB with the service (and the Node process that drives it) and at 7,898 MB with the
 * command, at 30,000 pages (docs/performance.md); the output is the same (tests/e2e/build-memory.spec.ts).
 */
export async function indexSiteAlone(dir: string, outputRoot: string, languages: readonly SearchLanguage[]): Promise<number[]> {
	// Pagefind's package resolves its platform's binary in a module its exports do not list.
	const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath: (names: string[]) => string };
	const binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
	const counts: number[] = [];
	for (const job of indexJobs(dir, outputRoot, languages)) {
		const args = ['--site', job.path, '--output-path', job.output, '--force-language', job.language.pagefind, ...(job.glob ? ['--glob', job.glob] : [])];
		const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF ?? PAGEFIND_ALLOCATOR } });
		const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
		if (run.status !== 0) throw new Error(`Pagefind could not index ${job.path}: ${run.error?.message ?? output.trim().split('\n').slice(-5).join('\n')}`);
		counts.push(indexedPages(Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? 0), job));
	}
	return counts;
}

/** Where the bundles are written before they are moved into the output: in Astro's cache folder, outside dist/. */
export function stagingFolder(cacheDir: URL): string {
	return fileURLToPath(new URL('pagefind-staging/', cacheDir));
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

/** Each language's "Did you mean" vocabulary, as the file it is written to, by language folder. */
export async function vocabularyFiles(out: string): Promise<Map<string, string>> {
	return new Map([...(await builtDigest(out)).vocabularies].map(([folder, b]) => [folder, JSON.stringify(b.build())]));
}

/**
 * Puts each language's finished bundle in place from `staging` with the files the build adds to it (the
 * "Did you mean" vocabulary, the preload manifest and first-result tables). Returns how many files it added.
 */
export async function placeBundles(out: string, staging: string, root: string, vocabularies: ReadonlyMap<string, string>): Promise<number> {
	let extraFiles = 0;
	for (const { folder } of searchLanguages(root)) {
		const bundle = join(out, folder, 'pagefind');
		await moveInto(join(staging, folder, 'pagefind'), bundle);
		await writeFile(join(bundle, VOCABULARY_FILE), vocabularies.get(folder) ?? '{"terms":[]}');
		const extra = searchFiles((name) => { try { return readFileSync(join(bundle, name)); } catch { return undefined; } });
		for (const sub of new Set([...extra.keys()].map((name) => dirname(join(bundle, name))))) await mkdir(sub, { recursive: true });
		await Promise.all([...extra].map(([name, text]) => writeFile(join(bundle, name), text)));
		extraFiles += extra.size;
	}
	await rm(staging, { recursive: true, force: true });
	return extraFiles;
}

/** Indexes the built site in `out` and puts its bundles in place: the search step of a build that leaves it until after (see search-after-build.ts). */
export async function indexBuiltSite(out: string, staging: string, root: string, vocabularies: ReadonlyMap<string, string>, logger: Logger): Promise<void> {
	const started = performance.now();
	await rm(staging, { recursive: true, force: true });
	const pages = await indexSiteAlone(out, staging, searchLanguages(root));
	const extraFiles = await placeBundles(out, staging, root, vocabularies);
	logger.info(`Indexed ${pages.join(' + ')} pages in ${Math.round(performance.now() - started)} ms, after the build (preload and first-result files: ${extraFiles}).`);
}

export default function pagefindIntegration(): AstroIntegration {
	let base = '/';
	let staging = '';
	let indexing: Promise<number[]> | undefined;
	let started = 0;
	let root: URL;
	/** Starts indexing the written pages into the staging folder. */
	const start = async (out: string) => {
		started = performance.now();
		await rm(staging, { recursive: true, force: true });
		return indexSite(out, staging, searchLanguages(fileURLToPath(root)));
	};
	return {
		name: 'atlas:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = slashed(config.base);
				root = config.root;
				staging = stagingFolder(config.cacheDir);
			},
			'astro:server:setup': ({ server, logger }) => serveDevIndex(server, base, fileURLToPath(root), logger),
			// Start once the pages are written, while the sitemap and the link check run; build:done waits
			// for it. A rejection is held until then, so a failed index still fails the build. The bundle is
			// written outside dist/ and moved in only when the build succeeds, so a build that fails meanwhile
			// leaves nothing of it in dist/. (Handing Pagefind each page while Astro renders was measured too:
			// on two cores it slowed the render by more than it saved.)
			'astro:build:generated': async ({ dir }) => {
				const out = fileURLToPath(dir);
				// A build that leaves the search index until after it (search-after-build.ts) only reads the pages.
				if (!searchAfterBuild()) {
					indexing = start(out);
					indexing.catch(() => {});
				}
				// One pass over the pages, for the "Did you mean" vocabulary, the CSP hashing and the link check;
				// it yields to the event loop as it goes, so Pagefind gets its messages meanwhile.
				await builtDigest(out);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (searchAfterBuild()) return;
				const out = fileURLToPath(dir);
				// Each language's "Did you mean" vocabulary, while Pagefind finishes in its own process.
				const vocabStarted = performance.now();
				const vocabularies = await vocabularyFiles(out);
				const vocabMs = Math.round(performance.now() - vocabStarted);
				const pages = await (indexing ?? start(out));
				indexing = undefined;
				const extraStarted = performance.now();
				const extraFiles = await placeBundles(out, staging, fileURLToPath(root), vocabularies);
				const extraMs = Math.round(performance.now() - extraStarted);
				logger.info(`Indexed ${pages.join(' + ')} pages in ${Math.round(performance.now() - started)} ms (vocabularies in ${vocabMs} ms; preload and first-result files: ${extraFiles} in ${extraMs} ms).`);
			},
		},
	};
}
