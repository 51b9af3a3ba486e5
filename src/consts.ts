/**
 * The site's fixed words and links, in one place: its name, its one-line description, the reference pages
 * every page links to, and the source groups that are not themes. Themes themselves are data
 * (src/content/data/themes.yaml), and so are standalone pages (src/content/pages/).
 */

/** The site's name: the header, <title>, the feed and citations use it. */
export const SITE_NAME = 'Orbital Compute Atlas';
/** The short line social cards carry under the site's name. */
export const SITE_TAGLINE = 'A cited guide to OpenAI’s rocket talks, space data centres and the Altman–Musk rivalry';
/** When this build ran: the date of access a citation gives in the HTML (the script puts today's in its place). */
export const BUILD_DATE = new Date();
export const SITE_DESCRIPTION =
	"A cited guide to OpenAI's reported talks with Stoke Space, space data centres for AI, the rockets they need and the Altman–Musk rivalry.";

/** Where the feed of updates is served, under the base path. */
export const FEED_PATH = '/rss.xml';

/** The name of the people-and-organisations section, as navigation, breadcrumbs and search show it. */
export const PEOPLE_TITLE = 'People and organisations';

/** The search filter value (and ?theme= id) of the people and organisations pages, beside the themes' ids. */
export const PEOPLE_FILTER = 'people';

/** The reference pages, in the order navigation lists them after the standalone pages. */
export const REFERENCE_LINKS = [
	{ path: '/timeline/', label: 'Timeline' },
	{ path: '/open-questions/', label: 'Open questions' },
	{ path: '/updates/', label: 'Updates' },
	{ path: '/people/', label: PEOPLE_TITLE },
	{ path: '/sources/', label: 'Sources' },
	{ path: '/data/', label: 'Data' },
] as const;

/**
 * Groups on /sources/ besides one per theme (whose title it takes): `first` ones come before the themes.
 * A source's `group` is a theme id or one of these ids.
 */
export const OTHER_SOURCE_GROUPS = [
	{ id: 'story', title: 'The story and its coverage', first: true },
	{ id: 'energy', title: 'Energy and power demand', first: false },
] as const;
