/**
 * Arriving from a search result (?highlight=…): marks the query's terms with Pagefind's own highlighter,
 * loaded only then, and brings the target heading into view.
 */
import { HIGHLIGHT_PARAM } from '../lib/search-preload.ts';

const params = new URLSearchParams(location.search);
if (params.has(HIGHLIGHT_PARAM)) {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
		.then(({ default: PagefindHighlight }) => {
			// The site's own CSS styles <mark>; Pagefind's injected <style> would need 'unsafe-inline'.
			new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
			if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
		})
		.catch(() => {});
}
