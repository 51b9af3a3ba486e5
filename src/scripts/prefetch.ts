/**
 * The next page before the reader asks for it, with Astro's own prefetch (`astro:prefetch`, a
 * `<link rel="prefetch">` the browser keeps in its cache): the pager's previous and next pages once the pager
 * is on screen, and any page of the site whose link the pointer rests on, the keyboard focuses or a finger
 * touches. Never more than a few pages a page view, and none at all when the reader has asked to save data or
 * is on a 2G connection (Astro's `prefetch()` checks that itself; the check here also stops the count). The
 * search bundle is not touched: a page's HTML is all that is fetched ahead.
 */
import { prefetch } from 'astro:prefetch';

/** The most pages fetched ahead in one page view. */
const MOST = 4;
/** How long the pointer must rest on a link before its page is fetched, so a pointer passing over fetches nothing. */
const REST_MS = 80;

const fetched = new Set<string>();
const saving = () => {
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
	return !!connection && (!!connection.saveData || /2g/.test(connection.effectiveType ?? ''));
};

/** Fetches the page a link leads to, if it is another page of this site and the budget allows. */
function ahead(link: HTMLAnchorElement | null) {
	if (!link || fetched.size >= MOST || saving() || link.target || link.hasAttribute('download')) return;
	const url = new URL(link.href, location.href);
	// Pages only: a directory path, on this site, not this page.
	if (url.origin !== location.origin || !url.pathname.endsWith('/') || url.pathname === location.pathname || fetched.has(url.pathname)) return;
	fetched.add(url.pathname);
	prefetch(url.href);
}

const linkOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null);
let resting: ReturnType<typeof setTimeout> | undefined;
document.addEventListener('pointerover', (e) => {
	if (e.pointerType !== 'mouse') return;
	clearTimeout(resting);
	const link = linkOf(e.target);
	if (link) resting = setTimeout(() => ahead(link), REST_MS);
});
document.addEventListener('pointerout', () => clearTimeout(resting));
document.addEventListener('focusin', (e) => ahead(linkOf(e.target)));
document.addEventListener('touchstart', (e) => ahead(linkOf(e.target)), { passive: true });

// The pager: the reader who reaches it is likely to go on.
const pager = document.querySelector('.prev-next');
if (pager && 'IntersectionObserver' in window) {
	const seen = new IntersectionObserver((entries) => {
		if (!entries.some((e) => e.isIntersecting)) return;
		seen.disconnect();
		for (const link of pager.querySelectorAll<HTMLAnchorElement>('a[href]')) ahead(link);
	});
	seen.observe(pager);
}
