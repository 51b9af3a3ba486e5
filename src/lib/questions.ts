/**
 * Open questions: what the story is waiting for (src/content/data/questions.yaml). The Markdown plugin
 * numbers a question's sources with the page's citations and the <OpenQuestion> box shows them; both take
 * the order from here, so the numbers match the references list.
 */

/** The ids of an entry's `sources`, written "s7" in the YAML or { id: "s7" } as Astro gives them. */
const idsOf = (x: unknown): string[] => {
	const list = (x as { sources?: unknown } | null | undefined)?.sources;
	return Array.isArray(list) ? list.map((s) => (typeof s === 'object' && s && 'id' in s ? String((s as { id: unknown }).id) : String(s))) : [];
};

/**
 * The sources an open question's box cites, in the order it shows them: the last known state, then earlier
 * expectations. Takes an entry as written in the YAML (sources as "s7") or as Astro gives it ({ id: "s7" }).
 */
export function questionSources(question: object): string[] {
	const { lastKnown, superseded } = question as { lastKnown?: unknown; superseded?: unknown };
	return [...new Set([...idsOf(lastKnown), ...(Array.isArray(superseded) ? superseded : []).flatMap(idsOf)])];
}

/** Pairs each id with its number from the `n` attribute the Markdown plugin wrote ("3 4"): id → "3". */
export function citationNumbers(ids: readonly string[], n: string | undefined): Map<string, string> {
	const numbers = (n ?? '').split(' ');
	return new Map(ids.map((id, i) => [id, numbers[i] || '?']));
}
