/**
 * The one place components and routes read content from. It applies the rules (drafts, theme
 * folders, ordering) so every page agrees on them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ContentError } from '../integrations/content-errors.ts';
import { referenceList, mentionedEntities, invert } from './mentions.ts';
import { comparePages, themeOfId, type NavPage } from './navigation.ts';
import { docPath } from './url.ts';

export type Doc = CollectionEntry<'docs'>;
export type StandalonePage = CollectionEntry<'pages'>;
export type Theme = CollectionEntry<'themes'>;
export type Source = CollectionEntry<'sources'>;
export type Entity = CollectionEntry<'entities'>;
export type TimelineEvent = CollectionEntry<'events'>;
/** Any MDX page: a theme article or a standalone page. */
export type AnyPage = Doc | StandalonePage;

/** What navigation needs to know about a page. */
export function navItem(page: AnyPage): NavPage {
	return { id: page.id, title: page.data.title, order: page.data.order };
}

const published = <T extends { data: { draft: boolean } }>(e: T) => import.meta.env.DEV || !e.data.draft;

let themesCache: Promise<Theme[]> | undefined;
/** The themes in navigation order. */
export function getThemes(): Promise<Theme[]> {
	return (themesCache ??= getCollection('themes').then((t) => t.sort((a, b) => a.data.order - b.data.order)));
}

let docsCache: Promise<Doc[]> | undefined;
/** Every published article, sorted within its theme. Fails on a file outside a known theme folder. */
export function getDocs(): Promise<Doc[]> {
	return (docsCache ??= (async () => {
		const known = new Set((await getThemes()).map((t) => t.id));
		const docs = (await getCollection('docs')).filter(published);
		for (const doc of docs) {
			const theme = themeOfId(doc.id);
			if (!theme || !known.has(theme))
				throw new ContentError(
					doc.filePath,
					theme ? `the folder "${theme}" is not a known theme.` : 'an article must sit in a theme folder.',
					`move it into one of src/content/docs/{${[...known].join(',')}}/, or add the theme to src/content/data/themes.yaml.`,
				);
		}
		return docs.sort((a, b) => comparePages(navItem(a), navItem(b)));
	})());
}

/** The published articles of one theme, in order. */
export async function docsOfTheme(themeId: string): Promise<Doc[]> {
	return (await getDocs()).filter((d) => themeOfId(d.id) === themeId);
}

/** Published standalone pages (e.g. the story). */
export async function getStandalonePages(): Promise<StandalonePage[]> {
	return (await getCollection('pages')).filter(published);
}

/** Every published MDX page. */
export async function getAllPages(): Promise<AnyPage[]> {
	return [...(await getStandalonePages()), ...(await getDocs())];
}

/** The site path of any MDX page. */
export function pagePath(page: AnyPage): string {
	return docPath(page.id);
}

/** The sources a page lists, in reference order: inline citations first, then frontmatter `sources`. */
export function pageSourceIds(page: AnyPage): string[] {
	return referenceList(page.body ?? '', page.data.sources.map((s) => s.id));
}

/** source id → pages citing it. */
export async function citingPages(): Promise<Map<string, AnyPage[]>> {
	return invert(await getAllPages(), pageSourceIds);
}

/** entity id → pages mentioning it. */
export async function mentioningPages(): Promise<Map<string, AnyPage[]>> {
	return invert(await getAllPages(), (p) => mentionedEntities(p.body ?? ''));
}

/** Events in date order. */
export async function getEvents(): Promise<TimelineEvent[]> {
	return (await getCollection('events')).sort((a, b) => a.data.date.localeCompare(b.data.date));
}

let sourceMapCache: Promise<Map<string, Source>> | undefined;
/** Sources by id. */
export function getSourceMap(): Promise<Map<string, Source>> {
	return (sourceMapCache ??= getCollection('sources').then((list) => new Map(list.map((s) => [s.id, s]))));
}

/** Entities sorted by name. */
export async function getEntities(): Promise<Entity[]> {
	return (await getCollection('entities')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}
