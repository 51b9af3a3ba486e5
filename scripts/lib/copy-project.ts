// A throwaway copy of the project in a temporary directory, for tests that break or extend the
// content and for benchmarks. Packages are linked one by one rather than the whole node_modules
// folder, so Astro's and Vite's caches (node_modules/.astro, node_modules/.vite) stay private to the
// copy: parallel builds sharing one content cache would overwrite each other's entries.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COPIED = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const PRIVATE = new Set(['.astro', '.vite', '.cache']);

/** Copies the project; returns its directory. */
export function copyProject(prefix = 'atlas-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
	mkdirSync(join(dir, 'node_modules'));
	for (const name of readdirSync(join(ROOT, 'node_modules'))) {
		if (!PRIVATE.has(name)) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
	}
	return dir;
}
