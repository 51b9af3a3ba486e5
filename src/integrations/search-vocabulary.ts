/**
 * The vocabulary for "Did you mean", written next to the search index (at build time by pagefind.ts,
 * in memory for `astro dev` by pagefind-dev.ts): entity names from the data, page titles, headings and
 * the frequent words of the indexed text. The browser loads it only after a query finds little.
 */
import type { Vocabulary } from '../lib/did-you-mean.ts';
import { pageText, VocabularyBuilder } from '../lib/vocabulary-builder.ts';
import { readData } from '../lib/content-model.ts';

/** Its name inside the Pagefind bundle folder (`<base>pagefind/`). */
export const VOCABULARY_FILE = 'vocabulary.json';

/** A vocabulary builder that knows the project's entities (names and any `aliases`), ready for the pages. */
export function vocabularyBuilder(root: string): VocabularyBuilder {
	const b = new VocabularyBuilder();
	for (const e of readData(root, 'entities'))
		for (const n of [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])]) if (typeof n === 'string' && n) b.addName(n, 100, true);
	return b;
}

/** Adds an indexed page's title, headings and text (a page without `data-pagefind-body` adds nothing). */
export function addPageToVocabulary(b: VocabularyBuilder, html: string): void {
	if (!html.includes('data-pagefind-body')) return;
	const { title, headings, body } = pageText(html);
	if (title) b.addName(title, 20);
	for (const h of headings) b.addName(h, 5);
	b.addText(body);
}

/** Builds the vocabulary from the pages' HTML and the project's entities. */
export function buildVocabulary(pages: Iterable<string>, root: string): Vocabulary {
	const b = vocabularyBuilder(root);
	for (const html of pages) addPageToVocabulary(b, html);
	return b.build();
}
