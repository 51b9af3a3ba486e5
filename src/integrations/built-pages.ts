/**
 * What the steps after the render need of the built pages, gathered in one pass that reads each page once
 * and keeps only a digest of it, never the pages themselves: each page's links and ids (the link check), the
 * hashes of the inline scripts (the CSP in headers.ts), the words of the indexed text (the "Did you mean"
 * vocabulary), and the page's Markdown twin, written beside it as it is read (src/lib/markdown-twin.ts;
 * llms.txt lists them, see machine-readable.ts). Memory so grows with the links and words of the site, not with its HTML: at 30,000 pages the
 * HTML alone would be over a gigabyte. The integration clears the digest when a build starts and once it is
 * done, so no build sees another's pages.
 *
 * The pass gives the event loop a turn every few milliseconds: Pagefind indexes in a process of its own,
 * driven by messages from this one (add the pages, then write the bundle), and a pass that held the event loop
 * for its whole length would leave Pagefind waiting for its next message meanwhile.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { scanHtml, type PageLinks } from '../lib/links.ts';
import { stringTable } from '../lib/owned-strings.ts';
import type { VocabularyBuilder } from '../lib/vocabulary-builder.ts';
import { addPageToVocabulary, vocabularyBuilder } from './search-vocabulary.ts';
import { inlineScriptHashes } from '../lib/csp.ts';
import { markdownTwin, twinPath, type TwinSource } from '../lib/markdown-twin.ts';
import { readData } from '../lib/content-model.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { SITE_NAME } from '../consts.ts';
import { DEFAULT_SITE_CONFIG, siteConfig } from './site-config.ts';

/** The built pages, as paths relative to the output folder with "/" separators (Pagefind's bundles excluded). */
export function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => f.split(sep).join('/'))
		.filter((f) => f.endsWith('.html') && !/(^|\/)pagefind\//.test(f));
}

/** The output folders of the languages other than the source language: their ids ("es", "zh-cn"). */
export function languageFolders(root: string): string[] {
	return readData(root, 'languages').slice(1).map((l) => l.id);
}

/** The language folder a built file belongs to: "es" for es/rocketry/nova/index.html, "" for the source language. */
export function languageFolder(file: string, folders: readonly string[]): string {
	const first = file.split('/')[0]!;
	return folders.includes(first) && file.includes('/') ? first : '';
}

/** What the post-build steps know of the built pages. */
export interface BuiltDigest {
	/** Each page's links and ids, by its path in the output folder. */
	links: Map<string, PageLinks>;
	/** The CSP hashes of every inline script on any page. */
	scriptHashes: string[];
	/** Each language's vocabulary, by its folder ("" for the source language at the root, "es", …), fed its indexed pages. */
	vocabularies: Map<string, VocabularyBuilder>;
	/** Each page that has a Markdown twin: its site path, its twin's, title and description. */
	twins: TwinEntry[];
	/** A hash of each page's HTML, by its path in the output folder (offline.ts makes the build's id from them). */
	hashes: Map<string, string>;
}

export interface TwinEntry {
	/** The page's path under the site, base included ("/rocketry/nova/"). */
	page: string;
	/** Its twin's path ("/rocketry/nova.md"). */
	twin: string;
	title: string;
	description: string;
}

/** Pages kept out of search engines and the sitemap (the 404 page, the offline page) get no twin. */
const NOINDEX = /<meta name="robots" content="noindex"/;

/** How long the pass works before it gives the event loop a turn, in milliseconds. */
const SLICE_MS = 20;

let config = DEFAULT_SITE_CONFIG;
const digests = new Map<string, Promise<BuiltDigest>>();

/** The digest of the pages built into `dir`, read in one pass on first use in a build. */
export function builtDigest(dir: string): Promise<BuiltDigest> {
	let digest = digests.get(dir);
	if (!digest) digests.set(dir, (digest = readDigest(dir)));
	return digest;
}

async function readDigest(dir: string): Promise<BuiltDigest> {
	const hashes = new Set<string>();
	const { base, site, root } = config;
	const folders = languageFolders(root);
	const digest: BuiltDigest = { links: new Map(), scriptHashes: [], vocabularies: new Map(['', ...folders].map((f) => [f, vocabularyBuilder(root)])), twins: [], hashes: new Map() };
	const sources = new Map(readData(root, 'sources').map((s) => [s.id, s as unknown as TwinSource]));
	// What the digest keeps of a page must not keep the page's HTML alive (see stringTable): at 10,000 pages
	// its few short strings held 870 MB of HTML that way (docs/performance.md).
	const keep = stringTable();
	let slice = performance.now();
	for (const file of htmlFiles(dir)) {
		if (performance.now() - slice > SLICE_MS) {
			await nextTurn();
			slice = performance.now();
		}
		const html = readFileSync(join(dir, file), 'utf8');
		digest.hashes.set(file, createHash('sha256').update(html).digest('base64url'));
		const { links, ids } = scanHtml(html);
		digest.links.set(file, { links: links.map(keep), ids: new Set([...ids].map(keep)) });
		for (const hash of inlineScriptHashes([html])) hashes.add(hash);
		addPageToVocabulary(digest.vocabularies.get(languageFolder(file, folders))!, html);
		if (!file.endsWith('index.html') || NOINDEX.test(html)) continue;
		const page = `${base}${file.slice(0, -'index.html'.length)}`;
		const twin = markdownTwin(html, new URL(page, site).href, { site: SITE_NAME, sources, formatDate: formatPartialDate });
		const path = twinPath(page, base);
		writeFileSync(join(dir, path.slice(base.length)), twin.markdown);
		digest.twins.push({ page, twin: path, title: keep(twin.title), description: keep(twin.description) });
	}
	digest.scriptHashes = [...hashes].sort();
	return digest;
}

/** Lets the digest go at the start and the end of each build: listed after the integrations that read it. */
export default function builtPagesCache(): AstroIntegration {
	return {
		name: 'atlas:built-pages',
		hooks: {
			'astro:config:done': ({ config: resolved }) => {
				config = siteConfig(resolved);
			},
			'astro:build:start': () => digests.clear(),
			'astro:build:done': () => digests.clear(),
		},
	};
}
