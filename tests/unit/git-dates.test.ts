/**
 * The one-pass git dates (src/lib/git-dates.ts) give every file the date that `git log -1 -- FILE` gives it,
 * on a small repository made here: commits on several days, a side branch merged back, a merge that edits a
 * file itself, a rename, a deletion, names with spaces and non-ASCII letters; a shallow clone and a folder
 * outside git give no dates. The one known difference is pinned too: a change made on a branch whose merge
 * threw it away (`-s ours`) still dates the file, where history simplification would skip it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitDates } from '../../src/lib/git-dates.ts';

let repo: string;
let day = 0;
const git = (args: string[], cwd = repo, env: Record<string, string> = {}) =>
	execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
/** Commits everything on the next day of 2025, so each commit has a date of its own. */
function commit(message: string, extra: string[] = []) {
	day++;
	const date = `2025-01-01T12:00:00Z`.replace('01T', `${String(day).padStart(2, '0')}T`);
	git(['add', '-A']);
	git(['commit', '-q', '-m', message, ...extra], repo, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}
const write = (file: string, text: string) => {
	mkdirSync(join(repo, file, '..'), { recursive: true });
	writeFileSync(join(repo, file), text);
};

beforeAll(() => {
	repo = mkdtempSync(join(tmpdir(), 'atlas-git-dates-'));
	git(['init', '-q', '-b', 'main']);
	git(['config', 'user.email', 'test@example.org']);
	git(['config', 'user.name', 'Test']);
	write('site/src/a.mdx', 'a1');
	write('site/src/b.mdx', 'b1');
	write('site/src/with space é.mdx', 's1');
	write('site/old.mdx', 'o1');
	commit('first');
	write('site/src/a.mdx', 'a2');
	commit('second');
	git(['checkout', '-q', '-b', 'side']);
	write('site/src/b.mdx', 'b-side');
	write('site/src/c.mdx', 'c-side');
	write('site/src/d é.mdx', 'd-side');
	commit('side change');
	git(['checkout', '-q', 'main']);
	write('site/src/a.mdx', 'a3');
	commit('main moves on');
	git(['merge', '-q', '--no-ff', '--no-commit', 'side']);
	write('site/src/b.mdx', 'b-resolved-in-merge');
	commit('merge side, editing b in the merge itself');
	git(['checkout', '-q', '-b', 'discarded']);
	write('site/src/with space é.mdx', 's-discarded');
	commit('a change the merge will throw away');
	git(['checkout', '-q', 'main']);
	git(['merge', '-q', '--no-ff', '-s', 'ours', 'discarded', '-m', 'merge, keeping ours']);
	git(['mv', 'site/old.mdx', 'site/new.mdx']);
	commit('rename');
	git(['rm', '-q', 'site/src/c.mdx']);
	commit('delete c');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('commitDates', () => {
	it('gives every file the date `git log -1 -- FILE` gives it, from one pass', async () => {
		const { top, dates } = await commitDates(join(repo, 'site'));
		expect(top).toBe(git(['rev-parse', '--show-toplevel']));
		const files = ['site/src/a.mdx', 'site/src/b.mdx', 'site/src/c.mdx', 'site/src/d é.mdx', 'site/old.mdx', 'site/new.mdx'];
		for (const file of files) {
			const expected = git(['log', '-1', '--format=%cs', '--', file]);
			expect(dates.get(file)?.toISOString().slice(0, 10), file).toBe(expected);
		}
		// The spot checks that make the comparison mean something: the merge's own edit counts, a side
		// branch's change counts from its own commit, a rename is a new file.
		expect(dates.get('site/src/b.mdx')?.toISOString().slice(0, 10)).toBe('2025-01-05');
		expect(dates.get('site/src/d é.mdx')?.toISOString().slice(0, 10)).toBe('2025-01-03');
		expect(dates.get('site/new.mdx')?.toISOString().slice(0, 10)).toBe('2025-01-07');
	});
	it('counts a change that a merge threw away, which `git log -1 -- FILE` skips (the one known difference)', async () => {
		const { dates } = await commitDates(repo);
		expect(git(['log', '-1', '--format=%cs', '--', 'site/src/with space é.mdx'])).toBe('2025-01-01');
		expect(dates.get('site/src/with space é.mdx')?.toISOString().slice(0, 10)).toBe('2025-01-06');
	});
	it('gives no dates in a shallow clone or outside git', async () => {
		const shallow = mkdtempSync(join(tmpdir(), 'atlas-git-shallow-'));
		const outside = mkdtempSync(join(tmpdir(), 'atlas-no-git-'));
		try {
			git(['clone', '-q', '--depth', '1', `file://${repo}`, shallow], tmpdir());
			expect((await commitDates(shallow)).dates.size).toBe(0);
			expect((await commitDates(outside)).dates.size).toBe(0);
		} finally {
			rmSync(shallow, { recursive: true, force: true });
			rmSync(outside, { recursive: true, force: true });
		}
	});
});
