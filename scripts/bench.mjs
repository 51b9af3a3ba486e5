// npm run bench -- --pages N [--runs R --keep --no-git --languages all --memory MB]
// Builds a copy of the project with N synthetic pages and records build time, peak memory, dist size,
// what a reader downloads for one page, and the Pagefind bytes for a query. Writes JSON and Markdown
// to bench-results/. The copy is a git checkout with the pages committed and some history, as an editor's
// site is (pages without `updated` take their date from git); --no-git builds a plain copy instead. The site
// is built in its source language only, as in earlier reports; --languages all builds every language of
// languages.yaml too (each language builds every page again, translated or as the English fallback).
// --memory MB gives the builds that memory budget (ATLAS_BUILD_MEMORY_MB; see scripts/lib/build-memory.mjs):
// a site too large to build and index at once within it is indexed after the build.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, commitAsHistory, sourceLanguageOnly, syntheticProject } from './lib/synthetic.mjs';
import { copyProject } from './lib/copy-project.ts';
import { buildOnce, walk } from './lib/build-measure.mjs';
import { coldDialogTiming, CONTEXT, launch, median, pageWeight } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';
import { arg, flag } from './lib/args.mjs';

const pages = Number(arg('pages', '100'));
const keep = flag('keep');
const inGit = !flag('no-git');
/** `source` (the headline figures) or `all` (every language of languages.yaml). */
const languages = arg('languages', 'source');
/** Builds timed (each from clean caches); the median is reported, as build times here vary by several seconds. */
const runs = Number(arg('runs', '1'));
/** The builds' memory budget in MB (ATLAS_BUILD_MEMORY_MB), or '' for what the machine has available. */
const memory = arg('memory', '');
const env = memory ? { ATLAS_BUILD_MEMORY_MB: memory } : {};

console.log(`bench: ${pages} synthetic pages, ${runs} ${runs === 1 ? 'build' : 'builds'}, ${inGit ? 'in a git checkout with the pages committed' : 'in a copy without git'}, ${languages === 'all' ? 'every language' : 'source language only'}${memory ? `, memory budget ${memory} MB` : ''}`);
// The site without synthetic pages: its build time is the fixed cost (start-up, bundling the site's own
// pages, Pagefind's start), so the cost of one more page can be told apart from it.
const base = copyProject('atlas-bench-base-');
if (languages === 'source') sourceLanguageOnly(base);
commitAsHistory(base, 0, () => {}, { git: inGit });
const fixedRuns = [];
for (let r = 0; r < runs; r++) fixedRuns.push((await buildOnce(base, undefined, { env })).seconds);
const fixed = median(fixedRuns);
rmSync(base, { recursive: true, force: true });
const dir = syntheticProject(pages, { git: inGit, languages });
const builds = [];
for (let r = 0; r < runs; r++) builds.push(await buildOnce(dir, undefined, { env }));
const buildSeconds = median(builds.map((b) => b.seconds));
const peakMB = Math.max(...builds.map((b) => b.peakMB));
const treePeakMB = Math.max(...builds.map((b) => b.treePeakMB));
const dist = walk(join(dir, 'dist'));
const builtPages = readdirSync(join(dir, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('index.html')).length;
const server = await serveStatic(join(dir, 'dist'));
const browser = await launch();
const weight = await pageWeight(browser, `${server.url}/rocketry/bench-00000/`);
// What a reader downloads to search once from an article: the search script's Pagefind, its WebAssembly and index.
const search = await coldDialogTiming(await browser.newContext(CONTEXT), `${server.url}/rocketry/bench-00000/`, 'radiator');
await browser.close();
await server.close();

const result = {
	pages, builtPages, runs, git: inGit, languages, memoryBudgetMB: memory ? Number(memory) : null, searchAfterBuild: builds.some((b) => b.searchAfter), date: new Date().toISOString(), node: process.version,
	buildSeconds: +buildSeconds.toFixed(2), buildSecondsAll: builds.map((b) => +b.seconds.toFixed(2)),
	buildMsPerPage: +((buildSeconds * 1000) / builtPages).toFixed(2),
	fixedSeconds: +fixed.toFixed(2), marginalMsPerPage: +(((buildSeconds - fixed) * 1000) / pages).toFixed(2),
	peakMB: Math.round(peakMB), treePeakMB: Math.round(treePeakMB), memoryByStage: builds.at(-1).stages,
	distMB: +(dist.bytes / 1e6).toFixed(2), distFiles: dist.files,
	readingPageGzipKB: Object.fromEntries(Object.entries(weight).map(([k, v]) => [k, +(v / 1024).toFixed(1)])),
	searchFirstQueryKB: +(search.bytes / 1024).toFixed(1),
};
const kb = result.readingPageGzipKB;
const md = `${inGit ? 'In a git checkout, pages committed with history.' : 'In a copy without git (--no-git).'} ${languages === 'all' ? 'Every language of languages.yaml (--languages all).' : 'Source language only.'}${memory ? ` Memory budget ${memory} MB (--memory).` : ''} ${result.searchAfterBuild ? 'Search indexed after the build.' : 'Search indexed beside the build.'}\n\n| pages | build (median of ${runs}) | per page | fixed cost, then per added page | peak RSS (Node / with Pagefind) | dist | files | reading page gzip (HTML / CSS / JS) | search bytes, first query |\n|---|---|---|---|---|---|---|---|---|\n| ${pages} (+${builtPages - pages} site pages) | ${result.buildSeconds} s | ${result.buildMsPerPage} ms | ${result.fixedSeconds} s + ${result.marginalMsPerPage} ms | ${result.peakMB} / ${result.treePeakMB} MB | ${result.distMB} MB | ${result.distFiles} | ${kb.total} KB (${kb.html} / ${kb.css} / ${kb.js}) | ${result.searchFirstQueryKB} KB |\n`;
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const name = `bench-${pages}${inGit ? '' : '-nogit'}${languages === 'all' ? '-languages' : ''}${memory ? `-memory${memory}` : ''}`;
writeFileSync(join(ROOT, 'bench-results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench-results', `${name}.md`), md);
console.log(md);
console.log(`Memory by stage (last build): ${result.memoryByStage.join('; ')}`);
if (builds.at(-1).afterLines.length) console.log(`After the build (last build): ${builds.at(-1).afterLines.join(' ')}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
