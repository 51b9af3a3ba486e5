/**
 * The site's fixed words and links, in one place: its name, its one-line description, the reference pages
 * every page links to, and the source groups that are not themes. Themes themselves are data
 * (src/content/data/themes.yaml), and so are standalone pages (src/content/pages/).
 */

/** The site's name: the header, <title>, the feed and citations use it. */
export const SITE_NAME = 'Orbital Compute Atlas';
/** When this build ran: the date of access a citation gives in the HTML (the script puts today's in its place). */
export const BUILD_DATE = new Date();

/**
 * Paths that are the same in every language, served once at the root: files and pages not mirrored under
 * /es/ and the others (the data downloads, the offline page, icons, cards, the sitemap, the styles).
 */
export const SHARED_PATHS = ['/data/', '/offline/', '/favicon.svg', '/og/', '/sitemap-index.xml', '/themes.css', '/llms.txt', '/llms-full.txt', '/robots.txt', '/translations/'] as const;

/** Where the feed of updates is served, under the base path. */
export const FEED_PATH = '/rss.xml';

/** The search filter value (and ?theme= id) of the people and organisations pages, beside the themes' ids. */
export const PEOPLE_FILTER = 'people';

/** The reference pages, in the order navigation lists them after the standalone pages; labels are strings keys. */
export const REFERENCE_LINKS = [
	{ path: '/timeline/', key: 'ref.timeline' },
	{ path: '/open-questions/', key: 'ref.openQuestions' },
	{ path: '/updates/', key: 'ref.updates' },
	{ path: '/people/', key: 'ref.people' },
	{ path: '/sources/', key: 'ref.sources' },
	{ path: '/data/', key: 'ref.data' },
] as const;

/**
 * Groups on /sources/ besides one per theme (whose title it takes): `first` ones come before the themes.
 * A source's `group` is a theme id or one of these ids.
 */
export const OTHER_SOURCE_GROUPS = [
	{ id: 'story', key: 'sources.group.story', first: true },
	{ id: 'energy', key: 'sources.group.energy', first: false },
] as const;
