// npm run lighthouse: Lighthouse (with the same Chromium as the tests) against the home page, a theme
// page, an article and the search page of the last build (run `npm run build` first). Records the four
// category scores in bench-results/lighthouse.json and .md.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/synthetic.mjs';
import { serveStatic } from './lib/static-server.ts';
import { chromiumExecutable, LAUNCH_ARGS } from './lib/chromium.ts';

const dist = join(ROOT, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
const chromePath = chromiumExecutable();
const pages = { Home: '/', 'Theme page': '/rocketry/', Article: '/rocketry/nova/', Search: '/search/' };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
	chromePath,
	chromeFlags: ['--headless=new', ...LAUNCH_ARGS],
});
const rows = [];
try {
	for (const [name, path] of Object.entries(pages)) {
		const { lhr } = await lighthouse(`${server.url}${path}`, { port: chrome.port, onlyCategories: categories, logLevel: 'error', output: 'json' });
		const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
		const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id);
		rows.push({ name, path, ...scores, failing });
		console.log(`${name.padEnd(11)} ${categories.map((c) => `${c} ${scores[c]}`).join('  ')}${failing.length ? `  (below 1: ${failing.slice(0, 6).join(', ')})` : ''}`);
	}
} finally {
	await chrome.kill();
	await server.close();
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'lighthouse.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
const md = `| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n${rows.map((r) => `| ${r.name} (\`${r.path}\`) | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} |`).join('\n')}\n`;
writeFileSync(join(ROOT, 'bench-results', 'lighthouse.md'), md);
console.log(`\n${md}`);
