/**
 * Where the build's memory goes, by stage: with ATLAS_MEMORY_STAGES=1 (the benchmark sets it), the build
 * prints the Node process's resident memory, its peak so far and its heap at Astro's build hooks: as the
 * build starts (content synced); once the pages are bundled, rendered and written and the one pass over them
 * (the digest and the twins, run by the integrations listed before this one) is done; and after the post-build
 * steps. The bundler's peak shows as the peak at the second stage. Pagefind indexes in a process of its own,
 * whose memory the benchmark samples from outside (the process tree's peak).
 */
import type { AstroIntegration } from 'astro';

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
/**
 * Prints one stage's memory to stderr, where the benchmark reads it: resident now, the process's peak so far
 * (which catches the bundler's peak, in Rust, between two hooks), and the V8 heap in use.
 */
function report(stage: string) {
	const { rss, heapUsed } = process.memoryUsage();
	console.error(`memory: ${stage}: rss ${mb(rss)}, peak so far ${mb(process.resourceUsage().maxRSS * 1024)}, heap ${mb(heapUsed)}`);
}

export default function memoryStages(): AstroIntegration {
	const on = process.env.ATLAS_MEMORY_STAGES === '1';
	return {
		name: 'atlas:memory-stages',
		hooks: on
			? {
					'astro:build:start': () => report('build:start'),
					'astro:build:generated': () => report('build:generated (bundled, rendered, pages written and read once)'),
					'astro:build:done': () => report('build:done (after the post-build steps)'),
				}
			: {},
	};
}
