/**
 * When a file last changed, from git: for pages whose content has no `updated` date (entity pages are
 * built from one shared data file). One `git log` per file, remembered for the build; nothing when the
 * project is not a git checkout (a copied project, a tarball) or is a shallow clone (whose one commit would
 * seem to have changed every file), and the citation then leaves the date out.
 */
import { execFileSync } from 'node:child_process';

const dates = new Map<string, Date | undefined>();
let usable: boolean | undefined;

function git(args: string[]): string {
	return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
}

export function lastCommitDate(file: string): Date | undefined {
	if (usable === undefined) {
		try {
			usable = git(['rev-parse', '--is-shallow-repository']) === 'false';
		} catch {
			usable = false;
		}
	}
	if (!usable) return undefined;
	if (!dates.has(file)) {
		let date: Date | undefined;
		try {
			const out = git(['log', '-1', '--format=%cs', '--', file]);
			if (/^\d{4}-\d{2}-\d{2}$/.test(out)) date = new Date(`${out}T00:00:00Z`);
		} catch {}
		dates.set(file, date);
	}
	return dates.get(file);
}
