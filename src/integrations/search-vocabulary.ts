/**
 * The vocabulary for "Did you mean", written next to the search index (at build time by pagefind.ts,
 * in memory for `astro dev` by pagefind-dev.ts): entity names from the data, page titles, headings and
 * the frequent words of the indexed text. The browser loads it only after a query finds little.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { pageText, VocabularyBuilder, type Vocabulary } from '../lib/did-you-mean.ts';

/** Its name inside the Pagefind bundle folder (`<base>pagefind/`). */
export const VOCABULARY_FILE = 'vocabulary.json';

/** Builds the vocabulary from the pages' HTML and the entities file (names and any `aliases`). */
export function buildVocabulary(pages: Iterable<string>, entitiesFile = 'src/content/data/entities.yaml'): Vocabulary {
	const b = new VocabularyBuilder();
	try {
		const entities = load(readFileSync(entitiesFile, 'utf8')) as { name?: string; aliases?: string[] }[] | undefined;
		for (const e of entities ?? []) for (const n of [e.name, ...(e.aliases ?? [])]) if (n) b.addName(n, 100, true);
	} catch {
		// No entities file (a trimmed copy of the project): the pages alone give the vocabulary.
	}
	for (const html of pages) {
		if (!html.includes('data-pagefind-body')) continue;
		const { title, headings, body } = pageText(html);
		if (title) b.addName(title, 20);
		for (const h of headings) b.addName(h, 5);
		b.addText(body);
	}
	return b.build();
}
