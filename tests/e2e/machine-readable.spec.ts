/**
 * The atlas for machines and researchers: every sitemap page has a Markdown twin linked from its head, with
 * no markup and exactly the page's sources as footnotes; llms.txt links every twin and llms-full.txt holds
 * each page once; the JSON under /data/ validates against its generated schema and counts what the site
 * shows; "Copy page" copies the twin.
 */
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { inShard, sitemapPaths } from './support.ts';
import { readData } from '../../src/lib/content-model.ts';
import { ROOT } from '../support/project.ts';

/** Markdown with its code removed, for looking for markup. */
const outsideCode = (md: string) => md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

/** Every page is read in a browser: split the sitemap so both workers share it, each part with its own time. */
const SHARDS = 4;

for (let shard = 0; shard < SHARDS; shard++) {
	test(`every sitemap page has a Markdown twin, linked from its head, without markup, whose footnotes are the page’s references (part ${shard + 1} of ${SHARDS})`, async ({ page, request }) => {
		test.setTimeout(180_000);
		const all = await sitemapPaths(request);
		expect(all.length).toBeGreaterThan(50);
		const paths = all.filter(inShard(shard, SHARDS));
		for (const path of paths) {
			// What is checked is in the HTML: no need to wait for the stylesheet, fonts or scripts.
			await page.goto(path, { waitUntil: 'domcontentloaded' });
			const link = page.locator('head link[rel="alternate"][type="text/markdown"]');
			await expect(link, path).toHaveCount(1);
			const twin = new URL((await link.getAttribute('href'))!, page.url()).pathname;
			const res = await request.get(twin);
			expect(res.status(), twin).toBe(200);
			const md = await res.text();
			const title = (await page.getByRole('heading', { level: 1 }).first().textContent())!.trim();
			expect(md.split('\n')[0], twin).toBe(`# ${title.replace(/([\\`*_[\]])/g, '\\$1')}`);
			expect(md).toContain(`- Page: ${new URL(path, page.url()).href}`);
			expect(outsideCode(md), `${twin} has no HTML or MDX tag`).not.toMatch(/(?<!\\)<\/?[A-Za-z][A-Za-z0-9-]*[\s/>]/);
			// The footnotes list exactly the page's references, in order (by each source's address).
			const listed = await page.locator('.references li[id^="ref-"]').evaluateAll((lis) => lis.map((li) => li.querySelector('a.url')!.getAttribute('href')!));
			const notes = [...md.matchAll(/^\[\^(\d+)\]: .*\[([^\]]+)\]\(\1?[^)]*\)$/gm)].map((m) => m[2]);
			expect(notes, twin).toEqual(listed);
			// Every citation marker has its footnote.
			for (const m of md.matchAll(/\[\^(\d+)\](?!:)/g)) expect(Number(m[1]), twin).toBeLessThanOrEqual(listed.length);
			if (path.match(/^\/(rocketry|space-data-centres|rivalry)\/[^/]+\/$/) && !path.includes('/page/')) expect(md, twin).toMatch(/\[\^1\]/);
		}
	});
}

test('llms.txt links every twin (each translation under its language), each link resolves; llms-full.txt holds every English page once', async ({ request }) => {
	const paths = await sitemapPaths(request);
	const llms = await (await request.get('/llms.txt')).text();
	expect(llms.split('\n')[0]).toBe('# Orbital Compute Atlas');
	expect(llms).toMatch(/\*Reported\*/);
	expect(llms).toMatch(/Sources read|sources read reach \d+ \w+ \d{4}/);
	const links = [...llms.matchAll(/^- \[[^\]]+\]\(([^)]+)\)/gm)].map((m) => new URL(m[1]!).pathname);
	const twins = paths.map((p) => (p === '/' ? '/index.md' : `${p.replace(/\/$/, '')}.md`));
	expect([...links].sort()).toEqual([...twins].sort());
	for (const link of links) expect((await request.get(link)).status(), link).toBe(200);
	const full = await (await request.get('/llms-full.txt')).text();
	const translated = readData(ROOT, 'languages').slice(1);
	for (const language of translated) expect(llms).toContain(`## ${String(language.name)} (${language.id})`);
	for (const p of paths.filter((path) => !translated.some((l) => path.startsWith(`/${l.id}/`)))) {
		const url = new URL(p, 'http://localhost:4321').href;
		expect(full.split(`- Page: ${url}\n`).length - 1, p).toBe(1);
	}
	// One bibliography at the end, and every marker points into it.
	const bibliography = full.slice(full.lastIndexOf('## Bibliography'));
	const defined = new Set([...bibliography.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
	for (const m of full.matchAll(/\[\^(\d+)\](?!:)/g)) expect(defined.has(m[1]), `footnote ${m[1]}`).toBe(true);
	expect(full.match(/^## Bibliography$/gm)).toHaveLength(1);
});

test('the data files validate against their generated schemas and count what the site shows', async ({ page, request }) => {
	const ajv = new Ajv2020({ allErrors: true, strict: false });
	addFormats(ajv);
	const data: Record<string, unknown[]> = {};
	for (const name of ['events', 'entities', 'sources', 'questions', 'themes']) {
		const schema = await (await request.get(`/data/${name}.schema.json`)).json();
		data[name] = await (await request.get(`/data/${name}.json`)).json();
		const validate = ajv.compile(schema);
		expect(validate(data[name]), `${name}.json: ${ajv.errorsText(validate.errors)}`).toBe(true);
		// The schema does reject a broken entry: the check can fail.
		expect(validate([{ ...(data[name]![0] as object), id: 42 }]), `${name}.schema.json rejects a numeric id`).toBe(false);
	}
	await page.goto('/timeline/');
	expect(data.events).toHaveLength(await page.locator('.timeline .event').count());
	await page.goto('/sources/');
	expect(data.sources).toHaveLength(await page.locator('[id^="source-s"]').count());
	const people = (await sitemapPaths(request)).filter((p) => /^\/people\/[^/]+\/$/.test(p));
	expect(data.entities).toHaveLength(people.length);
	await page.goto('/open-questions/');
	expect(data.questions).toHaveLength(await page.locator('.question').count());
	await page.goto('/data/');
	for (const name of Object.keys(data)) await expect(page.getByRole('link', { name: `${name}.json`, exact: true })).toHaveAttribute('href', `/data/${name}.json`);
});

test('“Copy page” copies the page’s Markdown twin', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/rocketry/nova/');
	await page.getByRole('button', { name: 'Copy page' }).click();
	await expect(page.locator('[data-copy-page-status]')).toHaveText('Page copied as Markdown.');
	const twin = await (await page.request.get('/rocketry/nova.md')).text();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
	await page.getByRole('link', { name: 'View as Markdown' }).click();
	expect(new URL(page.url()).pathname).toBe('/rocketry/nova.md');
});
