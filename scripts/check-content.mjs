// The writer's check, without a full build: every page compiled as the build compiles it, with the same
// Markdown plugin, then the site's reference rules and the writing rules (see scripts/lib/content-report.ts).
// Usage: npm run check:content
import { fileURLToPath } from 'node:url';
import { contentReport } from './lib/content-report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { pages, site, repetition } = await contentReport(root);
let bad = 0;
for (const r of pages) {
	console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.page.file} (${r.words} words, ${r.citations.length} sources cited)${r.problems.map((p) => `\n     - ${p}`).join('')}`);
	if (r.problems.length) bad++;
}
console.log(`\nRepetition: ${(repetition.share * 100).toFixed(2)} % of 8-word phrases stand on more than one page; most shared by one pair: ${repetition.pairs[0]?.common.length ?? 0}.`);
for (const problem of site) console.log(`FAIL ${problem}`);
process.exit(bad || site.length ? 1 : 0);
