// npm run bench:peer [-- --pages 3000 --runs 5 --keep | --reuse D]
// This site against Starlight on the same generated pages, same machine, same run. On first use it installs
// Starlight, pinned, into a cache folder outside the project (~/.cache/atlas-peer/, or $ATLAS_PEER_CACHE),
// never into the project's dependencies. Then it builds both from clean caches and prints side by side:
// build time, peak memory of the build, dist size, the weight of a reading page (gzip'd, in Chromium), and
// search timings (cold, typed, warm; see scripts/bench-search.mjs) on a fast network and on Slow 4G, both
// sites served by the same static server as a static host would (compressed text, Cache-Control from
// _headers where there is one). Writes bench-results/peer-<pages>.json and .md.
// If the peer's build fails (at 30,000 pages it may run out of memory), the report says how, and this site is
// measured alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ROOT, commitAsHistory, syntheticPage, syntheticProject } from './lib/synthetic.mjs';
import { buildOnce, walk } from './lib/build-measure.mjs';
import { fmt, launch, measureNavigation, measureSearch, pageWeight, SITES } from './lib/measure.mjs';
import { serveStatic } from './lib/static-server.ts';
import { arg, flag } from './lib/args.mjs';

const pages = Number(arg('pages', '3000'));
const runs = Number(arg('runs', '5'));
const keep = flag('keep');
/** --reuse D: measure the builds a `--keep` run left (this site's in D, Starlight's in the cache folder) instead of building. */
const reuse = arg('reuse', '');
/** Both projects are git checkouts with the pages committed and some history, as real sites are; --no-git builds plain copies. */
const inGit = !flag('no-git');

/** The peer, pinned: the versions the comparison is made against. */
const PEER = { '@astrojs/starlight': '0.42.4', astro: '7.3.5', sharp: '0.34.5' };
const cache = join(process.env.ATLAS_PEER_CACHE ?? join(homedir(), '.cache', 'atlas-peer'), `starlight-${PEER['@astrojs/starlight']}`);

/** Installs the pinned peer into the cache folder once. */
function ensurePeer() {
	const installed = join(cache, 'node_modules', '@astrojs', 'starlight', 'package.json');
	if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === PEER['@astrojs/starlight']) return;
	console.log(`bench:peer: installing Starlight ${PEER['@astrojs/starlight']} (Astro ${PEER.astro}) into ${cache}`);
	mkdirSync(cache, { recursive: true });
	writeFileSync(join(cache, 'package.json'), `${JSON.stringify({ name: 'atlas-peer-starlight', private: true, type: 'module', dependencies: PEER }, null, 2)}\n`);
	const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact'], { cwd: cache, stdio: 'inherit' });
	if (npm.status !== 0) { console.error('bench:peer: npm install failed'); process.exit(1); }
}

/** The Starlight project with the same generated pages (citations as plain markers, entity links as names). */
function starlightProject(n) {
	// The cache folder is the peer project itself (its package.json lists Starlight), so Astro resolves and
	// bundles Starlight as it does in any Starlight site; only its pages and config are replaced each run.
	const dir = cache;
	for (const old of ['src', 'dist', '.astro', '.git']) rmSync(join(dir, old), { recursive: true, force: true });
	const themes = ['rocketry', 'space-data-centres', 'rivalry'];
	writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Peer', sidebar: ${JSON.stringify(themes.map((t) => ({ label: t, items: [{ autogenerate: { directory: t } }] })))} })] });\n`);
	mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
	writeFileSync(join(dir, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n");
	writeFileSync(join(dir, 'src/content/docs/index.mdx'), '---\ntitle: Peer\ndescription: The same generated pages, in Starlight.\n---\n\nGenerated pages for the benchmark.\n');
	const name = (id) => id.split('-').map((w) => (w === 'openai' ? 'OpenAI' : w === 'spacex' ? 'SpaceX' : w[0].toUpperCase() + w.slice(1))).join(' ');
	for (let i = 0; i < n; i++) {
		const { path, text } = syntheticPage(i);
		const file = join(dir, path);
		mkdirSync(join(file, '..'), { recursive: true });
		writeFileSync(file, text.replace(/^order: .*\n|^updated: .*\n/gm, '').replace(/<Cite id="([^"]+)" \/>/g, '<sup>[$1]</sup>').replace(/<Entity id="([^"]+)" \/>/g, (_, id) => name(id)));
	}
	commitAsHistory(dir, n, (i, e) => {
		const file = join(dir, syntheticPage(i).path);
		writeFileSync(file, `${readFileSync(file, 'utf8')}\nA later correction, number ${e + 1}<sup>[s1]</sup>.\n`);
	}, { git: inGit });
	return dir;
}

ensurePeer();
console.log(`bench:peer: ${pages} generated pages; ${reuse ? `measuring the kept builds in ${reuse} and ${cache}` : 'building this site, then Starlight'}`);
const oursDir = reuse || syntheticProject(pages, { git: inGit });
const peerDir = reuse ? cache : starlightProject(pages);
const sites = [
	{ name: 'This site', dir: oursDir, build: () => buildOnce(oursDir), search: SITES.ours },
	{ name: `Starlight ${PEER['@astrojs/starlight']}`, dir: peerDir, build: () => buildOnce(peerDir, "const { build } = await import('astro');\nawait build({ root: process.cwd(), logLevel: 'warn' });", { allowFailure: true }), search: SITES.starlight },
];
const rows = [];
for (const s of sites) {
	const b = reuse ? { seconds: NaN, peakMB: NaN, treePeakMB: NaN } : await s.build();
	if (b.failed) {
		// Reported as it failed; nothing of it can be measured further.
		console.log(`  ${s.name}: build failed, ${b.failed}`);
		rows.push({ name: s.name, failed: b.failed, buildSeconds: +b.seconds.toFixed(1), treePeakMB: Math.round(b.treePeakMB) });
		continue;
	}
	const dist = walk(join(s.dir, 'dist'));
	if (!reuse) console.log(`  ${s.name}: built in ${b.seconds.toFixed(1)} s`);
	rows.push({ name: s.name, buildSeconds: +b.seconds.toFixed(1), peakMB: Math.round(b.peakMB), treePeakMB: Math.round(b.treePeakMB), distMB: +(dist.bytes / 1e6).toFixed(1), distFiles: dist.files });
}
/** The sites whose build succeeded, with their rows: only those are served and measured. */
const built = sites.map((s, i) => [i, s]).filter(([i]) => !rows[i].failed);
const browser = await launch();
for (const [i, s] of built) {
	const server = await serveStatic(join(s.dir, 'dist'), '/', {}, { host: true });
	const w = await pageWeight(browser, `${server.url}/rocketry/bench-00003/`);
	rows[i].readingPageKB = +(w.total / 1024).toFixed(1);
	await server.close();
}
await browser.close();
for (const [i, s] of built) {
	console.log(`  ${s.name}: going to the next page, slow4g`);
	rows[i].navigation = await measureNavigation({ root: join(s.dir, 'dist'), site: s.search, network: 'slow4g', runs });
}
for (const network of ['fast', 'slow4g']) {
	for (const [i, s] of built) {
		console.log(`  ${s.name}: search, ${network}`);
		rows[i][network] = await measureSearch({ root: join(s.dir, 'dist'), site: s.search, network, runs });
	}
}

const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const [o, p] = rows;
/** A row of the table: a site whose build failed shows a dash, except where `failed` says what it shows instead. */
const line = (label, f, failed = () => '—') => `| ${label} | ${[o, p].map((r) => (r.failed ? failed(r) : f(r))).join(' | ')} |`;
const measured = built.map(([i]) => rows[i]);
const md = [
	`\`npm run bench:peer -- --pages ${pages} --runs ${runs}${reuse ? ' --reuse D' : ''}${inGit ? '' : ' --no-git'}\` (${new Date().toISOString().slice(0, 10)}; ${inGit ? 'both built in git checkouts with the pages committed' : 'both built in copies without git'}; search: medians of ${runs} runs, min–max in brackets${reuse ? '; builds kept from an earlier run, so not timed here' : ''})`,
	'',
	`| ${pages} generated pages | ${o.name} | ${p.name} |`,
	'|---|---|---|',
	line('build', (r) => `${r.buildSeconds} s`, (r) => `failed: ${r.failed}`),
	line('peak memory (build process / with its children)', (r) => `${r.peakMB} / ${r.treePeakMB} MB`, (r) => `— / ${r.treePeakMB} MB, until it failed`),
	line('dist', (r) => `${r.distMB} MB, ${r.distFiles} files`),
	line('reading page (gzip, all it loads)', (r) => `${r.readingPageKB} KB`),
	line('next page, Slow 4G: tap "Next" → first paint', (r) => fmt(r.navigation.next)),
	line('search, fast: cold (key → first result)', (r) => fmt(r.fast.cold)),
	line('search, fast: typed (last key → first result)', (r) => fmt(r.fast.typed)),
	line('search, fast: warm', (r) => fmt(r.fast.warm)),
	line('search, fast: cold, to the full list', (r) => fmt(r.fast.coldFull)),
	line('search, Slow 4G: cold', (r) => `${fmt(r.slow4g.cold)}, ${r.slow4g.coldKB} KB`),
	line('search, Slow 4G: cold, to the full list', (r) => fmt(r.slow4g.coldFull)),
	line('search, Slow 4G: typed', (r) => fmt(r.slow4g.typed)),
	line('search, Slow 4G: warm', (r) => fmt(r.slow4g.warm)),
	'',
	...(measured.length === rows.length
		? [
				`Build, this site against Starlight: ${ratio(o.buildSeconds, p.buildSeconds)} (target ≤ 0.33×).`,
				`Slow 4G cold, this site against Starlight: ${ratio(o.slow4g.cold.median, p.slow4g.cold.median)} (target ≤ 0.5×, and ≤ 1,000 ms).`,
				`Slow 4G, next page, this site against Starlight: ${ratio(o.navigation.next.median, p.navigation.next.median)} (target ≤ 0.3×, and under 200 ms).`,
			]
		: []),
	...measured.flatMap((r) => (r.navigation.failed.length ? [`${r.name}, next page: ${r.navigation.failed.length} run(s) left out (${r.navigation.failed.join('; ')}).`] : [])),
	...measured.flatMap((r) => ['fast', 'slow4g'].flatMap((n) => (r[n].failed.length ? [`${r.name}, ${n}: ${r[n].failed.length} run(s) left out, with no result within 60 s (${r[n].failed.join('; ')}).`] : []))),
].join('\n');
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', `peer-${pages}.json`), `${JSON.stringify({ pages, runs, date: new Date().toISOString(), peer: PEER, rows }, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench-results', `peer-${pages}.md`), `${md}\n`);
console.log(`\n${md}`);
if (!keep && !reuse) for (const d of [oursDir, join(peerDir, 'src'), join(peerDir, 'dist')]) rmSync(d, { recursive: true, force: true });
else console.log(`kept ${oursDir} and ${peerDir}`);
