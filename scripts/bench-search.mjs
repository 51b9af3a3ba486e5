// npm run bench:search [-- --pages 3000 --runs 5]
// Builds a synthetic site in a temporary directory and measures, in headless Chromium, the time from
// a keystroke to the first rendered result and the bytes fetched, cold (first query in a fresh page)
// and warm (later queries). Prints medians and writes them to bench-results/search.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUERY_WORDS, ROOT, syntheticProject } from './lib/synthetic.mjs';
import { launch, median, searchTiming } from './lib/measure.mjs';
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
const cold = [], warm = [];
const words = QUERY_WORDS;
for (let r = 0; r < runs; r++) {
	// A fresh context each run: nothing cached, so the first query pays for loading the index.
	const context = await browser.newContext();
	const q = [words[r % words.length], ...words.filter((_, i) => i !== r % words.length).slice(0, 4)];
	const timings = await searchTiming(context, `${server.url}/`, q);
	cold.push(timings[0]);
	warm.push(...timings.slice(1));
	await context.close();
}
await browser.close();
await server.close();
if (!reuse && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);

const result = {
	pages, runs, date: new Date().toISOString(),
	coldMs: +median(cold.map((t) => t.ms)).toFixed(1), coldKB: +(median(cold.map((t) => t.bytes)) / 1024).toFixed(1),
	warmMs: +median(warm.map((t) => t.ms)).toFixed(1), warmKB: +(median(warm.map((t) => t.bytes)) / 1024).toFixed(1),
	targets: { coldMs: 300, warmMs: 100 },
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`cold: ${result.coldMs} ms, ${result.coldKB} KB · warm: ${result.warmMs} ms, ${result.warmKB} KB (medians of ${runs} runs, ${pages} pages)`);
