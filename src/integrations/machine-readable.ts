/**
 * The atlas for machines: `/llms.txt` (the llmstxt.org shape: the name, a summary that says what the status
 * tags mean and how far the sources reach, then a section per theme and for the reference pages, each line a
 * page's Markdown twin with its description) and `/llms-full.txt` (every twin once, in that order, with one
 * bibliography at the end). Both are made from the twins the build wrote beside the pages (built-pages.ts),
 * read back one at a time, so nothing holds the whole site.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_CONFIG, siteConfig } from './site-config.ts';
import { builtDigest, languageFolder, type TwinEntry } from './built-pages.ts';
import { readData, readStrings } from '../lib/content-model.ts';
import { horizonDate } from '../lib/content-rules.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { SITE_NAME } from '../consts.ts';

/** The twins grouped as llms.txt lists them: the story and home, each theme, the reference pages, then people. */
export function llmsSections(twins: readonly TwinEntry[], themes: readonly { id: string; title: string }[], base: string): { title: string; entries: TwinEntry[] }[] {
	const rest = (e: TwinEntry) => e.page.slice(base.length);
	const byPath = (a: TwinEntry, b: TwinEntry) => a.page.localeCompare(b.page);
	const taken = new Set<TwinEntry>();
	const take = (title: string, test: (path: string) => boolean) => {
		const entries = twins.filter((e) => !taken.has(e) && test(rest(e))).sort(byPath);
		entries.forEach((e) => taken.add(e));
		return { title, entries };
	};
	const sections = [
		take('The story', (p) => p === '' || p === 'story/'),
		...themes.map((t) => take(t.title, (p) => p.startsWith(`${t.id}/`))),
		take('People and organisations', (p) => p.startsWith('people/')),
	];
	// Whatever is left is a reference page (timeline, open questions, updates, sources, data, search): before the people.
	sections.splice(sections.length - 1, 0, take('Reference', () => true));
	return sections.filter((s) => s.entries.length);
}

export default function machineReadable(): AstroIntegration {
	let config = DEFAULT_SITE_CONFIG;
	return {
		name: 'atlas:machine-readable',
		hooks: {
			'astro:config:done': ({ config: resolved }) => {
				config = siteConfig(resolved);
			},
			// As soon as the pages are written, so the link check (at build:done) finds these files too.
			'astro:build:generated': async ({ dir, logger }) => {
				const { base, site, root } = config;
				const out = fileURLToPath(dir);
				const { twins: all } = await builtDigest(out);
				// The source language's pages in sections, as before; each translation's pages listed after them,
				// under the language's name (llms-full.txt holds the source language only).
				const languages = readData(root, 'languages');
				const folders = languages.slice(1).map((l) => l.id);
				const folderOf = (e: TwinEntry) => languageFolder(e.page.slice(base.length), folders);
				const twins = all.filter((e) => folderOf(e) === '');
				const translated = languages.slice(1).map((l) => ({ title: `${String(l.name)} (${l.id})`, entries: all.filter((e) => folderOf(e) === l.id).sort((a, b) => a.page.localeCompare(b.page)) }));
				const themes = readData(root, 'themes').sort((a, b) => Number(a.order) - Number(b.order)).map((t) => ({ id: t.id, title: String(t.title) }));
				const horizon = horizonDate({ atlas: readData(root, 'atlas') });
				const sections = llmsSections(twins, themes, base);
				const abs = (path: string) => new URL(path, site).href;
				const summary = [
					`> ${readStrings(root, languages[0]?.id ?? 'en')['site.description'] ?? ''}`,
					`Every statement on the atlas cites a listed source, and how sure it is shows in words: *Confirmed*, *Reported* (a source reports it, unconfirmed), *Claim* (someone asserts it), *Disputed* (sources disagree; the versions are listed) and *Unverified* (only weak sources). The sources read reach ${horizon ? formatPartialDate(horizon) : 'the date each page gives'}; each page says so, and the open questions list what was still unknown then. Each link below is a page's Markdown twin, with its sources as footnotes; the data (events, people and organisations, sources, open questions, themes) is JSON under ${abs(`${base}data/`)}.`,
				].join('\n\n');
				const llms = [`# ${SITE_NAME}`, summary, ...[...sections, ...translated.filter((s) => s.entries.length)].map((s) => `## ${s.title}\n\n${s.entries.map((e) => `- [${e.title}](${abs(e.twin)})${e.description ? `: ${e.description}` : ''}`).join('\n')}`)].join('\n\n');
				writeFileSync(join(out, 'llms.txt'), `${llms}\n`);

				// The full text: each twin once, its footnotes renumbered into one bibliography at the end.
				const full = join(out, 'llms-full.txt');
				writeFileSync(full, `# ${SITE_NAME}\n\n${summary}\n`);
				const bibliography = new Map<string, number>();
				for (const entry of sections.flatMap((s) => s.entries)) {
					const text = readFileSync(join(out, entry.twin.slice(base.length)), 'utf8');
					const local = new Map<string, number>();
					for (const m of text.matchAll(/^\[\^(\d+)\]: (.*)$/gm)) {
						if (!bibliography.has(m[2]!)) bibliography.set(m[2]!, bibliography.size + 1);
						local.set(m[1]!, bibliography.get(m[2]!)!);
					}
					const body = text.replace(/\n## Sources\n\n(\[\^\d+\]: .*\n?)+$/, '\n').replace(/\[\^(\d+)\](?!:)/g, (_, n: string) => `[^${local.get(n) ?? n}]`);
					appendFileSync(full, `\n---\n\n${body.replace(/^# /, '## ').replace(/\n(#{2,5}) /g, '\n#$1 ')}`);
				}
				appendFileSync(full, `\n---\n\n## Bibliography\n\n${[...bibliography].map(([note, n]) => `[^${n}]: ${note}`).join('\n')}\n`);
				logger.info(`Wrote ${all.length} Markdown twins, llms.txt and llms-full.txt (${bibliography.size} sources).`);
			},
		},
	};
}
