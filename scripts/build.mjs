// The production build: `astro build` (which also writes the Pagefind index, see
// src/integrations/pagefind.ts), with an editor's mistake reported as one clear message naming the file,
// the line and what to do, never a stack trace. The site is built into a folder of its own and moved to
// dist/ only when the build succeeds, so a failed build leaves no dist/ for a deploy step to pick up. A site
// too large to build and index at once within its memory budget (scripts/lib/build-memory.mjs) is built in a
// process of its own and indexed after it has exited.
import { spawnSync } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatePages, memoryBudget, searchPlan } from './lib/build-memory.mjs';
import { SEARCH_AFTER_BUILD } from '../src/integrations/build-mode.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const next = fileURLToPath(new URL('../node_modules/.astro/dist-next/', import.meta.url));

/** The error that says what is wrong: the innermost one with a place (file) or a hint, else the outermost. */
function innermost(error) {
	const chain = [];
	for (let e = error; e && chain.length < 10; e = e.cause ?? e.errors?.[0]) chain.push(e);
	return chain.findLast((e) => e.name === 'ContentError' || e.loc?.file || e.hint) ?? error;
}

/** One clear message from an error's fields: where (file:line), what, and the hint. */
function describe(error) {
	const e = innermost(error);
	const file = e.file ?? e.loc?.file ?? e.id;
	const line = e.line ?? e.loc?.line;
	const where = file ? `${relative(root, String(file))}${line ? `:${line}` : ''}` : '';
	// Messages are for people: drop stack frames, and Astro's Markdown emphasis (**field**); Astro's schema
	// messages name the field twice ("title: title: Required").
	let what = String(e.problem ?? e.message ?? e)
		.split('\n')
		.filter((l) => !/^\s+at\s/.test(l))
		.join('\n')
		.replaceAll('**', '')
		.replace(/^(\s*)([\w.]+): \2: /gm, '$1$2: ')
		.replaceAll(root, '')
		.trim();
	// The place is printed once, in front: drop it where the message repeats it.
	for (const repeated of [`${where}:`, e.loc?.column ? `${line}:${e.loc.column}:` : undefined])
		if (repeated && what.startsWith(repeated)) what = what.slice(repeated.length).trim();
	const hint = e.hint && !what.includes(e.hint) ? `\n  Hint: ${e.hint}` : '';
	return `${where ? `${where}: ` : ''}${what}${hint}`;
}

// The bundler (Rolldown, in Rust) allocates with mimalloc, which by default keeps the memory it frees for a
// while; at 10,000 pages that is about 1 GB still held through the render after bundling. Returned at once,
// it is there for the render and the steps after it (docs/performance.md). mimalloc reads this as it loads,
// so Astro is imported after it is set.
process.env.MIMALLOC_PURGE_DELAY ??= '0';

/** Fails the build with one clear message, leaving no dist/ behind. */
async function fail(message) {
	await rm(dist, { recursive: true, force: true });
	console.error(`\nBuild failed.\n\n${message}\n\nNothing was written to dist/.`);
	process.exit(1);
}

/** Builds the site into `next`. A build run by the step below (SEARCH_AFTER_BUILD set) leaves its search index to it. */
async function buildSite() {
	const { build } = await import('astro');
	try {
		await build({ root, outDir: next, logLevel: process.env.ASTRO_LOG_LEVEL ?? 'info' });
	} catch (error) {
		// Pages still rendering when another failed may go on writing into `next` for a moment; it is not dist/.
		if (process.env.DEBUG_BUILD) console.error(error);
		await fail(describe(error));
	}
}

if (process.env[SEARCH_AFTER_BUILD]) {
	// The build half of a build whose search index is made after it (below): the parent moves the output.
	await buildSite();
	process.exit(0);
}

await rm(next, { recursive: true, force: true });
let budget;
try {
	budget = memoryBudget();
} catch (error) {
	await fail(error.message);
}
let pages = 0;
try {
	pages = estimatePages(root);
} catch {
	// Data the build cannot read: the build itself says what is wrong with it, naming the file.
}
const plan = searchPlan(pages, budget);
if (plan.after) {
	// Too large to index beside the build within the memory budget: the build runs in a process of its own, and
	// Pagefind indexes once that process has exited and its memory is free (src/integrations/search-after-build.ts).
	console.log(plan.message);
	const handover = join(next, '..', 'search-handover.json');
	const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, [SEARCH_AFTER_BUILD]: handover } });
	if (child.status !== 0) {
		// The build printed why; a build killed from outside (out of memory) did not.
		if (child.signal) await fail(`The build was stopped by ${child.signal}${child.signal === 'SIGKILL' ? ', perhaps for want of memory' : ''}.`);
		await rm(dist, { recursive: true, force: true });
		process.exit(child.status ?? 1);
	}
	const { searchAfter } = await import('../src/integrations/search-after-build.ts');
	try {
		await searchAfter(next, handover, { info: (message) => console.log(`[atlas:search-after-build] ${message}`) });
	} catch (error) {
		if (process.env.DEBUG_BUILD) console.error(error);
		await fail(describe(error));
	}
} else {
	await buildSite();
}
await rm(dist, { recursive: true, force: true });
await rename(next, dist);
