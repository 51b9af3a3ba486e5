// Timing a production build: wall time and peak memory, from clean caches.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The V8 heap limit of a build, as `npm run build` sets it: past Node's default (about 4 GB) for large sites. */
export const HEAP_MB = Number(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.build.match(/--max-old-space-size=(\d+)/)?.[1] ?? 4096);

/** Total bytes and files under a folder. */
export function walk(dir) {
	let bytes = 0, files = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) { const r = walk(p); bytes += r.bytes; files += r.files; } else { bytes += statSync(p).size; files++; }
	}
	return { bytes, files };
}

/**
 * The resident memory, in KB, of a process and every process it started (Pagefind's indexer runs in one of
 * its own), read from /proc; 0 where there is no /proc.
 */
export function treeRssKB(root) {
	if (!existsSync('/proc')) return 0;
	const children = new Map();
	const rss = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0);
			rss.set(Number(name), kb);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(name));
		} catch {
			// The process ended while it was being read.
		}
	}
	let total = 0;
	for (const stack = [root]; stack.length; ) {
		const pid = stack.pop();
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

/**
 * One clean build of the project in `dir` (caches and dist/ removed first): wall seconds, the peak RSS of the
 * build's Node process (`peakMB`), and the peak of the whole process tree, Pagefind's indexer included
 * (`treePeakMB`, sampled every 100 ms). `entry` is the module that builds (ours: scripts/build.mjs; a peer:
 * Astro's own build), `env` added to its environment (e.g. ATLAS_BUILD_MEMORY_MB); `searchAfter` tells whether
 * it indexed after the build, whose Node process is then a child (its peak is read from the stages it prints),
 * and `afterLines` what that step printed.
 * A failed build ends the benchmark, printing its output; with `allowFailure` (a peer's build, which may run
 * out of memory on a large site) it returns `failed`, the end of the output, instead.
 */
export async function buildOnce(dir, entry = "await import('./scripts/build.mjs');", { allowFailure = false, env = {} } = {}) {
	for (const cache of ['node_modules/.astro', 'node_modules/.vite', '.astro', 'dist']) rmSync(join(dir, cache), { recursive: true, force: true });
	writeFileSync(join(dir, 'measure-build.mjs'), `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync('rss.txt', String(process.resourceUsage().maxRSS)));\n${entry}\n`);
	const started = performance.now();
	// The heap limit `npm run build` sets (package.json), for this site and a peer alike.
	const build = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, 'measure-build.mjs'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: 'warn', ATLAS_MEMORY_STAGES: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	build.stdout.on('data', (d) => (output += d));
	build.stderr.on('data', (d) => (output += d));
	let treePeak = 0;
	const sampler = setInterval(() => (treePeak = Math.max(treePeak, treeRssKB(build.pid))), 100);
	const [code, signal] = await new Promise((resolve) => build.on('close', (...end) => resolve(end)));
	clearInterval(sampler);
	const seconds = (performance.now() - started) / 1000;
	if (code !== 0) {
		// The error's own line (Node's "FATAL ERROR: … heap out of memory", Astro's error), else the output's last.
		const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
		const reason = lines.find((l) => /^FATAL ERROR/.test(l)) ?? lines.find((l) => /^\[?\w*Error\]?:? /.test(l)) ?? lines.at(-1) ?? 'no output';
		const failed = `${signal ? `killed by ${signal}` : `exit code ${code}`} after ${seconds.toFixed(1)} s, peak ${Math.round(treePeak / 1024)} MB: ${reason.slice(0, 300)}`;
		if (allowFailure) return { seconds, peakMB: NaN, treePeakMB: treePeak / 1024, stages: [], failed };
		console.error(output);
		process.exit(1);
	}
	// Our build reports its memory by stage (src/integrations/memory-stages.ts); a peer's does not.
	const stages = [...output.matchAll(/^memory: (.*)$/gm)].map((m) => m[1]);
	// A build that indexes after (scripts/build.mjs) builds in a child process: its peak is the last stage's.
	const childPeakMB = Math.max(0, ...stages.map((s) => Number(/peak so far (\d+) MB/.exec(s)?.[1] ?? 0)));
	// Why the build indexed after itself, and what that step printed (how long it indexed), for the report:
	// only a build that indexes after prints them.
	const afterLines = output.split('\n').filter((l) => l.startsWith('Search: ') || l.startsWith('[atlas:search-after-build]'));
	return { seconds, peakMB: Math.max(Number(readFileSync(join(dir, 'rss.txt'), 'utf8')) / 1024, childPeakMB), treePeakMB: treePeak / 1024, stages, searchAfter: afterLines.length > 0, afterLines };
}
