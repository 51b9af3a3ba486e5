// The production build: `astro build` (which also writes the Pagefind index, see
// src/integrations/pagefind.ts), with editor mistakes reported as one clear message and no
// stack trace, and no dist/ left behind by a failed build for a deploy step to pick up.
import { build } from 'astro';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = new URL('../dist/', import.meta.url);

/** Astro wraps errors; the editor needs the innermost message, its hint and where it happened. */
function describe(error) {
	const seen = new Set();
	let e = error;
	while (e?.cause && !seen.has(e.cause) && (e.name !== 'ContentError')) {
		seen.add(e);
		if (e.cause?.name === 'ContentError') { e = e.cause; break; }
		if (!e.message || /^(Internal|Unknown|An unhandled)/.test(e.message)) e = e.cause;
		else break;
	}
	const lines = [e?.message ?? String(e)];
	if (e?.hint) lines.push(`Hint: ${e.hint}`);
	const file = e?.loc?.file ?? e?.id;
	if (file && !lines[0].includes(file.replace(root, ''))) lines.push(`File: ${file.replace(root, '')}${e.loc?.line ? `:${e.loc.line}` : ''}`);
	return lines.join('\n');
}

await rm(outDir, { recursive: true, force: true });
try {
	await build({ root, logLevel: process.env.ASTRO_LOG_LEVEL ?? 'info' });
} catch (error) {
	await rm(outDir, { recursive: true, force: true });
	console.error(`\nBuild failed.\n\n${describe(error)}\n\nNothing was written to dist/.`);
	if (process.env.DEBUG_BUILD) console.error(error);
	process.exit(1);
}
