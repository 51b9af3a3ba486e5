// The production build: `astro build` (which also writes the Pagefind index, see
// src/integrations/pagefind.ts), with editor mistakes reported as one clear message and no
// stack trace, and no dist/ left behind by a failed build for a deploy step to pick up.
import { build } from 'astro';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = new URL('../dist/', import.meta.url);

/** Astro and the bundler wrap errors; the editor needs the innermost message, its hint and the file. */
function describe(error) {
	let e = error;
	for (let i = 0; i < 5 && e?.cause && e.name !== 'ContentError'; i++) {
		if (e.cause.name === 'ContentError' || !e.message || /^(Internal|Unknown|An unhandled)/.test(e.message)) e = e.cause;
		else break;
	}
	const text = String(e?.message ?? e)
		.split('\n')
		.filter((line) => !/^\s+at\s/.test(line) && !/^Build failed with \d+ errors?:?$/.test(line.trim()))
		.join('\n')
		.replace(/\[plugin [^\]]+\]\s*/g, '')
		.replace(/^(MDXError|Error|SyntaxError):\s*/gm, '')
		.replace(/:undefined:undefined/g, '')
		.replace(/\*\*/g, '')
		.replace(/(\w+): \1:/g, '$1:')
		.replaceAll(root, '')
		.trim();
	// The bundler repeats the file on a line of its own before a message that already names it.
	const [first, ...rest] = text.split('\n');
	// The MDX compiler also starts its message with the line:column the file line already gave.
	const place = first.match(/:(\d+:\d+)$/)?.[1];
	if (place && rest[0]?.startsWith(`${place}: `)) rest[0] = rest[0].slice(place.length + 2);
	const lines = [rest[0]?.startsWith(first) ? rest.join('\n') : [first, ...rest].join('\n')];
	if (e?.hint && !text.includes(e.hint)) lines.push(`Hint: ${e.hint}`);
	const file = e?.loc?.file ?? e?.id;
	if (file && !/src\/content\//.test(text)) {
		const shown = String(file).replace(root, '');
		if (!text.includes(shown)) lines.push(`File: ${shown}${e.loc?.line ? `:${e.loc.line}` : ''}`);
	}
	return lines.join('\n');
}

/**
 * Removes dist/ after a failure. Astro renders several pages at once, and those still in flight when
 * one fails go on writing for a moment, so remove until the folder stays gone.
 */
async function removeOutput() {
	for (let i = 0; i < 50; i++) {
		await rm(outDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
		await new Promise((resolve) => setTimeout(resolve, 100));
		if (!existsSync(outDir)) return;
	}
}

await rm(outDir, { recursive: true, force: true });
try {
	await build({ root, logLevel: process.env.ASTRO_LOG_LEVEL ?? 'info' });
} catch (error) {
	await removeOutput();
	console.error(`\nBuild failed.\n\n${describe(error)}\n\nNothing was written to dist/.`);
	if (process.env.DEBUG_BUILD) console.error(error);
	process.exit(1);
}
