import { describe, expect, it } from 'vitest';
import { cardKeyFor, cardPath } from '../../src/lib/cards.ts';
import { bibtexEscape, bibtexKey, citationBibtex, citationText, editUrl } from '../../src/lib/citation.ts';
import { headingAnchor } from '../../src/integrations/markdown-atlas.ts';

describe('cardKeyFor', () => {
	const themes = ['rocketry', 'space-data-centres', 'rivalry'];
	it("gives a theme's listing, its later listing pages and its articles the theme's card", () => {
		expect(cardKeyFor('/rocketry/', themes)).toBe('theme-rocketry');
		expect(cardKeyFor('/rocketry/page/2/', themes)).toBe('theme-rocketry');
		expect(cardKeyFor('/space-data-centres/heat-and-radiation/', themes)).toBe('theme-space-data-centres');
	});
	it('gives the story and the reference pages their own, and everything else the home card', () => {
		expect(cardKeyFor('/story/', themes)).toBe('story');
		expect(cardKeyFor('/people/openai/', themes)).toBe('people');
		expect(cardKeyFor('/timeline/', themes)).toBe('timeline');
		expect(cardKeyFor('/', themes)).toBe('home');
		expect(cardKeyFor('/404', themes)).toBe('home');
		expect(cardKeyFor('/updates/', themes)).toBe('home');
		expect(cardPath('home')).toBe('/og/home.png');
		expect(cardPath('home', 'es')).toBe('/og/es/home.png');
	});
});

describe('citations', () => {
	const page = { title: 'Nova’s design', site: 'Orbital Compute Atlas', url: 'https://atlas.example.org/rocketry/nova/', updated: new Date('2026-11-25'), accessed: new Date('2026-12-01T10:00:00Z') };
	it('reads as one sentence of plain text', () => {
		expect(citationText(page)).toBe('“Nova’s design.” Orbital Compute Atlas. Last updated 25 November 2026. https://atlas.example.org/rocketry/nova/ (accessed 1 December 2026).');
		expect(citationText({ ...page, title: 'Who pays?', updated: undefined })).toBe('“Who pays?” Orbital Compute Atlas. https://atlas.example.org/rocketry/nova/ (accessed 1 December 2026).');
	});
	it('is a BibTeX @misc entry with the URL and both dates', () => {
		expect(citationBibtex(page, '/rocketry/nova/')).toBe(
			'@misc{oca-rocketry-nova,\n  title = {Nova’s design},\n  author = {{Orbital Compute Atlas}},\n  howpublished = {Orbital Compute Atlas},\n  year = {2026},\n  month = nov,\n  date = {2026-11-25},\n  url = {https://atlas.example.org/rocketry/nova/},\n  urldate = {2026-12-01},\n  note = {Last updated 2026-11-25; accessed 2026-12-01}\n}',
		);
	});
	it("escapes BibTeX's special characters and makes keys from paths", () => {
		expect(bibtexEscape('R&D at 50% {draft} #1 $5 a_b')).toBe('R\\&D at 50\\% \\{draft\\} \\#1 \\$5 a\\_b');
		expect(bibtexKey('/')).toBe('oca-home');
		expect(bibtexKey('/people/sam-altman/')).toBe('oca-people-sam-altman');
	});
});

describe('editUrl', () => {
	it('joins the base and the file with one slash, and gives nothing without a base', () => {
		expect(editUrl('https://github.com/o/r/edit/main/', 'src/content/docs/rocketry/nova.mdx')).toBe('https://github.com/o/r/edit/main/src/content/docs/rocketry/nova.mdx');
		expect(editUrl('https://gitlab.com/o/r/-/edit/main', './src/content/pages/story.mdx')).toBe('https://gitlab.com/o/r/-/edit/main/src/content/pages/story.mdx');
		expect(editUrl(undefined, 'x.mdx')).toBeUndefined();
		expect(editUrl('  ', 'x.mdx')).toBeUndefined();
	});
});

describe('headingAnchor', () => {
	it('wraps the heading with a link to it, named for screen readers and kept out of search', () => {
		const wrapper = headingAnchor(3, 'payload-figures', 'Payload figures');
		expect(wrapper.properties.className).toEqual(['heading-wrapper', 'level-h3']);
		const a = wrapper.children[0]!;
		expect(a).toMatchObject({ tagName: 'a', properties: { href: '#payload-figures', dataPagefindIgnore: '' } });
		expect(JSON.stringify(a)).toContain('Section titled “Payload figures”');
	});
});

describe('drawCard', () => {
	it('draws a 1200×630 PNG once, then reads it from the cache until something on it changes', async () => {
		const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const { drawCard } = await import('../../src/lib/social-card.ts');
		const dir = mkdtempSync(join(tmpdir(), 'atlas-cards-'));
		try {
			const spec = { key: 'theme-rocketry', eyebrow: 'Theme', title: 'Rocketry', subtitle: 'Launchers and the companies behind them.' };
			const site = { name: 'Orbital Compute Atlas', host: 'atlas.example.org', footer: 'Every statement cited' };
			const first = await drawCard(spec, site, dir);
			expect(first.cached).toBe(false);
			expect(first.png.subarray(1, 4).toString('latin1')).toBe('PNG');
			expect([first.png.readUInt32BE(16), first.png.readUInt32BE(20)]).toEqual([1200, 630]);
			const again = await drawCard(spec, site, dir);
			expect(again.cached).toBe(true);
			expect(again.png.equals(first.png)).toBe(true);
			expect((await drawCard({ ...spec, title: 'Rockets' }, site, dir)).cached).toBe(false);
			// Chinese text is drawn with the parts of Noto Sans SC that hold it: a different card, not an error.
			const chinese = await drawCard({ ...spec, eyebrow: '主题', title: '火箭' }, { ...site, footer: '每条陈述均注明出处' }, dir);
			expect(chinese.png.equals(first.png)).toBe(false);
			expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(3);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
