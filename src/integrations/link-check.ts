/**
 * Fails the build on any internal link, asset or #fragment that does not resolve in the output,
 * naming the page (and its source file when it has one) and the link.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForPath, internalTarget } from '../lib/links.ts';
import { ContentError } from '../lib/errors.ts';
import { builtDigest } from './built-pages.ts';
import { DEFAULT_SITE_CONFIG, siteConfig } from './site-config.ts';

/** Where an editor would fix a page: its MDX file when there is one. */
function sourceOf(sitePath: string, srcDir: string): string {
	const id = sitePath.replace(/^\/|\/$/g, '');
	for (const candidate of [`content/docs/${id}.mdx`, `content/pages/${id}.mdx`]) if (existsSync(join(srcDir, candidate))) return `src/${candidate} (${sitePath})`;
	return sitePath;
}

export default function linkCheck(): AstroIntegration {
	let config = DEFAULT_SITE_CONFIG;
	return {
		name: 'atlas:link-check',
		hooks: {
			'astro:config:done': ({ config: resolved }) => {
				config = siteConfig(resolved);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { base, srcDir } = config;
				const out = fileURLToPath(dir);
				const scanned = (await builtDigest(out)).links;
				const existing = new Set(readdirSync(out, { recursive: true, encoding: 'utf8' }).map((f) => f.split(sep).join('/')));
				const problems: string[] = [];
				let checked = 0;
				for (const [file, page] of scanned) {
					const pagePath = `${base}${file.replace(/index\.html$/, '')}`;
					const sitePath = `/${file.replace(/index\.html$/, '')}`;
					for (const link of new Set(page.links)) {
						const target = internalTarget(link, pagePath, base);
						if (!target) continue;
						checked++;
						const where = () => sourceOf(sitePath, srcDir);
						if (!target.underBase) {
							problems.push(`${where()}: link "${link}" is outside the base path ${base}`);
							continue;
						}
						const hit = fileForPath(target.path).find((c) => existing.has(c));
						if (!hit) problems.push(`${where()}: broken link "${link}" (nothing at ${target.path})`);
						else if (target.fragment && hit.endsWith('.html') && !scanned.get(hit)?.ids.has(target.fragment))
							problems.push(`${where()}: broken fragment "${link}" (no id "${target.fragment}" on ${target.path})`);
					}
				}
				if (problems.length) {
					const shown = problems.slice(0, 30);
					throw new ContentError(undefined, `${problems.length} broken internal ${problems.length === 1 ? 'link' : 'links'}:\n  ${shown.join('\n  ')}${problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : ''}`, 'fix the link in the named file; site paths are written like /rocketry/nova/ or /rocketry/nova/#payload-figures.');
				}
				logger.info(`Checked ${checked} internal links in ${scanned.size} pages: all resolve.`);
			},
		},
	};
}
