/**
 * Completes dist/_headers for hosts that read it: Cache-Control rules made from what the output holds
 * (see src/lib/cache-rules.ts), and the site's Content-Security-Policy (src/lib/csp.ts, the definition the
 * pages' meta tag comes from too) with the hashes of the inline scripts actually present in the built pages
 * (the colour-scheme script), so neither can drift from the output. Runs after the Pagefind bundle is in
 * place, so its files are covered.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { cacheRules, formatRules, type Entry } from '../lib/cache-rules.ts';
import { policyHeader } from '../lib/csp.ts';
import { builtDigest } from './built-pages.ts';
import { searchAfterBuild, type Logger } from './build-mode.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Appends the cache rules of the output in `out` and the CSP with the inline scripts' hashes to its _headers, if it has one. */
export function writeHeaders(out: string, scriptHashes: readonly string[], logger: Logger): void {
	const file = join(out, '_headers');
	if (!existsSync(file)) return;
	const entries = (dir: string): Entry[] => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() })) : []);
	const rules = cacheRules(entries(out), entries(join(out, 'pagefind')));
	appendFileSync(file, `\n# Added by the build.\n${formatRules(rules)}\n/*\n  Content-Security-Policy: ${policyHeader(scriptHashes)}\n`);
	logger.info(`Wrote ${rules.length} Cache-Control rules and the Content-Security-Policy into _headers.`);
}

export default function headers(): AstroIntegration {
	return {
		name: 'atlas:headers',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				if (searchAfterBuild()) return;
				const out = fileURLToPath(dir);
				// The inline scripts' hashes come from the one pass over the pages, made while Pagefind indexed.
				writeHeaders(out, (await builtDigest(out)).scriptHashes, logger);
			},
		},
	};
}
