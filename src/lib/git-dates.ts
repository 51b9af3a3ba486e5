/**
 * When a file last changed, from git: for pages whose content has no `updated` date (entity pages are
 * built from one shared data file). One `git log` per file, remembered for the build; nothing when the
 * project is not a git checkout (a copied project, a tarball), and the citation then leaves the date out.
 */
import { execFileSync } from 'node:child_process';

const dates = new Map<string, Date | undefined>();

export function lastCommitDate(file: string): Date | undefined {
	if (!dates.has(file)) {
		let date: Date | undefined;
		try {
			const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
			if (/^\d{4}-\d{2}-\d{2}$/.test(out)) date = new Date(`${out}T00:00:00Z`);
		} catch {}
		dates.set(file, date);
	}
	return dates.get(file);
}
