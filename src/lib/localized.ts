/**
 * Content in a reader's language: a page's translation (or its English text, marked, when there is none or
 * the translation is the source language), and the translated texts of the data lists, falling back to
 * English field by field. The facts themselves stay the English content's; translations only give words.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from './i18n.ts';
import type { AnyPage } from './site.ts';
import type { Update } from './updates.ts';

export type Translation = CollectionEntry<'translations'>;

let translationsCache: Promise<Map<string, Translation>> | undefined;
/** Translations by "<language>/<page id>". */
function translations(): Promise<Map<string, Translation>> {
	return (translationsCache ??= getCollection('translations').then((list) => new Map(list.map((t) => [t.id, t]))));
}

/** A page as a reader of a language gets it. */
export interface LocalizedPage {
	title: string;
	description: string;
	/** The translation, when the language has one for this page. */
	translation?: Translation;
	/** The language tag of the text: the locale's, or the source language's when shown untranslated. */
	lang: string;
}

/** A page's title and description in a language, with its translation when there is one. */
export async function localizePage(page: AnyPage, locale: Locale): Promise<LocalizedPage> {
	const translation = locale.source ? undefined : (await translations()).get(`${locale.id}/${page.id}`);
	if (translation) return { title: translation.data.title, description: translation.data.description, translation, lang: locale.lang };
	return { title: page.data.title, description: page.data.description, lang: locale.languages[0]!.lang };
}

/** The title of a page in a language. */
export async function localTitle(page: AnyPage, locale: Locale): Promise<string> {
	return (await localizePage(page, locale)).title;
}

/** Copies of pages whose title and description are in the locale's language, for lists and navigation. */
export async function localizePages<T extends AnyPage>(pages: readonly T[], locale: Locale): Promise<T[]> {
	if (locale.source) return [...pages];
	return Promise.all(pages.map(async (p) => {
		const l = await localizePage(p, locale);
		return { ...p, data: { ...p.data, title: l.title, description: l.description } };
	}));
}

let dataCache: Promise<Map<string, CollectionEntry<'dataTranslations'>['data']>> | undefined;
/** Each language's translated data texts. */
function dataTexts() {
	return (dataCache ??= getCollection('dataTranslations').then((list) => new Map(list.map((d) => [d.id.split('/')[0]!, d.data]))));
}

type DataList = 'themes' | 'entities' | 'events' | 'questions';

/** A data entry's text in the locale's language, or the English text when it is not translated. */
export async function dataText(locale: Locale, list: DataList, id: string, field: string, english: string): Promise<string> {
	if (locale.source) return english;
	const texts = (await dataTexts()).get(locale.id)?.[list] as Record<string, Record<string, string | undefined>> | undefined;
	return texts?.[id]?.[field] ?? english;
}

/** Copies of the themes with their title and summary in the locale's language. */
export async function localizeThemes<T extends CollectionEntry<'themes'>>(themes: readonly T[], locale: Locale): Promise<T[]> {
	return Promise.all(themes.map(async (t) => ({ ...t, data: { ...t.data, title: await dataText(locale, 'themes', t.id, 'title', t.data.title), summary: await dataText(locale, 'themes', t.id, 'summary', t.data.summary) } })));
}

/** The translated titles of pages by id, for navigation; a page without one is left out (its own title stands). */
export async function localTitles(ids: readonly string[], locale: Locale): Promise<Map<string, string>> {
	if (locale.source) return new Map();
	const all = await translations();
	return new Map(ids.flatMap((id) => {
		const t = all.get(`${locale.id}/${id}`);
		return t ? [[id, t.data.title] as const] : [];
	}));
}

/**
 * Updates in the locale's language: events' titles and dates, answered questions and pages' titles
 * translated; a page's change note stays in English (`textLang` says so), as change notes are not translated.
 */
export async function localizeUpdates(updates: readonly Update[], locale: Locale): Promise<(Update & { textLang?: string })[]> {
	if (locale.source) return [...updates];
	const events = await getCollection('events');
	const eventByTitle = new Map(events.map((e) => [e.data.title, e]));
	const pageIds = updates.map((u) => u.path.replace(/^\/|\/$/g, ''));
	const titles = await localTitles(pageIds, locale);
	return Promise.all(updates.map(async (u, i) => {
		const pageTitle = titles.get(pageIds[i]!) ?? u.pageTitle;
		if (u.kind === 'page') return { ...u, pageTitle, textLang: locale.languages[0]!.lang };
		const event = eventByTitle.get(u.text);
		const text = event ? await dataText(locale, 'events', event.id, 'title', u.text) : u.text;
		const dateLabel = event && u.dateLabel ? await dataText(locale, 'events', event.id, 'dateLabel', u.dateLabel) : u.dateLabel;
		const questionId = u.kind === 'answer' ? u.key.slice('answer:'.length) : undefined;
		const question = questionId && u.question ? await dataText(locale, 'questions', questionId, 'question', u.question) : u.question;
		return { ...u, text, dateLabel, question, pageTitle };
	}));
}
