/**
 * The writer's view of the content: each page compiled exactly as the build compiles it (Sätteri, with the
 * site's Markdown plugin, which checks citations and mentions and reports what it found), then the site's
 * reference rules and the writing rules (length, summary, citations, every source and entity used, how much
 * the pages repeat one another). `npm run check:content` prints it; the content tests assert it.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { atlasMarkdown } from '../../src/integrations/markdown-atlas.ts';
import { checkContent } from '../../src/integrations/content-check.ts';
import { readContent, type PageFile } from '../../src/lib/content-model.ts';
import type { PageMentions } from '../../src/lib/mentions.ts';
import { measure } from '../repetition.mjs';

/** The writing rules: a page's length in words, and how far pages may repeat one another. */
export const WORDS = { min: 600, max: 1500 } as const;
export const REPETITION = { maxShare: 0.02, maxPairPhrases: 25 } as const;
const DESCRIPTION_MAX = 160;

/** Words a reader reads, counted as the writers' guide counts them (tags are not words). */
export function countWords(body: string): number {
	return body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
}

export interface PageReport extends PageMentions {
	page: PageFile;
	words: number;
	/** Problems a writer should fix, as sentences. */
	problems: string[];
}

/**
 * Compiles MDX as the build does: Sätteri with the site's Markdown plugin. Returns the compiled code and the
 * frontmatter the plugin completed with what it found; throws the plugin's ContentError on a wrong id.
 */
export async function compileMdx(root: string, file: string, body: string, frontmatter: Record<string, unknown> = {}, base = '/') {
	const result = await mdxToJs(body, {
		hastPlugins: [atlasMarkdown({ root, base })],
		fileURL: pathToFileURL(join(root, file)),
		data: { astro: { frontmatter: { ...frontmatter }, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } },
	});
	return { code: result.code, frontmatter: (result.data.astro?.frontmatter ?? {}) as Record<string, unknown> & Partial<PageMentions> };
}

/** Compiles one page as the build does and checks it against the writing rules. */
export async function checkPage(root: string, page: PageFile): Promise<PageReport> {
	const problems: string[] = [];
	let found: PageMentions = { citations: [], entities: [] };
	try {
		const { frontmatter: fm } = await compileMdx(root, page.file, page.body, page.fields);
		found = { citations: fm.citations ?? [], entities: fm.entities ?? [] };
	} catch (error) {
		problems.push(String((error as Error).message ?? error).split('\n    at ')[0]!);
	}
	const words = countWords(page.body);
	const title = page.fields.title;
	const description = page.fields.description;
	if (typeof title !== 'string' || !title.trim()) problems.push('the title is missing');
	if (typeof description !== 'string' || !description.trim()) problems.push('the description is missing');
	else if (description.length > DESCRIPTION_MAX) problems.push(`the description is ${description.length} characters (at most ${DESCRIPTION_MAX})`);
	if (words < WORDS.min || words > WORDS.max) problems.push(`${words} words (write ${WORDS.min}–${WORDS.max})`);
	if (page.body.trim().startsWith('#')) problems.push('it opens with a heading; open with a two-sentence summary');
	if (!found.citations.length && !(Array.isArray(page.fields.sources) && page.fields.sources.length)) problems.push('it cites no source');
	return { page, ...found, words, problems };
}

export interface ContentReport {
	pages: PageReport[];
	/** Problems of the content as a whole: references, unused sources and entities, repetition. */
	site: string[];
	repetition: ReturnType<typeof measure>;
}

/** The whole report, for published pages. */
export async function contentReport(root: string): Promise<ContentReport> {
	const model = readContent(root);
	const published = model.pages.filter((p) => p.fields.draft !== true);
	const pages = await Promise.all(published.map((p) => checkPage(root, p)));
	const site = checkContent(root);
	const used = new Set([
		...pages.flatMap((p) => [...p.citations, ...(Array.isArray(p.page.fields.sources) ? p.page.fields.sources.map(String) : [])]),
		...model.entities.flatMap((e) => (Array.isArray(e.sources) ? e.sources.map(String) : [])),
		...model.events.flatMap((e) => (Array.isArray(e.sources) ? e.sources.map(String) : [])),
	]);
	const unused = model.sources.map((s) => s.id).filter((id) => !used.has(id));
	if (unused.length) site.push(`sources used nowhere (cite them or remove them): ${unused.join(', ')}`);
	const mentioned = new Set(pages.flatMap((p) => p.entities));
	const unmentioned = model.entities.map((e) => e.id).filter((id) => !mentioned.has(id));
	if (unmentioned.length) site.push(`people and organisations no page mentions with <Entity>: ${unmentioned.join(', ')}`);
	const repetition = measure(published.map((p) => ({ id: p.id, text: `---\n${p.frontmatter}\n---\n${p.body}` })));
	if (repetition.share > REPETITION.maxShare)
		site.push(`${(repetition.share * 100).toFixed(2)} % of 8-word phrases stand on more than one page (at most ${REPETITION.maxShare * 100} %): tell each fact on its home page, and link there`);
	for (const pair of repetition.pairs.filter((p) => p.common.length > REPETITION.maxPairPhrases))
		site.push(`${pair.a} and ${pair.b} share ${pair.common.length} 8-word phrases (at most ${REPETITION.maxPairPhrases}); see npm run repetition -- --show ${pair.a} ${pair.b}`);
	return { pages, site, repetition };
}
