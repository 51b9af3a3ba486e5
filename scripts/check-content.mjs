// Quick pre-build check for writers: MDX syntax, frontmatter basics, known ids, word counts.
// Usage: node scripts/check-content.mjs [files...]   (defaults to every page)
import { compile } from '@mdx-js/mdx';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const readYaml = (p) => (existsSync(join(root, p)) ? load(readFileSync(join(root, p), 'utf8')) : null);
const sources = readYaml('src/content/data/sources.yaml');
const entities = readYaml('src/content/data/entities.yaml');
const sourceIds = sources ? new Set(sources.map((s) => s.id)) : null;
const entityIds = entities ? new Set(entities.map((e) => e.id)) : null;
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.mdx') ? [join(d, e.name)] : []));
const files = process.argv.slice(2).length ? process.argv.slice(2) : [...walk(join(root, 'src/content/docs')), ...walk(join(root, 'src/content/pages'))];
let bad = 0;
for (const f of files) {
	const text = readFileSync(f, 'utf8');
	const problems = [];
	const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
	if (!m) { console.log(`${f}: no frontmatter`); bad++; continue; }
	let fm; try { fm = load(m[1]); } catch (e) { problems.push('frontmatter YAML: ' + e.message); fm = {}; }
	if (!fm.title) problems.push('missing title');
	if (!fm.description) problems.push('missing description');
	else if (fm.description.length > 160) problems.push(`description is ${fm.description.length} characters (max 160)`);
	try { await compile(m[2]); } catch (e) { problems.push('MDX: ' + e.message); }
	for (const [, ids] of m[2].matchAll(/<Cite\s+id="([^"]*)"/g)) for (const id of ids.split(/\s+/)) if (sourceIds && !sourceIds.has(id)) problems.push('unknown source id ' + id);
	for (const [, id] of m[2].matchAll(/<Entity\s+id="([^"]*)"/g)) if (entityIds && !entityIds.has(id)) problems.push('unknown entity id ' + id);
	if (!/<Cite\s/.test(m[2])) problems.push('cites nothing');
	const words = m[2].replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
	if (words < 600 || words > 1500) problems.push(`${words} words (want 600–1,500)`);
	console.log(`${problems.length ? 'FAIL' : 'ok  '} ${f.replace(root, '')} (${words} words)${problems.map((p) => '\n     - ' + p).join('')}`);
	if (problems.length) bad++;
}
process.exit(bad ? 1 : 0);
