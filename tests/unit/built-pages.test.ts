import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtDigest } from '../../src/integrations/built-pages.ts';

/** A built page as the layout writes it, with an indexed article, a link, an id and an inline script. */
const page = (i: number) => `<!DOCTYPE html><html lang="en"><head><title>Page ${i}</title>
<meta name="description" content="About page ${i}."><script>document.documentElement.dataset.theme = 'light';</script></head>
<body><main><article data-pagefind-body><h1>Page ${i}</h1><h2 id="design">Design</h2>
<p>${'Booster radiator methane payload constellation. '.repeat(40)}<a href="/p${i + 1}/">next</a></p></article></main></body></html>`;

describe('the one pass over the built pages', () => {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-digest-'));
	const pages = 2000;
	for (let i = 0; i < pages; i++) {
		mkdirSync(join(dir, `p${i}`));
		writeFileSync(join(dir, `p${i}`, 'index.html'), page(i));
	}
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reads every page once, and lets the event loop run while it reads (Pagefind waits on messages meanwhile)', async () => {
		let turns = 0;
		let reading = true;
		const count = () => {
			if (!reading) return;
			turns++;
			setImmediate(count);
		};
		setImmediate(count);
		const digest = builtDigest(dir);
		// Asked again during the same build, the pass is not run twice.
		expect(builtDigest(dir)).toBe(digest);
		const { links, hashes, twins, scriptHashes, vocabularies } = await digest;
		reading = false;
		// 2,000 pages take far longer than one slice of the pass: other work got turns in between.
		expect(turns).toBeGreaterThan(1);
		expect(links.size).toBe(pages);
		expect(hashes.size).toBe(pages);
		expect(links.get('p7/index.html')).toEqual({ links: ['/p8/'], ids: new Set(['design']) });
		expect(scriptHashes).toHaveLength(1);
		expect(twins).toHaveLength(pages);
		expect(readFileSync(join(dir, 'p7.md'), 'utf8')).toMatch(/^# Page 7\n/);
		expect(vocabularies.get('')!.build().terms.map(([term]) => term)).toEqual(expect.arrayContaining(['radiator', 'constellation']));
	});
});
