/**
 * The site in each of its languages. Languages are data (src/content/data/languages.yaml, the source
 * language first and served at the root); each has its interface strings (src/content/strings/<id>.yaml),
 * and its URLs are the source language's with its id in front: /rocketry/nova/ → /es/rocketry/nova/.
 *
 * A page or component asks `localeOf(Astro.url)` for its locale: the language, `t()` for its strings,
 * `href()` for a link in the same language, and `Intl` formatting of dates and numbers for it.
 */
import { getCollection } from 'astro:content';
import { joinBase, localizedPath, slashed } from './url.ts';
import { ContentError } from './errors.ts';
import { readData, STRINGS_FOLDER } from './content-model.ts';
import { formatPartialDate } from './dates.ts';

export interface Language {
	/** The URL prefix and file name: "es", "zh-cn". */
	id: string;
	/** Its own name: "Español". */
	name: string;
	/** BCP 47 tag: "es", "zh-CN". */
	lang: string;
	dir: 'ltr' | 'rtl';
	/** True for the source language, served at the root. */
	source: boolean;
}

let languagesCache: Promise<Language[]> | undefined;
/** The languages in the order of languages.yaml (a collection does not keep it), the source language first. */
export function getLanguages(): Promise<Language[]> {
	return (languagesCache ??= getCollection('languages').then((list) => {
		const order = readData(process.cwd(), 'languages').map((l) => l.id);
		return list
			.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
			.map((l, i) => ({ id: l.id, ...l.data, source: i === 0 }));
	}));
}

let stringsCache: Promise<Map<string, Record<string, string>>> | undefined;
function allStrings() {
	return (stringsCache ??= getCollection('strings').then((list) => new Map(list.map((s) => [s.id, s.data]))));
}

/**
 * A site path split into its language and the path in the source language: "/es/rocketry/nova/" →
 * { language: es, path: "/rocketry/nova/" }. The base must already be removed.
 */
export function splitLanguage(path: string, languages: readonly Language[]): { language: Language; path: string } {
	const first = /^\/([^/]+)(\/.*)?$/.exec(path);
	const match = first ? languages.find((l) => !l.source && l.id === first[1]) : undefined;
	if (match) return { language: match, path: first![2] || '/' };
	return { language: languages[0]!, path };
}

export interface Locale extends Language {
	/** Every language, for the switcher and alternates. */
	languages: Language[];
	/** The page's path in the source language, without base or language: "/rocketry/nova/". */
	path: string;
	/** The interface string for a key, with `{name}` placeholders filled in. */
	t: (key: string, values?: Record<string, string | number>) => string;
	/** A site path in this language, under the base: "/sources/" → "/sub/es/sources/". */
	href: (path: string) => string;
	/** A site path in another language, under the base. */
	hrefIn: (path: string, language: Language) => string;
	/** A YYYY, YYYY-MM or YYYY-MM-DD date, or a Date, in this language. */
	date: (value: string | Date) => string;
	/** A number in this language: 22800 → "22.800" in Spanish. */
	number: (value: number) => string;
	/** Sorts text the way this language does. */
	compare: (a: string, b: string) => number;
}

const localeCache = new Map<string, Promise<Locale>>();
/** The locales of the pages being rendered, by path: every component of a page asks for the same one. */
const pageLocales = new Map<string, Promise<Locale>>();

/** The locale of a page, from its URL: the language its path starts with, or the source language. */
export function localeOf(url: URL): Promise<Locale> {
	let found = pageLocales.get(url.pathname);
	if (found) return found;
	const base = slashed(import.meta.env.BASE_URL);
	const inSite = url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : url.pathname;
	found = (async () => {
		const languages = await getLanguages();
		const { language, path } = splitLanguage(inSite, languages);
		let locale = localeCache.get(language.id);
		if (!locale) {
			locale = makeLocale(language, languages);
			localeCache.set(language.id, locale);
		}
		return { ...(await locale), path };
	})();
	// Kept for the pages being rendered now (a few at a time), not for the whole site.
	if (pageLocales.size >= 64) pageLocales.delete(pageLocales.keys().next().value!);
	pageLocales.set(url.pathname, found);
	return found;
}

/** The locale of a language by id (for routes that know it from their params). */
export async function localeById(id: string | undefined): Promise<Locale> {
	const languages = await getLanguages();
	const language = languages.find((l) => l.id === id) ?? languages[0]!;
	return { ...(await makeLocale(language, languages)), path: '/' };
}

async function makeLocale(language: Language, languages: Language[]): Promise<Locale> {
	const strings = (await allStrings()).get(language.id) ?? {};
	const numbers = new Intl.NumberFormat(language.lang);
	const collator = new Intl.Collator(language.lang, { numeric: true });
	const hrefIn = (path: string, other: Language) => joinBase(import.meta.env.BASE_URL, localizedPath(path, other));
	return {
		...language,
		languages,
		path: '/',
		t: (key, values) => {
			const text = strings[key];
			if (text === undefined)
				throw new ContentError(`${STRINGS_FOLDER}/${language.id}.yaml`, `missing string "${key}" for language "${language.id}".`, `add "${key}" to the file, translated from ${STRINGS_FOLDER}/${languages[0]!.id}.yaml.`);
			return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
		},
		href: (path) => hrefIn(path, language),
		hrefIn,
		date: (value) => formatPartialDate(typeof value === 'string' ? value : value.toISOString().slice(0, 10), language.lang),
		number: (value) => numbers.format(value),
		compare: (a, b) => collator.compare(a, b),
	};
}

/** The `lang` route parameter of each language: undefined for the source language (the root), else its id. */
export async function languageParams(): Promise<{ lang: string | undefined }[]> {
	return (await getLanguages()).map((l) => ({ lang: l.source ? undefined : l.id }));
}

/** The static paths of a route that varies by language only: one page in each language. */
export async function languagePaths(): Promise<{ params: { lang: string | undefined } }[]> {
	return (await languageParams()).map((params) => ({ params }));
}
