/**
 * "Did you mean": the closest terms from the site's own vocabulary for a query that found little.
 * Pure functions, shared by the build (which writes the vocabulary next to the search index) and the
 * browser (which loads it only after a miss); what only the build needs, making the vocabulary from the pages,
 * is in vocabulary-builder.ts, so the browser does not download it. Nothing here imports from the integrations.
 *
 * The vocabulary is a list of terms with a weight: names and titles (which may be several words, such as
 * "Stoke Space"), and single words (from titles, headings and the text, weighted by how often they occur).
 * A query is matched two ways: as a whole against every term (so "Andy Lapssa" or "elonmusk" finds the
 * name), and word by word (so a misspelt word inside a longer query is corrected and the rest kept). The
 * number of edits allowed grows with the length of the word, so short words are never "corrected" into
 * other short words.
 */

/** One term: how it is shown, and how much it counts (frequency; names and titles count more). */
export type VocabularyTerm = [display: string, weight: number];

export interface Vocabulary {
	version: 1;
	terms: VocabularyTerm[];
}

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeTerm(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The edits allowed for a word or phrase of this many characters: none up to 3, then 1, 2 from 6, 3 from 10. */
export function maxEdits(length: number): number {
	if (length <= 3) return 0;
	if (length <= 5) return 1;
	if (length <= 9) return 2;
	return 3;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `max + 1` as soon as it is
 * certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = cur[0];
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
			cur[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n]!;
}

interface Entry { key: string; display: string; weight: number; words: number }

/** A vocabulary prepared for matching: normalized keys, and single words by first letter for speed. */
export interface Matcher {
	entries: Entry[];
	words: Map<string, Entry>;
}

export function prepare(vocabulary: Vocabulary): Matcher {
	const entries: Entry[] = [];
	const words = new Map<string, Entry>();
	const seen = new Map<string, Entry>();
	for (const [display, weight] of vocabulary.terms) {
		const key = normalizeTerm(display);
		if (!key) continue;
		const known = seen.get(key);
		if (known) {
			known.weight = Math.max(known.weight, weight);
			continue;
		}
		const entry = { key, display, weight, words: key.split(' ').length };
		seen.set(key, entry);
		entries.push(entry);
		if (entry.words === 1) words.set(key, entry);
	}
	return { entries, words };
}

export interface Suggestion {
	/** What to search for and show. */
	text: string;
	/** Edits from the query (lower is closer). */
	distance: number;
}

/** The closest single words to `word`, closest first, then the most frequent. */
function closestWords(word: string, m: Matcher, limit: number): { entry: Entry; d: number }[] {
	const max = maxEdits(word.length);
	if (max === 0) return [];
	const found: { entry: Entry; d: number }[] = [];
	for (const entry of m.words.values()) {
		if (Math.abs(entry.key.length - word.length) > max) continue;
		const d = editDistance(word, entry.key, max);
		if (d <= max && d > 0) found.push({ entry, d });
	}
	found.sort((x, y) => x.d - y.d || y.entry.weight - x.entry.weight);
	return found.slice(0, limit);
}

/**
 * Up to `limit` suggestions for `query`, closest first. Never the query itself. Empty when nothing in
 * the vocabulary is close enough.
 */
export function suggest(query: string, m: Matcher, limit = 3): Suggestion[] {
	const q = normalizeTerm(query);
	if (!q || q.length > 100) return [];
	const out = new Map<string, Suggestion & { weight: number }>();
	const add = (text: string, distance: number, weight: number) => {
		const key = normalizeTerm(text);
		if (!key || key === q) return;
		const known = out.get(key);
		if (!known || distance < known.distance || (distance === known.distance && weight > known.weight)) out.set(key, { text, distance, weight });
	};

	// The query as a whole, against every term (names of several words included).
	const max = maxEdits(q.replace(/ /g, '').length);
	for (const entry of m.entries) {
		if (Math.abs(entry.key.length - q.length) > max) continue;
		const d = editDistance(q, entry.key, max);
		if (d <= max) add(entry.display, d, entry.weight * (entry.words > 1 ? 2 : 1));
	}

	// Word by word: keep the words the site uses, correct the others.
	const words = q.split(' ');
	const options = words.map((w) => (m.words.has(w) || /^\p{N}+$/u.test(w) ? undefined : closestWords(w, m, limit)));
	if (options.some((o) => o?.length)) {
		const shown = (i: number) => m.words.get(words[i]!)?.display ?? words[i]!;
		const best = options.map((o, i) => (o?.length ? o[0]!.entry.display : shown(i)));
		const distance = options.reduce((sum, o) => sum + (o?.[0]?.d ?? 0), 0);
		const weight = Math.min(...options.map((o) => o?.[0]?.entry.weight ?? Infinity));
		add(best.join(' '), distance, weight);
		// Other readings of the first corrected word, the rest as in the best reading.
		const first = options.findIndex((o) => o?.length);
		for (const alt of options[first]!.slice(1)) {
			const text = best.map((b, i) => (i === first ? alt.entry.display : b)).join(' ');
			add(text, distance - options[first]![0]!.d + alt.d, alt.entry.weight);
		}
		// A name that the corrected words are part of ("Lapssa" → "Andy Lapsa"), for a one-word query.
		if (words.length === 1 && options[0]?.length) {
			const word = options[0][0]!.entry.key;
			for (const entry of m.entries) {
				if (entry.words > 1 && entry.words <= 4 && entry.key.split(' ').includes(word)) add(entry.display, options[0][0]!.d + 0.5, entry.weight);
			}
		}
	}

	return [...out.values()]
		.sort((a, b) => a.distance - b.distance || b.weight - a.weight)
		.slice(0, limit)
		.map(({ text, distance }) => ({ text, distance }));
}
