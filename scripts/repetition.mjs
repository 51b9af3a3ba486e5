// How much the pages repeat one another: the share of 8-word phrases that stand on more than one page.
//
//   npm run repetition                  the figure, and the page pairs that share the most phrases
//   npm run repetition -- --pairs 20    more pairs
//   npm run repetition -- --show a b    the shared phrases of two pages, e.g. rivalry/lawsuits story
//
// The text is what a reader reads: frontmatter, citations and markup are dropped, the words inside
// <Claim>, <Entity> and links are kept. A phrase is 8 consecutive words, lower-cased. The share is the
// number of (page, phrase) pairs whose phrase also stands on another page, over all (page, phrase) pairs.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const N = 8;
const root = new URL('..', import.meta.url).pathname;
const contentDir = join(root, 'src/content');

/** Every MDX page under src/content, by id: "rivalry/lawsuits" for an article, "story" for a standalone page. */
function pages() {
	const walk = (dir) =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
		);
	return walk(contentDir).map((file) => ({
		id: relative(contentDir, file).replace(/^(docs|pages)\//, '').replace(/\.mdx$/, ''),
		text: readFileSync(file, 'utf8'),
	}));
}

/** The words a reader reads on a page, lower-cased. */
export function readerWords(mdx) {
	return mdx
		.replace(/^---\n[\s\S]*?\n---\n/, '')
		.replace(/^(import|export)\s.*$/gm, '')
		.replace(/<Cite\b[^>]*\/>/g, ' ')
		.replace(/<[A-Za-z/][^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, ' ')
		.replace(/[*_`#>[\]|]/g, ' ')
		.toLowerCase()
		.split(/[^\p{L}\p{N}$%€£.,'’–-]+/u)
		.map((w) => w.replace(/^[.,'’–-]+|[.,'’–-]+$/g, ''))
		.filter(Boolean);
}

/** The distinct N-word phrases of a list of words. */
function phrases(words) {
	const set = new Set();
	for (let i = 0; i + N <= words.length; i++) set.add(words.slice(i, i + N).join(' '));
	return set;
}

export function measure(list) {
	const byPage = list.map((p) => ({ id: p.id, phrases: phrases(readerWords(p.text)) }));
	const where = new Map();
	for (const p of byPage) for (const ph of p.phrases) where.set(ph, (where.get(ph) ?? 0) + 1);
	let total = 0;
	let shared = 0;
	for (const p of byPage) {
		total += p.phrases.size;
		for (const ph of p.phrases) if (where.get(ph) > 1) shared++;
	}
	const pairs = [];
	for (let i = 0; i < byPage.length; i++) {
		for (let j = i + 1; j < byPage.length; j++) {
			const [a, b] = [byPage[i], byPage[j]];
			const common = [...a.phrases].filter((ph) => b.phrases.has(ph));
			if (common.length) pairs.push({ a: a.id, b: b.id, common });
		}
	}
	pairs.sort((x, y) => y.common.length - x.common.length);
	return { pages: byPage.length, total, shared, share: total ? shared / total : 0, pairs };
}

const args = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
	const result = measure(pages());
	const show = args.indexOf('--show');
	if (show >= 0) {
		const [a, b] = args.slice(show + 1, show + 3);
		const pair = result.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
		console.log(pair ? pair.common.join('\n') : `${a} and ${b} share no ${N}-word phrase.`);
	} else {
		const most = Number(args[args.indexOf('--pairs') + 1]) || 10;
		console.log(
			`${result.pages} pages, ${result.total} distinct ${N}-word phrases per page in all; ` +
				`${result.shared} stand on more than one page: ${(result.share * 100).toFixed(2)} %.`,
		);
		console.log(`Most shared by one pair of pages: ${result.pairs[0]?.common.length ?? 0}.`);
		for (const p of result.pairs.slice(0, most)) console.log(`${String(p.common.length).padStart(5)}  ${p.a} ~ ${p.b}`);
	}
}
