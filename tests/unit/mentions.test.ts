/**
 * The Markdown plugin is the one reader of citations and mentions: compile a page as the build does and
 * check what it found, how it numbered the citations, and how it reports a wrong id.
 */
import { describe, expect, it } from 'vitest';
import { compileMdx } from '../../scripts/lib/content-report.ts';
import { invert, referenceList, splitIds } from '../../src/lib/mentions.ts';
import { ROOT } from '../support/project.ts';

const body = `Intro<Cite id="s7" />. More <Cite id="s1 s7" /> and <Entity id="stoke-space">Stoke</Entity>,
<Entity id='sam-altman'>Altman</Entity> then <Cite id='s22b'/> and <Entity id="stoke-space">Stoke</Entity>. See [Nova](/rocketry/nova/).`;

const compile = (text: string, base = '/') => compileMdx(ROOT, 'src/content/docs/rocketry/example.mdx', text, {}, base);

describe('the Markdown plugin', () => {
	it('records cited sources and mentioned entities in order of first appearance, once each', async () => {
		const { frontmatter } = await compile(body);
		expect(frontmatter.citations).toEqual(['s7', 's1', 's22b']);
		expect(frontmatter.entities).toEqual(['stoke-space', 'sam-altman']);
	});
	it('numbers each citation by its source’s first appearance', async () => {
		const { code } = await compile(body);
		expect([...code.matchAll(/\bn: "([\d ]+)"/g)].map((m) => m[1])).toEqual(['1', '2 1', '3']);
	});
	it('puts the base path in front of root-relative links', async () => {
		expect((await compile(body, '/sub/')).code).toContain('"/sub/rocketry/nova/"');
		expect((await compile(body)).code).toContain('"/rocketry/nova/"');
	});
	it('finds nothing in a page without citations', async () => {
		expect((await compile('Plain text, <Claim status="reported">x</Claim>.')).frontmatter).toMatchObject({ citations: [], entities: [] });
	});
	it('names the file, the line and the fix for an unknown id or status', async () => {
		await expect(compile('Text.\n\nMore<Cite id="s999" />.')).rejects.toMatchObject({
			file: 'src/content/docs/rocketry/example.mdx',
			line: 3,
			hint: expect.stringContaining('src/content/data/sources.yaml'),
		});
		await expect(compile('<Entity id="nobody">N</Entity>')).rejects.toThrow(/example\.mdx:1: <Entity id="nobody">/);
		await expect(compile('<Claim status="rumour">x</Claim>')).rejects.toThrow(/must have a status of confirmed, reported/);
	});
});

describe('reference lists and backlinks', () => {
	it('splits on spaces and commas', () => {
		expect(splitIds(' s1  s2,s3 ')).toEqual(['s1', 's2', 's3']);
	});
	it('appends frontmatter sources not cited inline', () => {
		expect(referenceList(['s7', 's1', 's22b'], ['s1', 's40'])).toEqual(['s7', 's1', 's22b', 's40']);
	});
	it('inverts pages to ids, keeping page order', () => {
		const pages = [{ n: 'a', ids: ['x', 'y'] }, { n: 'b', ids: ['y', 'y'] }];
		const map = invert(pages, (p) => p.ids);
		expect(map.get('y')!.map((p) => p.n)).toEqual(['a', 'b']);
		expect(map.get('x')!.map((p) => p.n)).toEqual(['a']);
	});
});
