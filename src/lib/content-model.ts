/**
 * The content as an editor wrote it, read from disk: the data lists and every MDX page's frontmatter and
 * body. The build's reference check (integrations/content-check.ts), the Markdown plugin's id lists, the
 * writer's check (scripts/check-content.mjs) and the content tests all read the files through here, and a
 * file is parsed again only when it changes.
 *
 * YAML is read with the core schema, so dates stay as written ("2026-02-30" is not rolled over into March)
 * and the rules can say exactly what is wrong with them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { CORE_SCHEMA, load } from 'js-yaml';
import GithubSlugger from 'github-slugger';

const slugger = new GithubSlugger();

/** The id Astro's glob loader gives a file: its `slug` field, or each path segment slugified. */
export function entryId(relPath: string, slug?: unknown): string {
	if (typeof slug === 'string' && slug) return slug;
	return relPath
		.replace(/\.[^/.]+$/, '')
		.split('/')
		.map((segment) => { slugger.reset(); return slugger.slug(segment); })
		.join('/')
		.replace(/\/index$/, '');
}

/** Where each data list lives, relative to the project. */
export const DATA_FILES = {
	themes: 'src/content/data/themes.yaml',
	sources: 'src/content/data/sources.yaml',
	entities: 'src/content/data/entities.yaml',
	events: 'src/content/data/events.yaml',
	questions: 'src/content/data/questions.yaml',
	atlas: 'src/content/data/atlas.yaml',
	languages: 'src/content/data/languages.yaml',
} as const;
export type DataName = keyof typeof DATA_FILES;

/** Where the pages live: articles in theme folders, standalone pages at the top. */
export const PAGE_FOLDERS = { docs: 'src/content/docs', pages: 'src/content/pages' } as const;

/**
 * Where translations live: src/content/translations/<language id>/<page id>.mdx for a page, and
 * src/content/translations/<language id>/data.yaml for the data lists' texts.
 */
export const TRANSLATIONS_FOLDER = 'src/content/translations';

/** Where each language's interface strings live: src/content/strings/<language id>.yaml. */
export const STRINGS_FOLDER = 'src/content/strings';

/** An entry of a data list: an id and its fields, as written. */
export interface DataItem {
	id: string;
	[field: string]: unknown;
}

/** An MDX page as written. */
export interface PageFile {
	/** The path relative to the project, e.g. src/content/docs/rocketry/nova.mdx. */
	file: string;
	collection: keyof typeof PAGE_FOLDERS;
	/** The id Astro gives it, which is also its URL: "rocketry/nova", "story". */
	id: string;
	/** For an article, its folder: the theme it claims to belong to. */
	folder: string | undefined;
	/** The frontmatter fields, as written (dates are strings). Empty when the YAML does not parse. */
	fields: Record<string, unknown>;
	/** The frontmatter text, for rules that need the raw value. */
	frontmatter: string;
	body: string;
	/** The file's version (see `pageVersion`): what a translation records as the English text it follows. */
	version: string;
}

/** A file's version: a short hash of its text, line endings aside. Any edit gives a new version. */
export function pageVersion(text: string): string {
	return createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex').slice(0, 12);
}

export interface ContentModel {
	themes: DataItem[];
	sources: DataItem[];
	entities: DataItem[];
	events: DataItem[];
	questions: DataItem[];
	/** Facts about the atlas as a whole, by key: `horizon` holds the sources' horizon. */
	atlas: DataItem[];
	/** The languages, the source language first. */
	languages: DataItem[];
	pages: PageFile[];
	/** Translated pages, each with its language. */
	translations: TranslationFile[];
}

/** A translated page as written. */
export interface TranslationFile extends Omit<PageFile, 'collection' | 'folder' | 'version'> {
	/** The language id, its folder under src/content/translations/. */
	lang: string;
	/** The id of the English page it translates: "rocketry/nova", "story". */
	id: string;
}

const parsed = new Map<string, { mtime: number; value: unknown }>();
/** Reads and parses a file once per change. */
function cached<T>(path: string, parse: (text: string) => T): T {
	const mtime = statSync(path).mtimeMs;
	const hit = parsed.get(path);
	if (hit?.mtime === mtime) return hit.value as T;
	const value = parse(readFileSync(path, 'utf8'));
	parsed.set(path, { mtime, value });
	return value;
}

/**
 * A data file's entries (none when the file is missing). A file is a list of entries with an `id` each, or,
 * as Astro's file loader also reads it, a map from id to entry (atlas.yaml).
 */
export function readData(root: string, name: DataName): DataItem[] {
	const path = join(root, DATA_FILES[name]);
	if (!existsSync(path)) return [];
	return cached(path, (text) => {
		const data = load(text, { schema: CORE_SCHEMA }) ?? [];
		if (Array.isArray(data)) return (data as DataItem[]).map((x) => ({ ...x, id: String(x.id) }));
		return Object.entries(data as Record<string, Record<string, unknown>>).map(([id, x]) => ({ ...x, id }));
	});
}

/** The ids of a data list. */
export function dataIds(root: string, name: DataName): Set<string> {
	return new Set(readData(root, name).map((x) => x.id));
}

/** Splits a file into its frontmatter text and body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	return m ? { frontmatter: m[1]!, body: m[2]! } : { frontmatter: '', body: text };
}

function parseFrontmatter(frontmatter: string): Record<string, unknown> {
	try {
		return (load(frontmatter, { schema: CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
	} catch {
		// Astro's loader reports a YAML error itself, with its line.
		return {};
	}
}

function mdxFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.mdx?$/.test(f))
		.map((f) => f.split(sep).join('/'))
		.sort();
}

/** Every MDX page, drafts included. */
export function readPages(root: string): PageFile[] {
	return (Object.keys(PAGE_FOLDERS) as (keyof typeof PAGE_FOLDERS)[]).flatMap((collection) => {
		const dir = join(root, PAGE_FOLDERS[collection]);
		return mdxFiles(dir).map((rel) => {
			const path = join(dir, rel);
			return cached(path, (text): PageFile => {
				const { frontmatter, body } = splitFrontmatter(text);
				const fields = parseFrontmatter(frontmatter);
				const id = entryId(rel, fields.slug);
				return {
					file: relative(root, path).split(sep).join('/'),
					collection,
					id,
					folder: collection === 'docs' && rel.includes('/') ? rel.split('/')[0] : undefined,
					fields,
					frontmatter,
					body,
					version: pageVersion(text),
				};
			});
		});
	});
}

/** Every translated page, in every language folder. */
export function readTranslations(root: string): TranslationFile[] {
	const dir = join(root, TRANSLATIONS_FOLDER);
	return mdxFiles(dir).flatMap((rel) => {
		const [lang, ...rest] = rel.split('/');
		if (!rest.length) return [];
		const path = join(dir, rel);
		return [
			cached(path, (text): TranslationFile => {
				const { frontmatter, body } = splitFrontmatter(text);
				return { file: relative(root, path).split(sep).join('/'), lang: lang!, id: entryId(rest.join('/')), fields: parseFrontmatter(frontmatter), frontmatter, body };
			}),
		];
	});
}

/** A language's translated data texts (src/content/translations/<id>/data.yaml), by list and entry id; empty when absent. */
export function readDataTranslation(root: string, lang: string): Record<string, Record<string, Record<string, unknown>>> {
	const path = join(root, TRANSLATIONS_FOLDER, lang, 'data.yaml');
	if (!existsSync(path)) return {};
	return cached(path, (text) => (load(text, { schema: CORE_SCHEMA }) ?? {}) as Record<string, Record<string, Record<string, unknown>>>);
}

/** A language's interface strings (src/content/strings/<id>.yaml), flat by key; empty when absent. */
export function readStrings(root: string, lang: string): Record<string, string> {
	const path = join(root, STRINGS_FOLDER, `${lang}.yaml`);
	if (!existsSync(path)) return {};
	return cached(path, (text) => (load(text, { schema: CORE_SCHEMA }) ?? {}) as Record<string, string>);
}

/** All of the content. */
export function readContent(root: string): ContentModel {
	return {
		themes: readData(root, 'themes'),
		sources: readData(root, 'sources'),
		entities: readData(root, 'entities'),
		events: readData(root, 'events'),
		questions: readData(root, 'questions'),
		atlas: readData(root, 'atlas'),
		languages: readData(root, 'languages'),
		pages: readPages(root),
		translations: readTranslations(root),
	};
}
