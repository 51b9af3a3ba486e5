/**
 * What the site's integrations need of Astro's resolved config, read in one place: the base path with its
 * trailing slash, the published origin, and the project's and source folders as paths.
 */
import type { AstroConfig } from 'astro';
import { fileURLToPath } from 'node:url';
import { slashed } from '../lib/url.ts';
import { readData } from '../lib/content-model.ts';

export interface SiteConfig {
	/** "/" or "/sub/". */
	base: string;
	/** The published origin, e.g. https://atlas.example.org (astro.config.mjs always sets one). */
	site: string;
	/** The project folder. */
	root: string;
	/** src/ in the project folder. */
	srcDir: string;
}

/** Before `astro:config:done`: the defaults Astro itself would use. */
export const DEFAULT_SITE_CONFIG: SiteConfig = { base: '/', site: 'http://localhost:4321/', root: process.cwd(), srcDir: `${process.cwd()}/src/` };

/** The integrations' view of a resolved config. */
export function siteConfig(config: AstroConfig): SiteConfig {
	return { base: slashed(config.base), site: config.site ?? DEFAULT_SITE_CONFIG.site, root: fileURLToPath(config.root), srcDir: fileURLToPath(config.srcDir) };
}

/**
 * @astrojs/sitemap's `i18n` option from languages.yaml: each language's URL prefix → its tag, the source
 * language (at the root) as the default, so every URL lists its alternates in the other languages.
 */
export function sitemapLocales(root: string): { defaultLocale: string; locales: Record<string, string> } {
	const languages = readData(root, 'languages');
	return { defaultLocale: languages[0]!.id, locales: Object.fromEntries(languages.map((l) => [l.id, String(l.lang)])) };
}
