// npm run bench:search [-- --network fast|slow4g --pages 3000 --runs 7 --keep | --dir D | --levers JSON]
// Builds a synthetic site in a temporary directory, serves it as a static host would (compressed text,
// Cache-Control from _headers; see scripts/lib/static-server.ts) and measures search in headless Chromium:
// - cold: on an article, Ctrl+K and the query entered at once; nothing of search is loaded yet (a fresh
//   browser context). From the key to the first result on screen, and to the full list (this site may show
//   its first result before Pagefind has loaded); KB transferred from the key on;
// - typed: Ctrl+K, then the query typed at 8 characters a second; from the last key to the first result
//   for the whole query;
// - warm: then a new query on the same page, entered at once;
// - with the fast network, also the first query on the search page, which loads the index while idle.
// --network slow4g throttles as Lighthouse models Slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up).
// --levers '{"preload":false}' switches a loading lever off (see SearchLevers in src/lib/search-preload.ts).
// Prints medians and ranges and writes them to bench-results/search-<network>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, syntheticProject } from './lib/synthetic.mjs';
import { fmt, measureSearch, NETWORKS, SITES } from './lib/measure.mjs';
import { arg, flag } from './lib/args.mjs';

const pagesGiven = arg('pages', '');
const pages = Number(pagesGiven || '3000');
const runs = Number(arg('runs', '7'));
const network = arg('network', 'fast');
if (!(network in NETWORKS)) { console.error(`--network is one of ${Object.keys(NETWORKS).join(', ')}`); process.exit(1); }
const levers = arg('levers', '');
/** --dir reuses an already built synthetic site (its dist/), to iterate on the search UI quickly. */
const reuse = arg('dir', '');

const dir = reuse || syntheticProject(pages);
if (!reuse) {
	console.log(`bench:search: building ${pages} synthetic pages`);
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 28 });
	if (build.status !== 0) { console.error(build.stdout, build.stderr); process.exit(1); }
}

const init = levers ? `window.__ocaSearchLevers = ${JSON.stringify(JSON.parse(levers))};` : undefined;
const result = await measureSearch({ root: join(dir, 'dist'), site: SITES.ours, network, runs, init, searchPage: network === 'fast' });
if (!reuse && !flag('keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);

// A kept build (--dir) may have any size: without --pages, it is labelled by what its index holds.
const label = reuse && !pagesGiven
	? `${Object.values(JSON.parse(readFileSync(join(dir, 'dist/pagefind/pagefind-entry.json'), 'utf8')).languages).reduce((n, l) => n + l.page_count, 0)} indexed pages`
	: `${pages} pages`;
Object.assign(result, { pages: reuse && !pagesGiven ? undefined : pages, label, runs, network, levers: levers || undefined, date: new Date().toISOString(), targets: network === 'fast' ? { coldMs: 200, warmMs: 50 } : { coldMs: 1000, typedMs: 300 } });
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', `search-${network}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(`${network}${levers ? ` ${levers}` : ''}, ${label}, medians (min–max) of ${runs} runs: cold ${fmt(result.cold)} (full list ${fmt(result.coldFull)}), ${result.coldKB} KB · typed ${fmt(result.typed)} after the last key · warm ${fmt(result.warm)}${result.searchPage ? ` · first query on the search page ${fmt(result.searchPage)}` : ''}`);
