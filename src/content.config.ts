/**
 * The editor's contract: every collection and its schema.
 *
 * A wrong field fails the build with the file and the field named. References between collections
 * (`reference()` here, and ids in frontmatter and data) are checked before the build by the rules in
 * src/lib/content-rules.ts, since Astro's `reference()` alone does not fail on an unknown id.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CLAIM_STATUSES } from './lib/claims.ts';
import { TRANSLATED_DATA_FIELDS } from './lib/translation.ts';

/** Dates are written as YYYY-MM-DD, YYYY-MM or YYYY, so an uncertain day is never invented. */
const partialDate = z
	.string()
	.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** How sure a statement is, as the fact sheet marks it. */
const claimStatus = z.enum(CLAIM_STATUSES);

/** Search engines cut a title past about 70 characters; a longer one also fails the HTML check. */
const TITLE_LIMIT = 'must be at most 70 characters (search engines cut longer titles)';

/** Fields shared by theme articles and standalone pages. */
const pageFields = {
	/** The page title: the <h1>, the <title> and the search result heading. */
	title: z.string().min(1, 'must not be empty').max(70, TITLE_LIMIT),
	/** One sentence for search results, link previews and the theme listing. At most 160 characters. */
	description: z
		.string()
		.min(1, 'must not be empty')
		.max(160, 'must be at most 160 characters (search engines cut longer ones)'),
	/** Position within the theme; lower comes first. Pages without it follow, by title. */
	order: z.number().int().optional(),
	/** When the content last changed in substance (YYYY-MM-DD). Shown as "Last updated". */
	updated: z.coerce.date().optional(),
	/**
	 * What changed on the page in substance, one line each, for the foot of the page, /updates/ and the feed:
	 * `- { date: 2026-11-30, note: "Added the May 2026 verdict." }`. Dates must be real YYYY-MM-DD dates.
	 */
	changes: z
		.array(z.object({ date: z.coerce.date(), note: z.string().min(1, 'must not be empty').max(200, 'must be one line (at most 200 characters)') }).strict())
		.default([]),
	/** Sources the page draws on beyond its inline citations, by id from src/content/data/sources.yaml. */
	sources: z.array(reference('sources')).default([]),
	/** Pages to suggest at the end, by id: "rocketry/nova" for an article, "story" for a standalone page. */
	related: z.array(z.string().min(1)).default([]),
	/** A draft is previewed in `npm run dev` but never built for production. */
	draft: z.boolean().default(false),
};

/**
 * The pages' loader. The raw MDX is not kept in the content store (`retainBody: false`): the pages are
 * compiled modules, and what reads their text (the content rules, the drift check) reads the files
 * (src/lib/content-model.ts). At 10,000 pages the kept bodies made the store, which the build bundles whole
 * and every render step loads, 55 MB instead of a few.
 */
const mdxPages = (pattern: string, base: string) => glob({ pattern, base, retainBody: false });

/** Articles: src/content/docs/<theme>/<slug>.mdx. The folder is the theme. */
const docs = defineCollection({
	loader: mdxPages('**/*.mdx', './src/content/docs'),
	schema: z.object(pageFields),
});

/** Standalone pages outside the themes, such as the story overview at /story/. */
const pages = defineCollection({
	loader: mdxPages('*.mdx', './src/content/pages'),
	schema: z.object(pageFields),
});

/** A colour as #rrggbb. */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');

/** The themes. Their ids are the folder names under src/content/docs/. */
const themes = defineCollection({
	loader: file('src/content/data/themes.yaml'),
	schema: z.object({
		/** The theme's name, as shown in navigation and headings. */
		title: z.string().min(1),
		/** One line shown on the home page card and the theme landing page. */
		summary: z.string().min(1).max(200),
		/** Position in navigation; lower comes first. */
		order: z.number().int(),
		/** The theme's colour in charts and on the timeline, for the light and the dark scheme. */
		color: z.object({ light: hexColor, dark: hexColor }),
	}),
});

/** The bibliography. Ids follow the fact sheet (S7 → s7). */
const sources = defineCollection({
	loader: file('src/content/data/sources.yaml'),
	schema: z.object({
		/** Who published it, e.g. "Space.com" or "Ars Technica via pipedot". */
		publisher: z.string().min(1),
		/** The title as shown in the stored copy; say so when it was not shown. */
		title: z.string().min(1),
		/** The address that was read. */
		url: z.url(),
		/** Publication date, as precise as known. */
		date: partialDate.optional(),
		/** What kind of copy was read: the publisher's own page, a mirror or republication, or a secondary summary. */
		status: z.enum(['original', 'mirror', 'summary']),
		/** Further addresses for the same source. */
		also: z.array(z.object({ label: z.string().min(1), url: z.url() })).default([]),
		/** How the source is grouped on /sources/: a theme id, or "story" or "energy" (see OTHER_SOURCE_GROUPS in src/consts.ts). */
		group: z.string().min(1),
	}),
});

/** People, companies and agencies. Each gets a page at /people/<id>/. */
const entities = defineCollection({
	loader: file('src/content/data/entities.yaml'),
	schema: z.object({
		/** Display name. */
		name: z.string().min(1),
		/** Other names a reader may search for (a ticker, an initialism); "Did you mean" offers them too. */
		aliases: z.array(z.string().min(1)).default([]),
		/** What it is. */
		kind: z.enum(['person', 'company', 'agency', 'organisation']),
		/** A short, neutral description drawn from the fact sheet. */
		description: z.string().min(1),
		/** Sources for the description. */
		sources: z.array(reference('sources')).min(1, 'must cite at least one source'),
	}),
});

/** Dated events for /timeline/. */
const events = defineCollection({
	loader: file('src/content/data/events.yaml'),
	schema: z.object({
		/** When it happened: YYYY, YYYY-MM or YYYY-MM-DD. Used for sorting. */
		date: partialDate,
		/** How to show the date when it is vague or disputed, e.g. "summer 2025" or "late 2019 or 2020". */
		dateLabel: z.string().optional(),
		/** What happened, in one sentence. */
		title: z.string().min(1),
		/** How sure it is. */
		status: claimStatus,
		/** Themes it belongs to. */
		themes: z.array(reference('themes')).min(1, 'must name at least one theme'),
		/** Sources that support it. */
		sources: z.array(reference('sources')).min(1, 'must cite at least one source'),
		/** Pages that discuss it, by id such as "rocketry/nova" (or "story" for the overview). */
		pages: z.array(z.string()).default([]),
		/** True for events after the FOX Business article (early December 2025). */
		afterArticle: z.boolean().default(false),
	}),
});

/** A real calendar date written YYYY-MM-DD (the content rules also reject 2026-02-30). */
const dayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/**
 * Facts about the atlas as a whole, written once: src/content/data/atlas.yaml. Its one entry, `horizon`,
 * is the date the reading behind the atlas stops ("Sources read to 5 July 2026"), shown on every page that
 * needs it and never written into prose.
 */
const atlas = defineCollection({
	loader: file('src/content/data/atlas.yaml'),
	schema: z.object({
		/** The date the newest material read for the fact sheet reaches, YYYY-MM-DD. */
		date: dayDate,
	}),
});

/**
 * What the story is waiting for: src/content/data/questions.yaml. Each open question is told once, by
 * `<OpenQuestion id="…" />` on its page and on /open-questions/; answering one (state `answered` with the
 * event that answered it) puts a dated line on /updates/ and in the feed.
 */
const questions = defineCollection({
	loader: file('src/content/data/questions.yaml'),
	schema: z
		.object({
			/** The question, as a reader would ask it, ending in "?". */
			question: z.string().min(1).regex(/\?$/, 'must end with a question mark'),
			/** The page that owns the subject, by id ("rocketry/nova", "story"). */
			page: z.string().min(1),
			/** Themes it belongs to, for /open-questions/. */
			themes: z.array(reference('themes')).min(1, 'must name at least one theme'),
			/** `open` while the sources do not answer it; `answered` once an event in events.yaml does. */
			state: z.enum(['open', 'answered']),
			/** For an answered question: the id of the event in events.yaml that answered it. */
			answeredBy: reference('events').optional(),
			/** The last known state: one or two sentences, when it was so, how sure, and the sources. */
			lastKnown: z
				.object({
					/** When the last known state was reported: YYYY, YYYY-MM or YYYY-MM-DD. */
					date: partialDate,
					text: z.string().min(1).max(500, 'must be one or two sentences (at most 500 characters)'),
					status: claimStatus,
					sources: z.array(reference('sources')).min(1, 'must cite at least one source'),
				})
				.strict(),
			/** Earlier expectations this state replaced, oldest first, so the history stays visible. */
			superseded: z
				.array(
					z
						.object({
							/** What was expected, as the source put it: "October 2026", "early 2026". */
							expected: z.string().min(1),
							/** When that expectation was reported: YYYY, YYYY-MM or YYYY-MM-DD. */
							date: partialDate,
							sources: z.array(reference('sources')).min(1, 'must cite at least one source'),
						})
						.strict(),
				)
				.default([]),
		}),
});

/** The languages: src/content/data/languages.yaml. The first is the source language, served at the root. */
const languages = defineCollection({
	loader: file('src/content/data/languages.yaml'),
	schema: z.object({
		/** The language's name in that language, as the switcher shows it: "Español". */
		name: z.string().min(1),
		/** Its BCP 47 tag, for <html lang>, hreflang and Intl: "es", "zh-CN". */
		lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "es" or "zh-CN"'),
		/** Writing direction. */
		dir: z.enum(['ltr', 'rtl']),
	}),
});

/** Each language's interface strings: src/content/strings/<language id>.yaml, a flat map from key to text. */
const strings = defineCollection({
	loader: glob({ pattern: '*.yaml', base: './src/content/strings' }),
	schema: z.record(z.string(), z.string()),
});

/**
 * Translated pages: src/content/translations/<language id>/<page id>.mdx. The body keeps the English page's
 * facts (src/lib/translation.ts checks them); everything but the title and description is the English page's.
 */
const translations = defineCollection({
	loader: mdxPages('**/*.mdx', './src/content/translations'),
	schema: z.object({
		title: z.string().min(1, 'must not be empty').max(70, TITLE_LIMIT),
		description: z.string().min(1, 'must not be empty').max(160, 'must be at most 160 characters (search engines cut longer ones)'),
		/** The version of the English page translated, as `npm run translations` shows it. */
		translates: z.string().min(1, 'must be the English page\'s version (npm run translations -- version <page id>)'),
	}),
});

const texts = (fields: readonly string[]) => z.record(z.string(), z.object(Object.fromEntries(fields.map((f) => [f, z.string().min(1).optional()]))).strict());
/** Each language's data texts: src/content/translations/<language id>/data.yaml (see docs/translating.md). */
const dataTranslations = defineCollection({
	loader: glob({ pattern: '*/data.yaml', base: './src/content/translations' }),
	schema: z
		.object({
			themes: texts(TRANSLATED_DATA_FIELDS.themes).default({}),
			entities: texts(TRANSLATED_DATA_FIELDS.entities).default({}),
			events: texts(TRANSLATED_DATA_FIELDS.events).default({}),
			questions: texts(TRANSLATED_DATA_FIELDS.questions).default({}),
		})
		.strict(),
});

export const collections = { docs, pages, themes, sources, entities, events, atlas, questions, languages, strings, translations, dataTranslations };

/**
 * The schemas of the data collections, for the JSON files under /data/ and the JSON Schemas generated from
 * them (src/lib/open-data.ts): one definition for the build's checks and for what researchers download.
 */
export const dataSchemas: Record<'events' | 'entities' | 'sources' | 'questions' | 'themes', z.ZodObject> = {
	// Each is the z.object given to defineCollection above, whose config type leaves the schema optional.
	events: events.schema as z.ZodObject,
	entities: entities.schema as z.ZodObject,
	sources: sources.schema as z.ZodObject,
	questions: questions.schema as z.ZodObject,
	themes: themes.schema as z.ZodObject,
};
