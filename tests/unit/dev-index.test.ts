import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missedEvents, sourceFiles } from '../../src/integrations/pagefind-dev.ts';

describe('the dev index catching up with what the file watcher missed', () => {
	it('lists the files of the source folders with their times, and nothing outside them', () => {
		const root = mkdtempSync(join(tmpdir(), 'atlas-sources-'));
		try {
			mkdirSync(join(root, 'src/content/docs/rocketry'), { recursive: true });
			mkdirSync(join(root, 'src/lib'), { recursive: true });
			writeFileSync(join(root, 'src/content/docs/rocketry/a.mdx'), 'a');
			writeFileSync(join(root, 'src/lib/b.ts'), 'b');
			utimesSync(join(root, 'src/content/docs/rocketry/a.mdx'), 1000, 1000);
			// No src/pages, src/components or src/layouts here: a missing folder is no error.
			expect([...sourceFiles(root)]).toEqual([[join(root, 'src/content/docs/rocketry/a.mdx'), 1_000_000]]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it('turns the difference into the events the watcher would have sent', () => {
		const before = new Map([['/p/a.mdx', 1], ['/p/b.mdx', 2], ['/p/c.mdx', 3]]);
		const now = new Map([['/p/a.mdx', 1], ['/p/b.mdx', 5], ['/p/d.mdx', 4]]);
		expect(missedEvents(before, now)).toEqual([['change', '/p/b.mdx'], ['add', '/p/d.mdx'], ['unlink', '/p/c.mdx']]);
		expect(missedEvents(now, new Map(now))).toEqual([]);
	});
});
