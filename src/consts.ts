/** The site's name and one-line description: the header, <title>, social cards, the feed and citations use these. */
export const SITE_NAME = 'Orbital Compute Atlas';
export const SITE_DESCRIPTION =
	"A cited guide to OpenAI's reported talks with Stoke Space, space data centres for AI, the rockets they need and the Altman–Musk rivalry.";
/** Where the feed of updates is served, under the base path. */
export const FEED_PATH = '/rss.xml';
