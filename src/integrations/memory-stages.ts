/**
 * Where the build's memory goes, by stage: with ATLAS_MEMORY_STAGES=1 (the benchmark sets it), the build
 * prints the Node process's resident memory and heap at Astro's build hooks: as the build starts, once the
 * pages are bundled, rendered and written, and when the post-build steps begin. (The digest and the twins
 * come between the last two; the whole process's peak is measured from outside, by the benchmark.)
 */
import type { AstroIntegration } from 'astro';

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
/** Prints one stage's memory to stderr, where the benchmark reads it. */
function report(stage: string) {
	const { rss, heapUsed } = process.memoryUsage();
	console.error(`memory: ${stage}: rss ${mb(rss)}, heap ${mb(heapUsed)}`);
}

export default function memoryStages(): AstroIntegration {
	const on = process.env.ATLAS_MEMORY_STAGES === '1';
	return {
		name: 'atlas:memory-stages',
		hooks: on
			? {
					'astro:build:start': () => report('build:start'),
					'astro:build:generated': () => report('build:generated (bundled and rendered, pages written)'),
					'astro:build:done': () => report('build:done (before the post-build steps)'),
				}
			: {},
	};
}
