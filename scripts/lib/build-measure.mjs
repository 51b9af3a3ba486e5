// Timing a production build: wall time and the build process's peak memory, from clean caches.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
 * One clean build of the project in `dir` (caches and dist/ removed first): wall seconds and the peak RSS of
 * the build process. `entry` is the module that builds (ours: scripts/build.mjs; a peer: Astro's own build).
 */
export function buildOnce(dir, entry = "await import('./scripts/build.mjs');") {
	for (const cache of ['node_modules/.astro', 'node_modules/.vite', '.astro', 'dist']) rmSync(join(dir, cache), { recursive: true, force: true });
	writeFileSync(join(dir, 'measure-build.mjs'), `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync('rss.txt', String(process.resourceUsage().maxRSS)));\n${entry}\n`);
	const started = performance.now();
	const build = spawnSync(process.execPath, ['measure-build.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 28 });
	const seconds = (performance.now() - started) / 1000;
	if (build.status !== 0) { console.error(build.stdout, build.stderr); process.exit(1); }
	return { seconds, peakMB: Number(readFileSync(join(dir, 'rss.txt'), 'utf8')) / 1024 };
}
