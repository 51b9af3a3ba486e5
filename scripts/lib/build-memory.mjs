// How much memory a production build needs, and so whether its search index is built beside it or after it.
//
// By default Pagefind indexes in its own process beside the build, from the moment the pages are written:
// the fastest way on two cores for a site of a few thousand pages. The two then hold their memory at the
// same time. Pagefind keeps every page's words until it writes the index, about as much as the build's own
// process at its peak, so on a large site the pair needs about twice what either needs alone. When that is
// more than the build may use (8 GB, or less if the machine has less available, or what
// ATLAS_BUILD_MEMORY_MB says), the build runs in a process of its own and the search index is built once it
// has exited (src/integrations/search-after-build.ts): at 30,000 pages, 7.9 GB at the peak instead of 12.3.
//
// The figures are straight lines fitted to the benchmark's peaks at 3,000, 10,000 and 30,000 pages
// (`npm run bench -- --pages N`, docs/performance.md): resident memory of the whole process tree, in MB.
import { existsSync, readdirSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { readData } from '../../src/lib/content-model.ts';

/** Build and Pagefind at once: 4,700–4,900 MB at about 10,300 built pages, 12,300–12,800 MB at 30,599. */
const BESIDE = { fixedMB: 840, perPageMB: 0.39 };
/** The build alone: 2,600–2,900 MB at about 10,300 built pages, 7,300–7,500 MB at 30,599 (the bundler's peak). */
const BUILD = { fixedMB: 430, perPageMB: 0.23 };
/** Pagefind's command alone (2,690 MB at about 10,300 built pages, 7,794 MB at 30,599), and the small process that runs it: 7,898–7,908 MB at 30,599 (30,088 estimated). */
const INDEX = { fixedMB: 240, perPageMB: 0.255 };

/** The environment variable that sets the memory a build may use, in MB (else: what the machine has available). */
export const MEMORY_ENV = 'ATLAS_BUILD_MEMORY_MB';

/** The pages a build makes, about: every page, entity page and article, once per language. */
export function estimatePages(root) {
	const count = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => /\.mdx?$/.test(String(f))).length : 0);
	const perLanguage = count(join(root, 'src/content/docs')) + count(join(root, 'src/content/pages')) + readData(root, 'entities').length;
	return perLanguage * readData(root, 'languages').length;
}

/**
 * The memory a build keeps to unless told otherwise, in MB. At 30,000 generated pages, indexing after the
 * build kept the peak at 7,898 MB and was no slower than indexing beside it (349.65 s beside, 328.75 s after,
 * docs/performance.md), so a large site is built that way even on a machine that could hold both, leaving
 * the rest of its memory to whatever else runs there.
 */
export const DEFAULT_BUDGET_MB = 8000;

/**
 * The memory a build may use, in MB: ATLAS_BUILD_MEMORY_MB when set (a positive number, else an error that
 * says so), else DEFAULT_BUDGET_MB or what the machine has available now (its cgroup's limit counted),
 * whichever is less. `from` says which.
 */
export function memoryBudget(env = process.env) {
	const set = env[MEMORY_ENV];
	if (set === undefined || set === '') {
		const available = Math.floor((process.availableMemory?.() ?? freemem()) / 2 ** 20);
		return available < DEFAULT_BUDGET_MB ? { mb: available, from: 'available' } : { mb: DEFAULT_BUDGET_MB, from: 'default' };
	}
	const mb = Number(set);
	if (!Number.isFinite(mb) || mb <= 0) throw new Error(`${MEMORY_ENV} must be a number of megabytes, like 8000; it is "${set}".`);
	return { mb, from: MEMORY_ENV };
}

/**
 * How to build `pages` pages within `budgetMB`: `after` when building and indexing at once would need more.
 * `besideMB` and `afterMB` are the estimated peaks of each way; `message` says what was chosen and why, for a
 * build that indexes after (undefined otherwise).
 */
export function searchPlan(pages, budget) {
	const line = ({ fixedMB, perPageMB }) => Math.round(fixedMB + perPageMB * pages);
	const besideMB = line(BESIDE);
	const afterMB = Math.max(line(BUILD), line(INDEX));
	const after = besideMB > budget.mb;
	const allowed = { available: 'available', default: `the build keeps to unless ${MEMORY_ENV} allows more` }[budget.from] ?? `allowed by ${MEMORY_ENV}`;
	const fmt = (mb) => `${mb.toLocaleString('en')} MB`;
	const message = after
		? `Search: about ${pages.toLocaleString('en')} pages need about ${fmt(besideMB)} to be built and indexed at once, more than the ${fmt(budget.mb)} ${allowed}; building first, then indexing (about ${fmt(afterMB)} at the peak).${afterMB > budget.mb ? ` That is still more than ${fmt(budget.mb)}: the build may run out of memory.` : ''}`
		: undefined;
	return { after, besideMB, afterMB, message };
}
