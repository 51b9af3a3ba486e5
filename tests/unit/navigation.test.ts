import { describe, expect, it } from 'vitest';
import { breadcrumbs, comparePages, listingPageCount, listingPageOf, listingPath, LISTING_PAGE_SIZE, pagerItems, prevNext, sidebarWindow, slugOfId, themeOfId, type NavPage } from '../../src/lib/navigation.ts';

const sortPages = (pages: NavPage[]) => [...pages].sort(comparePages);

const page = (id: string, title: string, order?: number) => ({ id, title, order });

describe('comparePages', () => {
	it('puts ordered pages first by order, then the rest by title', () => {
		const sorted = sortPages([page('a/z', 'Zeta'), page('a/b', 'Beta', 2), page('a/a', 'Alpha'), page('a/c', 'Gamma', 1)]);
		expect(sorted.map((p) => p.title)).toEqual(['Gamma', 'Beta', 'Alpha', 'Zeta']);
	});
	it('breaks ties on equal order by title, then id', () => {
		expect(comparePages(page('x/2', 'Same', 1), page('x/1', 'Same', 1))).toBeGreaterThan(0);
		expect(comparePages(page('x/1', 'A', 1), page('x/2', 'B', 1))).toBeLessThan(0);
	});
});

describe('prevNext', () => {
	const list = [page('t/1', 'One'), page('t/2', 'Two'), page('t/3', 'Three')];
	it('gives both neighbours in the middle', () => {
		expect(prevNext(list, 't/2')).toEqual({ prev: list[0], next: list[2] });
	});
	it('has no previous for the first and no next for the last', () => {
		expect(prevNext(list, 't/1').prev).toBeUndefined();
		expect(prevNext(list, 't/3').next).toBeUndefined();
	});
	it('is empty for an unknown page', () => {
		expect(prevNext(list, 'nope')).toEqual({});
	});
});

describe('sidebarWindow', () => {
	const many = Array.from({ length: 100 }, (_, i) => page(`t/${i}`, `P${i}`, i));
	it('returns everything for small themes', () => {
		expect(sidebarWindow(many.slice(0, 5), 't/2').items).toHaveLength(5);
	});
	it('bounds the list to the window size, with the current page inside', () => {
		const w = sidebarWindow(many, 't/50', 15);
		expect(w.items).toHaveLength(15);
		expect(w.items.some((p) => p.id === 't/50')).toBe(true);
		expect(w.before + w.items.length + w.after).toBe(100);
	});
	it('clamps at both ends', () => {
		expect(sidebarWindow(many, 't/0', 15).before).toBe(0);
		expect(sidebarWindow(many, 't/99', 15).after).toBe(0);
	});
});

describe('breadcrumbs and ids', () => {
	it('builds Home › Theme › Page', () => {
		expect(breadcrumbs({ id: 'rocketry', title: 'Rocketry' }, 'Nova')).toEqual([
			{ label: 'Home', path: '/' },
			{ label: 'Rocketry', path: '/rocketry/' },
			{ label: 'Nova' },
		]);
	});
	it('omits the theme for standalone pages', () => {
		expect(breadcrumbs(undefined, 'The story')).toHaveLength(2);
	});
	it('reads the theme folder and slug from an id', () => {
		expect(themeOfId('rocketry/nova')).toBe('rocketry');
		expect(themeOfId('story')).toBeUndefined();
		expect(slugOfId('rocketry/nova')).toBe('nova');
	});
});

describe('theme listing pages', () => {
	it('needs one page for a short theme and more for a long one', () => {
		expect(listingPageCount(0)).toBe(1);
		expect(listingPageCount(7)).toBe(1);
		expect(listingPageCount(LISTING_PAGE_SIZE)).toBe(1);
		expect(listingPageCount(LISTING_PAGE_SIZE + 1)).toBe(2);
		expect(listingPageCount(1000, 60)).toBe(17);
	});
	it('finds the page that lists an article', () => {
		expect(listingPageOf(0, 60)).toBe(1);
		expect(listingPageOf(59, 60)).toBe(1);
		expect(listingPageOf(60, 60)).toBe(2);
		expect(listingPageOf(999, 60)).toBe(17);
	});
	it('puts the first page at the theme path and the rest under page/', () => {
		expect(listingPath('rocketry', 1)).toBe('/rocketry/');
		expect(listingPath('rocketry', 3)).toBe('/rocketry/page/3/');
	});
});

describe('the listing pager', () => {
	it('shows every number for a short listing', () => {
		expect(pagerItems(2, 3)).toEqual([1, 2, 3]);
		expect(pagerItems(1, 1)).toEqual([1]);
	});
	it('shows the ends and a window around the current page, with gaps between', () => {
		expect(pagerItems(9, 17)).toEqual([1, null, 7, 8, 9, 10, 11, null, 17]);
		expect(pagerItems(1, 17)).toEqual([1, 2, 3, null, 17]);
		expect(pagerItems(17, 17)).toEqual([1, null, 15, 16, 17]);
		// A gap of one number shows the number instead.
		expect(pagerItems(4, 17)).toEqual([1, 2, 3, 4, 5, 6, null, 17]);
		expect(pagerItems(5, 17)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 17]);
	});
	it('stays the same size however long the theme', () => {
		expect(pagerItems(500, 10_000)).toHaveLength(9);
	});
});
