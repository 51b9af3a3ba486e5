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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy for the pages in a built output folder. */
async function policyFor(out: string): Promise<string> {
	return policyHeader((await builtDigest(out)).scriptHashes);
}

export default function headers(): AstroIntegration {
	let policy: string | undefined;
	return {
		name: 'atlas:headers',
		hooks: {
			// The pages are final once written: read them for the policy while Pagefind indexes in its own process,
			// rather than after it, when only the cache rules are left to write.
			'astro:build:generated': async ({ dir }) => {
				policy = await policyFor(fileURLToPath(dir));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const csp = policy ?? (await policyFor(out));
				policy = undefined;
				const file = join(out, '_headers');
				if (!existsSync(file)) return;
				const entries = (dir: string): Entry[] => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() })) : []);
				const rules = cacheRules(entries(out), entries(join(out, 'pagefind')));
				appendFileSync(file, `\n# Added by the build.\n${formatRules(rules)}\n/*\n  Content-Security-Policy: ${csp}\n`);
				logger.info(`Wrote ${rules.length} Cache-Control rules and the Content-Security-Policy into _headers.`);
			},
		},
	};
}
