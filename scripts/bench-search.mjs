// npm run bench:search [-- --pages 3000 --runs 5]
// Builds a synthetic site in a temporary directory and measures, in headless Chromium, the time from
// a keystroke to the first rendered result and the Pagefind bytes fetched:
// - cold: on an article, "/" then a query at once; nothing of search is loaded yet (a fresh browser context);
// - first query on the search page, which loads the index while the reader looks at it;
// - warm: later queries (new words, so new index chunks, but Pagefind itself is loaded).
// Prints medians and writes them to bench-results/search.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERY_WORDS, ROOT, syntheticProject } from './lib/synthetic.mjs';
import { coldDialogTiming, launch, median, searchTiming } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';

const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const pages = Number(arg('pages', '3000'));
const runs = Number(arg('runs', '5'));
/** --dir reuses an already built synthetic site (its dist/), to iterate on the search UI quickly. */
const reuse = arg('dir', '');

const dir = reuse || syntheticProject(pages);
if (!reuse) {
	console.log(`bench:search: building ${pages} synthetic pages`);
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 28 });
	if (build.status !== 0) { console.error(build.stdout, build.stderr); process.exit(1); }
}

const server = await serveStatic(join(dir, 'dist'));
const browser = await launch();
const cold = [], first = [], warm = [];
const words = QUERY_WORDS;
for (let r = 0; r < runs; r++) {
	// A fresh context each run: nothing cached, so the first query pays for loading everything.
	let context = await browser.newContext();
	cold.push(await coldDialogTiming(context, `${server.url}/rocketry/bench-${String(r * 3).padStart(5, '0')}/`, words[(r + 7) % words.length]));
	await context.close();
	context = await browser.newContext();
	const q = [words[r % words.length], ...words.filter((_, i) => i !== r % words.length).slice(r, r + 4)];
	const timings = await searchTiming(context, `${server.url}/`, q);
	first.push(timings[0]);
	warm.push(...timings.slice(1));
	await context.close();
}
await browser.close();
await server.close();
if (!reuse && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);

const ms = (xs) => +median(xs.map((t) => t.ms)).toFixed(1);
const kb = (xs) => +(median(xs.map((t) => t.bytes)) / 1024).toFixed(1);
const result = {
	pages, runs, date: new Date().toISOString(),
	coldMs: ms(cold), coldKB: kb(cold),
	searchPageFirstMs: ms(first), searchPageFirstKB: kb(first),
	warmMs: ms(warm), warmKB: kb(warm),
	targets: { coldMs: 300, warmMs: 100 },
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`cold (dialog, nothing loaded): ${result.coldMs} ms, ${result.coldKB} KB · first query on the search page: ${result.searchPageFirstMs} ms, ${result.searchPageFirstKB} KB · warm: ${result.warmMs} ms, ${result.warmKB} KB (medians of ${runs} runs, ${pages} pages)`);
