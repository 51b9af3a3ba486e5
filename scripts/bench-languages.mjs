// npm run bench:languages [-- --network slow4g|fast --runs 5]
// The last build (dist/, from `npm run build`) in each of its languages, served as a static host would:
// what a reading page weighs (HTML, CSS and JS, gzip) and a cold search on an article of that language, from
// the key to the first result, with the network throttled as Lighthouse models Slow 4G by default. The queries
// are the most frequent words of each language's own "Did you mean" vocabulary, so each language is searched
// in its own words. Writes bench-results/languages-<network>.json and .md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/synthetic.mjs';
import { coldSearch, launch, NETWORKS, pageWeight, SITES, summary, fmt } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';
import { arg } from './lib/args.mjs';
import { readData } from '../src/lib/content-model.ts';

const network = arg('network', 'slow4g');
const runs = Number(arg('runs', '5'));
const dist = join(ROOT, 'dist');
const ARTICLE = '/rocketry/nova/';

/**
 * The language's most frequent words, from the vocabulary built with its search index: single words of
 * letters only (not names, titles or headings, which the vocabulary also holds), of 4–12 letters (2–4
 * characters in Chinese), skipping the very commonest (the first 20), as a reader's query would.
 */
function queries(folder, n) {
	const { terms } = JSON.parse(readFileSync(join(dist, folder, 'pagefind', 'vocabulary.json'), 'utf8'));
	const word = (t) => (/\p{Script=Han}/u.test(t) ? /^\p{Script=Han}{2,4}$/u.test(t) : /^\p{Ll}{4,12}$/u.test(t));
	return terms.filter(([t, w]) => w < 100 && word(t)).map(([t]) => t).slice(20, 20 + n);
}

const server = await serveStatic(dist, '/', {}, { host: true });
const browser = await launch();
const rows = [];
for (const [i, language] of readData(ROOT, 'languages').entries()) {
	const folder = i === 0 ? '' : language.id;
	const url = `${server.url}/${folder ? `${folder}/` : ''}${ARTICLE.slice(1)}`;
	const weight = await pageWeight(browser, url);
	const words = queries(folder, runs);
	// One untimed run first, so the server has compressed the files once (a host serves them compressed already).
	await coldSearch(browser, url, SITES.ours, words[0], null).catch(() => {});
	const times = [];
	for (const word of words) {
		const r = await coldSearch(browser, url, SITES.ours, word, NETWORKS[network]).catch((e) => console.error(`  ${language.id} “${word}”: ${e.message.split('\n')[0]}`));
		if (r) times.push(r.ms);
	}
	const row = { language: language.id, page: `${folder ? `/${folder}` : ''}${ARTICLE}`, gzipKB: +(weight.total / 1024).toFixed(1), queries: words, coldSearch: summary(times, words.length) };
	rows.push(row);
	console.log(`${language.id}: reading page ${row.gzipKB} KB gzip; cold search on ${network}: ${fmt(row.coldSearch)} (${words.join(', ')})`);
}
await browser.close();
await server.close();

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const result = { network, runs, date: new Date().toISOString(), node: process.version, rows };
writeFileSync(join(ROOT, 'bench-results', `languages-${network}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
	join(ROOT, 'bench-results', `languages-${network}.md`),
	`| language | reading page (${ARTICLE}) gzip | cold search, key to first result (${network}) | queries |\n|---|---|---|---|\n${rows.map((r) => `| ${r.language} | ${r.gzipKB} KB | ${fmt(r.coldSearch)} | ${r.queries.join(', ')} |`).join('\n')}\n`,
);
