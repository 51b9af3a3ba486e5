/**
 * Social cards: which picture a page shares (`og:image`). A card per page would cost more than the whole
 * build's time budget on a large site (docs/performance.md), so cards are drawn per section instead: the home page, each theme (its listing and every article in it), the
 * story, and the reference pages. Pure functions, so they are unit-tested.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What one card shows under the site name. */
export interface CardSpec {
	/** File name without extension: /og/<key>.png. */
	key: string;
	/** A small label above the title ("Theme", "The story"); empty for the home page. */
	eyebrow: string;
	title: string;
	/** A line or two below the title. */
	subtitle: string;
}

/**
 * The site path of a card's file (before the base is added): /og/<key>.png in the source language,
 * /og/<language>/<key>.png in another (`language` is its id, undefined for the source language).
 */
export function cardPath(key: string, language?: string): string {
	return language ? `/og/${language}/${key}.png` : `/og/${key}.png`;
}

/**
 * Reference pages with a card of their own, by first path segment: the strings keys of their title and
 * subtitle (src/content/strings/<language>.yaml); the story's subtitle is its page's description.
 */
export const SECTION_CARDS: Record<string, { title: string; subtitle?: string }> = {
	story: { title: 'notfound.story' },
	timeline: { title: 'ref.timeline', subtitle: 'card.timeline' },
	people: { title: 'ref.people', subtitle: 'card.people' },
	sources: { title: 'ref.sources', subtitle: 'card.sources' },
	search: { title: 'search.title', subtitle: 'card.search' },
};

/**
 * The card a page shares, from its site path (without the base): a theme's pages share the theme's card,
 * reference pages their section's, and anything else (home, 404, pages added later) the home card.
 */
export function cardKeyFor(path: string, themeIds: readonly string[]): string {
	const first = path.split('/').find((s) => s !== '') ?? '';
	if (themeIds.includes(first)) return `theme-${first}`;
	if (first in SECTION_CARDS) return first;
	return 'home';
}
