/**
 * Ordering, previous/next and breadcrumbs: the rules of navigation, free of Astro so they can be unit-tested.
 */

/** The minimum a page needs to be placed in navigation. */
export interface NavPage {
	/** Collection id, e.g. "rocketry/nova". */
	id: string;
	title: string;
	order?: number | undefined;
}

/** Pages with an `order` come first by it; the rest follow by title. Ties break by title, then id. */
export function comparePages(a: NavPage, b: NavPage): number {
	const ao = a.order ?? Number.POSITIVE_INFINITY;
	const bo = b.order ?? Number.POSITIVE_INFINITY;
	if (ao !== bo) return ao < bo ? -1 : 1;
	return a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en');
}

const positions = new WeakMap<readonly NavPage[], Map<string, number>>();
/**
 * Where `id` sits in a sorted list, or -1. The lookup table is built once per list, so placing every
 * page of a theme of n pages costs O(n) in all rather than a scan per page, O(n²).
 */
export function positionOf(sorted: readonly NavPage[], id: string): number {
	let table = positions.get(sorted);
	if (!table) positions.set(sorted, (table = new Map(sorted.map((p, i) => [p.id, i]))));
	return table.get(id) ?? -1;
}

/** The neighbours of `id` within an already sorted list. */
export function prevNext<T extends NavPage>(sorted: readonly T[], id: string): { prev?: T | undefined; next?: T | undefined } {
	const i = positionOf(sorted, id);
	if (i === -1) return {};
	return { prev: sorted[i - 1], next: sorted[i + 1] };
}

/**
 * A bounded window of sidebar entries around the current page, so a page's size does not
 * grow with its theme: at most `size` entries, the current one included.
 */
export function sidebarWindow<T extends NavPage>(
	sorted: readonly T[],
	id: string,
	size = 15,
): { items: T[]; before: number; after: number } {
	if (sorted.length <= size) return { items: [...sorted], before: 0, after: 0 };
	const i = Math.max(0, positionOf(sorted, id));
	let start = Math.max(0, i - Math.floor(size / 2));
	start = Math.min(start, sorted.length - size);
	return { items: sorted.slice(start, start + size), before: start, after: sorted.length - start - size };
}

/** One step of a breadcrumb trail. */
export interface Crumb {
	label: string;
	/** Site path; absent for the current page. */
	path?: string;
}

/** Home › Theme › Page. */
export function breadcrumbs(theme: { id: string; title: string } | undefined, pageTitle: string, home = 'Home'): Crumb[] {
	const trail: Crumb[] = [{ label: home, path: '/' }];
	if (theme) trail.push({ label: theme.title, path: `/${theme.id}/` });
	trail.push({ label: pageTitle });
	return trail;
}

/** The theme of an article is its folder: "rocketry/nova" → "rocketry"; a file at the root has none. */
export function themeOfId(id: string): string | undefined {
	const slash = id.indexOf('/');
	return slash > 0 ? id.slice(0, slash) : undefined;
}

/** The slug of an article within its theme: "rocketry/nova" → "nova". */
export function slugOfId(id: string): string {
	return id.slice(id.indexOf('/') + 1);
}

/** How many pages a theme's listing shows per page; a longer theme continues on /<theme>/page/2/ and on. */
export const LISTING_PAGE_SIZE = 60;

/** The number of listing pages a theme of `total` articles needs (at least one). */
export function listingPageCount(total: number, size = LISTING_PAGE_SIZE): number {
	return Math.max(1, Math.ceil(total / size));
}

/** The listing page (1-based) that shows the article at `index` in the theme's order. */
export function listingPageOf(index: number, size = LISTING_PAGE_SIZE): number {
	return Math.floor(Math.max(0, index) / size) + 1;
}

/** The site path of a theme's listing page: /rocketry/ for the first, /rocketry/page/2/ after. */
export function listingPath(themeId: string, n: number): string {
	return n <= 1 ? `/${themeId}/` : `/${themeId}/page/${n}/`;
}

/**
 * The page numbers a listing's pager shows: the first, the last, and `radius` either side of the current
 * one, with `null` for a gap (a gap of a single number shows that number instead). At most
 * 2 × radius + 5 items, so a listing page does not grow with the theme.
 */
export function pagerItems(current: number, total: number, radius = 2): (number | null)[] {
	const near = Array.from({ length: 2 * radius + 1 }, (_, i) => current - radius + i);
	const shown = [...new Set([1, ...near, total])].filter((k) => k >= 1 && k <= total).sort((a, b) => a - b);
	const items: (number | null)[] = [];
	let last = 0;
	for (const k of shown) {
		if (k - last === 2) items.push(last + 1);
		else if (k - last > 2) items.push(null);
		items.push((last = k));
	}
	return items;
}
