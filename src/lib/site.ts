/**
 * The one place components and routes read content from. It applies the rules (drafts, theme
 * folders, ordering) so every page agrees on them.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { referenceList, invert, type PageMentions } from './mentions.ts';
import { comparePages, themeOfId, type NavPage } from './navigation.ts';
import { docPath } from './url.ts';
import { collectUpdates, type Update } from './updates.ts';
import { REFERENCE_LINKS } from '../consts.ts';
import type { Locale } from './i18n.ts';
import { localizePages } from './localized.ts';

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
/**
 * Every published article, sorted within its theme. That each sits in a known theme's folder is checked
 * before the build (src/lib/content-rules.ts).
 */
export function getDocs(): Promise<Doc[]> {
	return (docsCache ??= getCollection('docs').then((docs) => docs.filter(published).sort((a, b) => comparePages(navItem(a), navItem(b)))));
}

let byThemeCache: Promise<Map<string, { docs: readonly Doc[]; nav: readonly NavPage[] }>> | undefined;
/** Each theme's articles in order, and their navigation items; grouped once, not once per page. */
function docsByTheme() {
	return (byThemeCache ??= getDocs().then((docs) => {
		const groups = new Map<string, Doc[]>();
		for (const doc of docs) {
			const theme = themeOfId(doc.id)!;
			if (!groups.has(theme)) groups.set(theme, []);
			groups.get(theme)!.push(doc);
		}
		return new Map([...groups].map(([theme, list]) => [theme, { docs: list, nav: list.map(navItem) }]));
	}));
}

/** The published articles of one theme, in order. Shared: copy before sorting. */
export async function docsOfTheme(themeId: string): Promise<readonly Doc[]> {
	return (await docsByTheme()).get(themeId)?.docs ?? [];
}

/** The navigation items (id, title, order) of one theme's articles, in order. */
export async function navItemsOfTheme(themeId: string): Promise<readonly NavPage[]> {
	return (await docsByTheme()).get(themeId)?.nav ?? [];
}

let standaloneCache: Promise<StandalonePage[]> | undefined;
/** Published standalone pages (e.g. the story), in `order`, then by title. */
export function getStandalonePages(): Promise<StandalonePage[]> {
	return (standaloneCache ??= getCollection('pages').then((pages) => pages.filter(published).sort((a, b) => comparePages(navItem(a), navItem(b)))));
}

/** What navigation lists besides the themes: the standalone pages, then the reference pages, in the locale's language. */
export async function referenceLinks(locale: Locale): Promise<{ path: string; label: string }[]> {
	const pages = await localizePages(await getStandalonePages(), locale);
	return [...pages.map((p) => ({ path: pagePath(p), label: p.data.title })), ...REFERENCE_LINKS.map((r) => ({ path: r.path, label: locale.t(r.key) }))];
}

let allCache: Promise<AnyPage[]> | undefined;
/** Every published MDX page. */
export function getAllPages(): Promise<AnyPage[]> {
	return (allCache ??= (async () => [...(await getStandalonePages()), ...(await getDocs())])());
}

let byIdCache: Promise<Map<string, AnyPage>> | undefined;
/** A published MDX page by its id ("rocketry/nova", "story"). */
export async function pageById(id: string): Promise<AnyPage | undefined> {
	return (await (byIdCache ??= getAllPages().then((all) => new Map(all.map((p) => [p.id, p]))))).get(id);
}

/** The site path of any MDX page. */
export function pagePath(page: AnyPage): string {
	return docPath(page.id);
}

const mentionsCache = new Map<string, Promise<PageMentions>>();
/** What the Markdown plugin found in a page (its citations and mentions), from the compiled page. */
export function pageMentions(page: AnyPage): Promise<PageMentions> {
	let found = mentionsCache.get(page.filePath ?? page.id);
	if (!found) {
		found = render(page).then(({ remarkPluginFrontmatter: fm }) => ({ citations: fm.citations ?? [], entities: fm.entities ?? [] }));
		mentionsCache.set(page.filePath ?? page.id, found);
	}
	return found;
}

/** The sources a page lists, in reference order: inline citations first, then frontmatter `sources`. */
export async function pageSourceIds(page: AnyPage): Promise<string[]> {
	return referenceList((await pageMentions(page)).citations, page.data.sources.map((s) => s.id));
}

/** Each page with what it cites and mentions, read once for the whole build. */
let pagesWithMentionsCache: Promise<{ page: AnyPage; sources: string[]; entities: string[] }[]> | undefined;
function pagesWithMentions() {
	return (pagesWithMentionsCache ??= getAllPages().then((pages) =>
		Promise.all(pages.map(async (page) => ({ page, sources: await pageSourceIds(page), entities: (await pageMentions(page)).entities }))),
	));
}

/** source id → pages citing it. */
export async function citingPages(): Promise<Map<string, AnyPage[]>> {
	return new Map([...invert(await pagesWithMentions(), (p) => p.sources)].map(([id, list]) => [id, list.map((p) => p.page)]));
}

/** entity id → pages mentioning it. */
export async function mentioningPages(): Promise<Map<string, AnyPage[]>> {
	return new Map([...invert(await pagesWithMentions(), (p) => p.entities)].map(([id, list]) => [id, list.map((p) => p.page)]));
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

let updatesCache: Promise<Update[]> | undefined;
/** Events after the article, every page's recorded changes and answered questions, newest first (see lib/updates.ts). */
export function getUpdates(): Promise<Update[]> {
	return (updatesCache ??= (async () => {
		const [events, pages, questions] = await Promise.all([getEvents(), getAllPages(), getQuestions()]);
		return collectUpdates(
			events.map((e) => ({ ...e.data, id: e.id })),
			pages.map((p) => ({ id: p.id, title: p.data.title, changes: p.data.changes })),
			questions.map((q) => ({ id: q.id, question: q.data.question, page: q.data.page, state: q.data.state, answeredBy: q.data.answeredBy?.id })),
		);
	})());
}

export type Question = CollectionEntry<'questions'>;

let horizonCache: Promise<string> | undefined;
/**
 * The sources' horizon: the date (YYYY-MM-DD) the reading behind the atlas stops, written once in
 * src/content/data/atlas.yaml. That it is there and real is checked before the build.
 */
export function getHorizon(): Promise<string> {
	return (horizonCache ??= (async () => {
		const entry = await getEntry('atlas', 'horizon');
		if (!entry) throw new Error('src/content/data/atlas.yaml: entry "horizon" is missing');
		return entry.data.date;
	})());
}

let questionsCache: Promise<Question[]> | undefined;
/** The open questions (answered ones included), ordered by the date of their last known state, newest first. */
export function getQuestions(): Promise<Question[]> {
	return (questionsCache ??= getCollection('questions').then((list) =>
		list.sort((a, b) => b.data.lastKnown.date.localeCompare(a.data.lastKnown.date) || a.data.question.localeCompare(b.data.question, 'en')),
	));
}

/** An open question by id. */
export async function getQuestion(id: string): Promise<Question | undefined> {
	return (await getQuestions()).find((q) => q.id === id);
}
