/**
 * How this build runs its search step. By default Pagefind indexes beside the build, in its own process,
 * from the moment the pages are written. When the two would not fit together in the build's memory budget
 * (scripts/lib/build-memory.mjs), scripts/build.mjs runs the build with SEARCH_AFTER_BUILD set to a file: the
 * build then leaves the search index, and the files made from the finished output (offline.json and the
 * service worker, _headers), to a step after it has exited, and hands that step what it needs in the file
 * (see search-after-build.ts).
 */

/** The environment variable that names the hand-over file. */
export const SEARCH_AFTER_BUILD = 'ATLAS_SEARCH_AFTER_BUILD';

/** The hand-over file when this build leaves its search step until after it; undefined when it indexes itself. */
export function searchAfterBuild(): string | undefined {
	return process.env[SEARCH_AFTER_BUILD] || undefined;
}

/** What the build's steps print with: Astro's integration logger, or a stand-in for the step after the build. */
export interface Logger {
	info(message: string): void;
}
