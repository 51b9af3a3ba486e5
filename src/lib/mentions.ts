/**
 * What a page cites and mentions. The Markdown plugin (src/integrations/markdown-atlas.ts) is the only
 * reader of <Cite> and <Entity> in the text: it records what it found in the page's frontmatter, and
 * the references list, backlinks on entity pages and "cited by" on the sources page are built from that.
 */

/** What the Markdown plugin found in a page, in order of first appearance. */
export interface PageMentions {
	/** Source ids cited inline. */
	citations: string[];
	/** Entity ids mentioned with <Entity>. */
	entities: string[];
}

/** Splits a Cite `id` attribute ("s1 s2" or "s1,s2") into ids. */
export function splitIds(value: string): string[] {
	return value.split(/[\s,]+/).filter(Boolean);
}

/** The ordered reference list of a page: inline citations first, then frontmatter `sources` not cited inline. */
export function referenceList(cited: readonly string[], extra: readonly string[] = []): string[] {
	const ids = [...cited];
	for (const id of extra) if (!ids.includes(id)) ids.push(id);
	return ids;
}

/** Inverts page → ids into id → pages, keeping the pages' order. */
export function invert<P>(pages: readonly P[], idsOf: (page: P) => readonly string[]): Map<string, P[]> {
	const map = new Map<string, P[]>();
	for (const page of pages) {
		for (const id of new Set(idsOf(page))) {
			const list = map.get(id);
			if (list) list.push(page);
			else map.set(id, [page]);
		}
	}
	return map;
}

/** The id of the popover that shows source `id` where a page cites it (see Cite.astro and References.astro). */
export const sourcePopoverId = (id: string) => `source-${id}`;
