// npm run bench:first-result [-- --dir D --queries N]
// How often the first result shown before Pagefind has loaded (src/lib/first-result.ts) is the one Pagefind
// then puts first, over the first N terms of the built vocabulary (names, titles, headings, frequent words;
// default 2,000) of the last build (`dist/`, or D/dist). Prints the share and the queries where they differ.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from './lib/copy-project.ts';
import { CONTEXT, launch } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';
import { firstResultAgreement } from './lib/first-result-check.ts';
import { arg } from './lib/args.mjs';

const dist = join(arg('dir', ROOT), 'dist');
const n = Number(arg('queries', '2000'));
const terms = JSON.parse(readFileSync(join(dist, 'pagefind', 'vocabulary.json'), 'utf8')).terms.map((t) => t[0]).slice(0, n);
const server = await serveStatic(dist, '/');
const browser = await launch();
const page = await browser.newPage(CONTEXT);
await page.goto(`${server.url}/`);
const a = await firstResultAgreement(page, dist, terms);
await browser.close();
await server.close();
const pct = (x, of) => `${((100 * x) / (of || 1)).toFixed(1)} %`;
console.log(`${a.queries} queries from the vocabulary of ${dist}: ${a.shown} answered before Pagefind has loaded (${pct(a.shown, a.queries)}); of those, ${a.same} show Pagefind's first result (${pct(a.same, a.shown)}).`);
if (a.differ.length) console.log(`Where they differ (query: shown early / Pagefind's first):\n${a.differ.slice(0, 40).map(([q, e, p]) => `  ${q}: ${e} / ${p}`).join('\n')}${a.differ.length > 40 ? `\n  … and ${a.differ.length - 40} more` : ''}`);
