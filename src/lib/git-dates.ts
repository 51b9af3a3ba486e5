/**
 * When a file last changed, from git: for pages whose content has no `updated` date (entity pages are
 * built from one shared data file). Nothing when the project is not a git checkout (a copied project, a
 * tarball) or is a shallow clone (whose one commit would seem to have changed every file), and the
 * citation then leaves the date out.
 *
 * One `git log` reads the whole history once, streamed, the first time a date is asked for, and keeps each
 * file's newest commit date: the cost is one pass over the history, not one process per page (a build of
 * 3,000 pages without `updated` used to start 3,000 `git log -1 -- FILE`, each walking the history, and
 * block the event loop while it waited). The walk is the one `git log -1 -- FILE` makes: the same commit
 * order, merges counted only where they changed a file against every parent (`--cc`, as history
 * simplification shows them), renames not followed. One difference remains, pinned by the unit test: a change
 * made on a branch whose merge then threw it away (`git merge -s ours`) still dates the file here, where
 * `git log -1 -- FILE` would skip that branch.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isAbsolute, relative, resolve } from 'node:path';

/** A day written YYYY-MM-DD, as `%cs` prints a commit date. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Marks a commit's line in the log, so a file named like a date is never taken for one. */
const COMMIT = '\u0001';

function git(args: string[], cwd: string): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
}

/**
 * Every file's newest commit date in the repository that holds `cwd`, by path relative to the repository's
 * top, read in one streamed `git log`. Empty when `cwd` is not in a full (non-shallow) git checkout.
 */
export async function commitDates(cwd = process.cwd()): Promise<{ top: string; dates: Map<string, Date> }> {
	let top: string;
	try {
		if (git(['rev-parse', '--is-shallow-repository'], cwd) !== 'false') return { top: cwd, dates: new Map() };
		top = git(['rev-parse', '--show-toplevel'], cwd);
	} catch {
		return { top: cwd, dates: new Map() };
	}
	const dates = new Map<string, Date>();
	const child = spawn('git', ['-c', 'core.quotePath=false', 'log', `--format=${COMMIT}%cs`, '--name-only', '--cc', '--no-renames'], { cwd: top, stdio: ['ignore', 'pipe', 'ignore'] });
	const exited = new Promise<number | null>((done) => child.once('close', done));
	let day: Date | undefined;
	for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
		if (line.startsWith(COMMIT)) {
			const value = line.slice(1);
			day = DAY.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
		} else if (line && day && !dates.has(line)) dates.set(line, day);
	}
	return (await exited) === 0 ? { top, dates } : { top, dates: new Map() };
}

let index: ReturnType<typeof commitDates> | undefined;

/** When `file` (relative to the working directory, or absolute) last changed in git, or undefined. */
export async function lastCommitDate(file: string): Promise<Date | undefined> {
	const { top, dates } = await (index ??= commitDates());
	const path = relative(top, isAbsolute(file) ? file : resolve(file)).split('\\').join('/');
	return dates.get(path);
}
