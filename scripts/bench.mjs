// npm run bench -- --pages N
// Builds a copy of the project with N synthetic pages and records build time, peak memory, dist size,
// what a reader downloads for one page, and the Pagefind bytes for a query. Writes JSON and Markdown
// to bench-results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, syntheticProject } from './lib/synthetic.mjs';
import { coldDialogTiming, launch, pageWeight } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';

const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const pages = Number(arg('pages', '100'));
const keep = process.argv.includes('--keep');

function walk(dir) {
	let bytes = 0, files = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) { const r = walk(p); bytes += r.bytes; files += r.files; } else { bytes += statSync(p).size; files++; }
	}
	return { bytes, files };
}

console.log(`bench: ${pages} synthetic pages`);
const dir = syntheticProject(pages);
writeFileSync(join(dir, 'measure-build.mjs'), "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync('rss.txt', String(process.resourceUsage().maxRSS)));\nawait import('./scripts/build.mjs');\n");
const started = performance.now();
const build = spawnSync(process.execPath, ['measure-build.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 28 });
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) { console.error(build.stdout, build.stderr); process.exit(1); }
const peakMB = Number(spawnSync('cat', [join(dir, 'rss.txt')], { encoding: 'utf8' }).stdout) / 1024;
const dist = walk(join(dir, 'dist'));
const builtPages = readdirSync(join(dir, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('index.html')).length;

const server = await serveStatic(join(dir, 'dist'));
const browser = await launch();
const weight = await pageWeight(browser, `${server.url}/rocketry/bench-00000/`);
// What a reader downloads to search once from an article: the search script's Pagefind, its WebAssembly and index.
const search = await coldDialogTiming(await browser.newContext(), `${server.url}/rocketry/bench-00000/`, 'radiator');
await browser.close();
await server.close();

const result = {
	pages, builtPages, date: new Date().toISOString(), node: process.version,
	buildSeconds: +buildSeconds.toFixed(2), buildMsPerPage: +((buildSeconds * 1000) / builtPages).toFixed(2), peakMB: Math.round(peakMB),
	distMB: +(dist.bytes / 1e6).toFixed(2), distFiles: dist.files,
	readingPageGzipKB: Object.fromEntries(Object.entries(weight).map(([k, v]) => [k, +(v / 1024).toFixed(1)])),
	searchFirstQueryKB: +(search.bytes / 1024).toFixed(1),
};
const kb = result.readingPageGzipKB;
const md = `| pages | build | per page | peak RSS | dist | files | reading page gzip (HTML / CSS / JS) | search bytes, first query |\n|---|---|---|---|---|---|---|---|\n| ${pages} (+${builtPages - pages} site pages) | ${result.buildSeconds} s | ${result.buildMsPerPage} ms | ${result.peakMB} MB | ${result.distMB} MB | ${result.distFiles} | ${kb.total} KB (${kb.html} / ${kb.css} / ${kb.js}) | ${result.searchFirstQueryKB} KB |\n`;
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', `bench-${pages}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench-results', `bench-${pages}.md`), md);
console.log(md);
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
