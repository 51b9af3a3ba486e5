/**
 * A throwaway copy of the project in a temporary directory (node_modules linked, not copied), so a
 * test can break or extend the content and run the real build on it.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { copyProject, ROOT } from '../../scripts/lib/copy-project.ts';

export { copyProject, ROOT };

export function removeProject(dir: string) {
	rmSync(dir, { recursive: true, force: true });
}

/** Runs the production build (`npm run build`'s script) in a project copy. */
export function runBuild(dir: string, env: Record<string, string> = {}): { code: number; output: string } {
	const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
		cwd: dir,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
		timeout: 180_000,
	});
	return { code: r.status ?? 1, output: `${r.stdout}\n${r.stderr}` };
}
