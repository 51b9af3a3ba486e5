/**
 * Strings kept for long, apart from the text they were cut from. In V8 a substring of 13 characters or more
 * (a regular expression's match, a slice) can point into its parent instead of copying it, and so keep the
 * whole parent alive: a page's HTML, kept for the sake of one word or link. A table made here keeps one copy
 * of its own of each distinct string it is given, and returns it; equal strings share that copy. Pure, and
 * safe in the browser.
 */
export function stringTable(): (text: string) => string {
	const kept = new Map<string, string>();
	return (text) => {
		let own = kept.get(text);
		if (own === undefined) kept.set((own = ownCopy(text)), own);
		return own;
	};
}

/** A copy of `text` of its own, never a view into it (JSON.parse makes a new string from the characters). */
export const ownCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
