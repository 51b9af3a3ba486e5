/**
 * What an MDX body cites and mentions, read from its source text. Used for numbering citations,
 * backlinks on entity pages and "cited by" on the sources page, without rendering any page.
 */

const CITE = /<Cite\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /<Entity\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Splits a Cite `id` attribute ("s1 s2" or "s1,s2") into ids. */
export function splitIds(value: string): string[] {
	return value.split(/[\s,]+/).filter(Boolean);
}

/** Source ids in order of first citation, without repeats. */
export function citedIds(body: string): string[] {
	const seen = new Set<string>();
	for (const m of body.matchAll(CITE)) for (const id of splitIds(m[1] ?? m[2] ?? '')) seen.add(id);
	return [...seen];
}

/** Entity ids mentioned with <Entity>, in order of first mention, without repeats. */
export function mentionedEntities(body: string): string[] {
	const seen = new Set<string>();
	for (const m of body.matchAll(ENTITY)) seen.add(m[1] ?? m[2] ?? '');
	seen.delete('');
	return [...seen];
}

/** The ordered reference list of a page: inline citations first, then frontmatter `sources` not cited inline. */
export function referenceList(body: string, extra: readonly string[] = []): string[] {
	const ids = citedIds(body);
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
